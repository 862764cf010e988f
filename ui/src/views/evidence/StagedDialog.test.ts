import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import StagedDialog from "./StagedDialog.svelte";
import type { StagedDrop } from "../../lib/bindings";
import { proposal } from "../../test/fixtures";

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

describe("StagedDialog outside a dossier", () => {
  it("offers to start a dossier from one dropped document, and hands over what Rust read", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "list_dossiers") return { dossiers: [], total_matching: 0, total_all: 0 };
      if (cmd === "propose_staged") return proposal;
      return null;
    }, { shouldMockEvents: true });
    const onPropose = vi.fn();
    const one: StagedDrop = { token: "t5", files: [{ name: "confirmation.eml", size: 4000, kind: "file", files_inside: 0 }], left_out: 0 };
    render(StagedDialog, { staged: one, dossierId: null, onDone: vi.fn(), onPropose });
    const start = await screen.findByRole("button", { name: "Créer un dossier à partir de ce document" });
    expect(start).toHaveClass("primary");
    await userEvent.click(start);
    expect(onPropose).toHaveBeenCalledWith(proposal, "t5", "confirmation.eml");
    // The staging is kept for the dossier to come: not cancelled.
    expect(calls).not.toContain("cancel_staged");
  });

  it("shows the pages of a long PDF as they are read", async () => {
    let finish: (p: unknown) => void = () => {};
    mockIPC((cmd) => {
      if (cmd === "list_dossiers") return { dossiers: [], total_matching: 0, total_all: 0 };
      if (cmd === "propose_staged") return new Promise((resolve) => (finish = resolve));
      return null;
    }, { shouldMockEvents: true });
    const onPropose = vi.fn();
    const one: StagedDrop = { token: "t8", files: [{ name: "facture.pdf", size: 900_000, kind: "file", files_inside: 0 }], left_out: 0 };
    render(StagedDialog, { staged: one, dossierId: null, onDone: vi.fn(), onPropose });
    await userEvent.click(await screen.findByRole("button", { name: "Créer un dossier à partir de ce document" }));
    await emit("recours://intake-progress", { token: "other", read: 9, total: 9 });
    await emit("recours://intake-progress", { token: "t8", read: 2, total: 5 });
    expect(await screen.findByTestId("read-progress")).toHaveTextContent("Page 2 sur 5 lue");
    expect(screen.getByRole("progressbar", { name: "Lecture du document" })).toHaveAttribute("value", "2");
    finish(proposal);
    await vi.waitFor(() => expect(onPropose).toHaveBeenCalled());
    expect(screen.queryByTestId("read-progress")).toBeNull();
  });

  it("says in French why a document could not be read, and lets the person add it to a dossier instead", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_dossiers") return { dossiers: [], total_matching: 0, total_all: 0 };
      if (cmd === "propose_staged") throw { code: "document_refused", message: "Recours ne sait pas lire ce type de fichier." };
      return null;
    }, { shouldMockEvents: true });
    const one: StagedDrop = { token: "t6", files: [{ name: "photo.jpg", size: 4000, kind: "file", files_inside: 0 }], left_out: 0 };
    render(StagedDialog, { staged: one, dossierId: null, onDone: vi.fn(), onPropose: vi.fn() });
    await userEvent.click(await screen.findByRole("button", { name: "Créer un dossier à partir de ce document" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Recours ne sait pas lire ce type de fichier.");
  });
});

describe("StagedDialog on a dossier, with an e-mail", () => {
  it("notes the merchant's answer in the journal at the e-mail's date, after the person checked it", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "propose_event_staged") {
        return {
          kind: "merchant_replied",
          date: "2026-11-21",
          note: "E-mail de Service client Boulanger : « Re: Réclamation commande 88123456 »",
          email: { from_name: "Service client Boulanger", from_address: "serviceclient@boulanger.com", date: "2026-11-21", subject: "Re: Réclamation commande 88123456" },
          attachments: [
            { name: "bon-de-retour.pdf", mime: "application/pdf", size: 2048 },
            { name: "logo.png", mime: "image/png", size: 900 },
          ],
        };
      }
      if (cmd === "record_email") return { event: {}, piece: { result: "stored", piece: {} }, attachments: [] };
      return null;
    }, { shouldMockEvents: true });
    const onDone = vi.fn();
    const one: StagedDrop = { token: "t7", files: [{ name: "Réponse.eml", size: 2000, kind: "file", files_inside: 0 }], left_out: 0 };
    render(StagedDialog, { staged: one, dossierId: 3, onDone });
    await userEvent.click(screen.getByRole("button", { name: "Noter cet e-mail dans le journal" }));
    expect(await screen.findByLabelText(/Le vendeur m'a répondu/)).toBeChecked();
    expect(screen.getByLabelText("Date de l'e-mail")).toHaveValue("21/11/2026");
    // Each attachment is offered as a piece of its own, ticked; the person leaves the logo out.
    expect(screen.getByLabelText(/bon-de-retour\.pdf/)).toBeChecked();
    await userEvent.click(screen.getByLabelText(/logo\.png/));
    await userEvent.click(screen.getByRole("button", { name: "Noter dans le journal" }));
    const record = calls.find((c) => c.cmd === "record_email")?.args as {
      token: string;
      dossierId: number;
      input: { kind: string; date: string };
      attachments: number[];
    };
    expect(record.attachments).toEqual([0]);
    expect(record.token).toBe("t7");
    expect(record.dossierId).toBe(3);
    expect(record.input.kind).toBe("merchant_replied");
    expect(record.input.date).toBe("2026-11-21");
    expect(onDone).toHaveBeenCalledWith(3, true);
  });

  it("does not offer the journal for a file that is not an e-mail", () => {
    mockIPC(() => null, { shouldMockEvents: true });
    render(StagedDialog, { staged: drop, dossierId: 3, onDone: vi.fn() });
    expect(screen.queryByRole("button", { name: "Noter cet e-mail dans le journal" })).toBeNull();
  });
});
