import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import StagedDialog from "./StagedDialog.svelte";
import type { StagedDrop } from "../../lib/bindings";

const drop: StagedDrop = {
  token: "t1",
  files: [
    { name: "Facture.pdf", size: 120_000, kind: "file", files_inside: 0 },
    { name: "vide.txt", size: 0, kind: "file", files_inside: 0 },
  ],
  left_out: 0,
};

describe("StagedDialog", () => {
  it("says how many files of a very large drop were left out", () => {
    mockIPC(() => null);
    render(StagedDialog, { staged: { ...drop, left_out: 5 }, dossierId: 7, onDone: () => {} });
    expect(screen.getByTestId("staged-left-out").textContent).toMatch(/5 autres\s+n'ont pas été pris/);
  });

  it("confirms the token (never a path) and shows each file's result", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "attach_staged") {
        return [
          { name: "Facture.pdf", outcome: { result: "stored", piece: {} } },
          { name: "vide.txt", outcome: { result: "refused", name: "vide.txt", code: "empty", message: "« vide.txt » est vide (0 octet) : il n'y a rien à conserver." } },
        ];
      }
      return null;
    }, { shouldMockEvents: true });
    const onDone = vi.fn();
    render(StagedDialog, { staged: drop, dossierId: 7, onDone });
    expect(screen.getByText("Facture.pdf")).toBeInTheDocument();
    expect(screen.getByText(/120 Ko/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Ajouter 2 fichiers" }));
    expect(calls.find((c) => c.cmd === "attach_staged")?.args).toEqual({ token: "t1", dossierId: 7 });
    expect(await screen.findByText("ajouté")).toBeInTheDocument();
    expect(screen.getByText(/est vide/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Fermer" }));
    expect(onDone).toHaveBeenCalledWith(7);
  });

  it("offers to add a dropped folder's files, and cancelling releases the token", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "stage_folder_contents") {
        return { token: "t3", files: [{ name: "1.jpg", size: 10, kind: "file", files_inside: 0 }] };
      }
      return null;
    }, { shouldMockEvents: true });
    const onDone = vi.fn();
    render(StagedDialog, {
      staged: { token: "t2", files: [{ name: "Photos", size: 0, kind: "folder", files_inside: 1 }], left_out: 0 },
      dossierId: 7,
      onDone,
    });
    expect(screen.getByRole("button", { name: "Ajouter 0 fichier" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Ajouter les 1 fichiers qu'il contient" }));
    expect(await screen.findByText("1.jpg")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Annuler" }));
    expect(calls.find((c) => c.cmd === "cancel_staged")?.args).toEqual({ token: "t3" });
    expect(onDone).toHaveBeenCalledWith(null);
  });
});
