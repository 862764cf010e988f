import { describe, expect, it } from "vitest";
import { GLOSSARY, gloss } from "./glossary";

const marked = (text: string) => gloss(text).filter((s) => s.term).map((s) => [s.text, s.term?.id]);

describe("the glossary marks legal words where they appear", () => {
  it("keeps the text whole, word for word", () => {
    const text = "L'ordonnance est signifiée au vendeur par un commissaire de justice (Cerfa 12948*06).";
    expect(gloss(text).map((s) => s.text).join("")).toBe(text);
    expect(marked(text)).toEqual([
      ["signifiée", "signifier"],
      ["commissaire de justice", "commissaire-de-justice"],
      ["Cerfa", "cerfa"],
    ]);
  });

  it("marks a term once, at its first appearance, whatever its case", () => {
    expect(marked("Mise en demeure : la mise en demeure vaut réclamation.")).toEqual([["Mise en demeure", "mise-en-demeure"]]);
  });

  it("prefers the longer phrase and never overlaps two marks", () => {
    expect(marked("une injonction de payer")).toEqual([["injonction de payer", "injonction"]]);
    expect(marked("Voir l'art. 750-1 du CPC")).toEqual([["art. 750-1", "art-750-1"]]);
  });

  it("does not mark a word that only contains a term", () => {
    expect(marked("une irrésolution, une significative hausse")).toEqual([]);
  });

  it("leaves a text without legal words as it is", () => {
    expect(gloss("Le colis n'est pas arrivé.")).toEqual([{ text: "Le colis n'est pas arrivé." }]);
  });

  it("defines every term in plain words", () => {
    for (const t of GLOSSARY) expect(t.definition.length).toBeGreaterThan(40);
  });
});
