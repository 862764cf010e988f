// The export dialog: the pieces chosen and their order are what Rust receives; progress shows.
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import ExportDialog from "./ExportDialog.svelte";
import type { Piece } from "../../lib/bindings";

const piece = (id: number, title: string): Piece => ({
  id, dossier_id: 1, sha256: String(id).repeat(64).slice(0, 64), size: 1000 * id, mime: "application/pdf",
  original_name: `${title}.pdf`, category: "invoice", title, description: "", document_date: "2026-03-12", position: id, added_at: "",
});

describe("ExportDialog", () => {
  it("sends the ticked pieces in the order shown, as a ZIP by default, and reports where it went", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "export_dossier") return { path: "/tmp/Recours-colis-2026-11-24.zip", pieces: 2, bytes: 5000 };
      return null;
    });
    render(ExportDialog, {
      dossierId: 1,
      pieces: [piece(1, "Facture"), piece(2, "Bon de commande"), piece(3, "Photo du colis")],
      onClose: () => {},
    });
    const list = screen.getByTestId("export-list");
    // Move "Bon de commande" first, leave out the photo.
    await userEvent.click(within(list).getByRole("button", { name: "Monter « Bon de commande »" }));
    await userEvent.click(within(list).getByRole("checkbox", { name: /Photo du colis/ }));
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(items[0]).toContain("Bon de commande");
    // The unticked row says it in words, not only by a paler colour.
    expect(items[2]).toMatch(/Photo du colis — 12 mars 2026 — non exportée/);
    expect(items[0]).not.toContain("non exportée");
    await userEvent.click(screen.getByTestId("export-run"));
    const call = calls.find((c) => c.cmd === "export_dossier");
    expect(call?.args.pieceIds).toEqual([2, 1]);
    expect(call?.args.zip).toBe(true);
    expect(await screen.findByTestId("export-done")).toHaveTextContent("2 pièces");
    expect(screen.getByTestId("export-path")).toHaveTextContent("Recours-colis-2026-11-24.zip");
  });
});
