// The passage where a search matched: the words found are highlighted from Rust's markers, and
// nothing in the passage is ever read as markup.
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import SearchPassage from "./SearchPassage.svelte";

describe("SearchPassage", () => {
  it("says where it matched and marks the words found, as text", () => {
    render(SearchPassage, {
      hit: { source: "piece", label: "Facture Cdiscount", passage: "…balai \u0002Aspirateur\u0003 V12 <b>1 x</b>…" },
    });
    const hit = screen.getByTestId("search-hit");
    expect(hit).toHaveTextContent("Trouvé dans la pièce « Facture Cdiscount » : « …balai Aspirateur V12 <b>1 x</b>… »");
    const marks = hit.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe("Aspirateur");
    expect(hit.querySelector("b")).toBeNull();
  });

  it("names a journal entry by its French label", () => {
    render(SearchPassage, { hit: { source: "note", label: "merchant_replied", passage: "remboursement \u0002refusé\u0003" } });
    expect(screen.getByTestId("search-hit")).toHaveTextContent("dans le journal (Réponse du vendeur)");
  });
});
