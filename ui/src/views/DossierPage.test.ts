import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import DossierPage from "./DossierPage.svelte";
import { dossier } from "../test/fixtures";

describe("DossierPage", () => {
  it("shows the facts in French", async () => {
    mockIPC((cmd) => (cmd === "get_dossier" ? dossier() : cmd === "list_pieces" ? [] : null));
    render(DossierPage, { id: 7, onBack: vi.fn(), onDeleted: vi.fn() });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Colis jamais reçu — MaBoutique");
    expect(screen.getByTestId("amount").textContent?.replace(/\s/g, " ")).toBe("129,90 €");
    expect(screen.getByText("1er octobre 2026")).toBeInTheDocument();
    expect(screen.getByText("France")).toBeInTheDocument();
  });

  it("deletes only after the explicit confirmation", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return cmd === "get_dossier" ? dossier() : cmd === "list_pieces" ? [] : null;
    });
    const onDeleted = vi.fn();
    render(DossierPage, { id: 7, onBack: vi.fn(), onDeleted });
    await userEvent.click(await screen.findByRole("button", { name: "Supprimer" }));
    const dialog = screen.getByRole("dialog", { name: "Supprimer ce dossier ?" });
    const confirm = screen.getByRole("button", { name: "Supprimer définitivement" });
    expect(dialog).toContainElement(confirm);
    expect(confirm).toBeDisabled();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(calls).not.toContain("delete_dossier");

    await userEvent.click(screen.getByRole("button", { name: "Supprimer" }));
    await userEvent.click(screen.getByLabelText(/Je comprends/));
    await userEvent.click(screen.getByRole("button", { name: "Supprimer définitivement" }));
    expect(calls).toContain("delete_dossier");
    expect(onDeleted).toHaveBeenCalledWith("Colis jamais reçu — MaBoutique");
  });

  it("closes with an outcome", async () => {
    let change: unknown = null;
    mockIPC((cmd, args) => {
      if (cmd === "get_dossier") return dossier();
      if (cmd === "list_pieces") return [];
      if (cmd === "set_dossier_status") {
        change = (args as { change: unknown }).change;
        return dossier({ status: "resolved", outcome_note: "Remboursé." });
      }
      return null;
    });
    render(DossierPage, { id: 7, onBack: vi.fn(), onDeleted: vi.fn() });
    await userEvent.click(await screen.findByRole("button", { name: "Clore le dossier" }));
    await userEvent.type(screen.getByLabelText(/Ce qui s'est passé/), "Remboursé.");
    const dialog = screen.getByRole("dialog");
    await userEvent.click(dialog.querySelector("button.primary") as HTMLButtonElement);
    expect(change).toEqual({ status: "resolved", outcome_note: "Remboursé." });
    expect(await screen.findByText("Remboursé.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Rouvrir" })).toBeInTheDocument();
  });
});
