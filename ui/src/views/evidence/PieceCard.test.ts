import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import PieceCard from "./PieceCard.svelte";
import type { Piece } from "../../lib/bindings";

const base: Piece = {
  id: 4,
  dossier_id: 1,
  sha256: "a".repeat(64),
  size: 52_000,
  mime: "application/pdf",
  original_name: "facture-cdiscount.pdf",
  category: "invoice",
  title: "Facture Cdiscount",
  description: "",
  document_date: null,
  position: 1,
  added_at: "2026-11-30T10:00:00Z",
};
const PNG = "data:image/png;base64,iVBORw0KGgo=";

function show(piece: Piece) {
  const asked: number[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "piece_preview") {
      asked.push((args as { id: number }).id);
      return PNG;
    }
    return null;
  });
  render(PieceCard, { piece, onEdit: vi.fn(), onRemove: vi.fn(), onChanged: vi.fn() });
  return asked;
}

describe("PieceCard", () => {
  it("shows a PDF's first page, from its top", async () => {
    const asked = show(base);
    const img = await screen.findByRole("img", { name: "Première page de Facture Cdiscount" });
    expect(img).toHaveAttribute("src", PNG);
    expect(img).toHaveClass("page");
    expect(asked).toEqual([4]);
  });

  it("shows a photo as it is", async () => {
    show({ ...base, mime: "image/jpeg", title: "Carton abîmé", category: "photo" });
    const img = await screen.findByRole("img", { name: "Aperçu de Carton abîmé" });
    expect(img).not.toHaveClass("page");
  });

  it("does not ask for a preview of an e-mail: it shows its icon", () => {
    const asked = show({ ...base, mime: "message/rfc822", title: "Réponse du vendeur" });
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByText("@")).toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
