// The letter dialog against a draft written by the real composer
// (`recours-cli letter --draft`, saved in src/test/letter-draft-formal-notice.json).
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import LetterDialog from "./LetterDialog.svelte";
import draft from "../../test/letter-draft-formal-notice.json";

const piece = {
  id: 9, dossier_id: 1, sha256: "ab".repeat(32), size: 25000, mime: "application/pdf",
  original_name: "Mise en demeure de livrer — 2026-11-24.pdf", category: "letter",
  title: "Mise en demeure de livrer", description: "", document_date: "2026-11-24", position: 3, added_at: "",
};

function props(overrides: Record<string, unknown> = {}) {
  return {
    dossierId: 1,
    kind: "formal_notice_delivery" as const,
    onClose: vi.fn(),
    onProduced: vi.fn(),
    onRecordSent: vi.fn(),
    onOpenSettings: vi.fn(),
    onEditDossier: vi.fn(),
    ...overrides,
  };
}

describe("LetterDialog", () => {
  it("shows what to check before sending, above the text", async () => {
    const warning = "Votre rétractation semble tardive : d'après les dates du dossier, le délai finissait le 24 septembre 2026.";
    mockIPC((cmd) => (cmd === "draft_letter" ? { ...draft, warnings: [warning] } : null));
    render(LetterDialog, props());
    expect(await screen.findByTestId("letter-warnings")).toHaveTextContent("semble tardive");
  });

  it("shows the written draft, sends the person's edits, then offers to record the sending", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "draft_letter") return draft;
      if (cmd === "produce_letter") return piece;
      if (cmd === "save_letter_edit") return { edit: (args as { edit: unknown }).edit, saved_at: "2026-11-24T13:05:00.000Z" };
      return null;
    });
    const p = props();
    render(LetterDialog, p);
    const body = (await screen.findByTestId("letter-body")) as HTMLTextAreaElement;
    expect(body.value).toContain("L216-6");
    expect(body.value).toContain("mets en demeure");
    expect(screen.getByTestId("letter-object")).toHaveValue(draft.object);
    expect(screen.getByText(/recommandé avec accusé de réception/)).toBeInTheDocument();
    await userEvent.type(body, "\n\nPost-scriptum : merci.");
    await userEvent.click(screen.getByTestId("produce-letter"));
    const produce = calls.find((c) => c.cmd === "produce_letter");
    expect(produce?.args.kind).toBe("formal_notice_delivery");
    expect((produce?.args.edit as { body: string }).body).toContain("Post-scriptum : merci.");
    expect(await screen.findByTestId("letter-produced")).toHaveTextContent("rangé dans les pièces");
    expect(p.onProduced).toHaveBeenCalledWith(piece);
    await userEvent.click(screen.getByTestId("record-sent"));
    expect(p.onRecordSent).toHaveBeenCalledWith("formal_notice_sent");
  });

  it("says what to fill in when the sender's identity is missing, and leads to the settings", async () => {
    mockIPC((cmd) => {
      if (cmd === "draft_letter") {
        throw {
          code: "letter_incomplete",
          message: "Pour écrire ce courrier, il manque : …",
          fields: [{ field: "sender.name", message: "Indiquez votre nom dans les Réglages (« Vos coordonnées ») : il signe la lettre." }],
        };
      }
      return null;
    });
    const p = props();
    render(LetterDialog, p);
    expect(await screen.findByTestId("letter-missing")).toHaveTextContent("Indiquez votre nom");
    expect(screen.queryByTestId("produce-letter")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Compléter mes coordonnées" }));
    expect(p.onOpenSettings).toHaveBeenCalled();
  });

  it("shows Rust's refusal when a bracket is left to complete, and keeps the text", async () => {
    mockIPC((cmd) => {
      if (cmd === "draft_letter") return { ...draft, body: draft.body + "\n\n[à compléter : date de la mise en demeure]" };
      if (cmd === "produce_letter") {
        throw {
          code: "letter_incomplete",
          message: "Pour écrire ce courrier, il manque : complétez « date de la mise en demeure ».",
          fields: [{ field: "body", message: "complétez « date de la mise en demeure » dans le courrier (le passage entre crochets)" }],
        };
      }
      return null;
    });
    render(LetterDialog, props());
    expect(await screen.findByTestId("letter-left")).toHaveTextContent("date de la mise en demeure");
    await userEvent.click(screen.getByTestId("produce-letter"));
    expect(await screen.findByText(/complétez « date de la mise en demeure » dans le courrier/)).toBeInTheDocument();
    expect((screen.getByTestId("letter-body") as HTMLTextAreaElement).value).toContain("[à compléter");
  });

  it("keeps the edits as they are typed and when the dialog closes", async () => {
    const kept: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "draft_letter") return { ...draft, saved: null };
      if (cmd === "save_letter_edit") {
        const a = args as { edit: Record<string, unknown> };
        kept.push(a.edit);
        return { edit: a.edit, saved_at: "2026-11-24T13:05:00.000Z" };
      }
      return null;
    });
    const p = props();
    render(LetterDialog, p);
    const body = (await screen.findByTestId("letter-body")) as HTMLTextAreaElement;
    // Opening an untouched draft writes nothing.
    await new Promise((r) => setTimeout(r, 700));
    expect(kept).toHaveLength(0);
    await userEvent.type(body, "\n\nPost-scriptum.");
    await vi.waitFor(() => expect(kept.length).toBeGreaterThan(0), { timeout: 2000 });
    expect(kept.at(-1)?.body).toContain("Post-scriptum.");
    expect(await screen.findByTestId("letter-kept")).toHaveTextContent("Vos modifications sont gardées");
    // The last keystrokes are kept on closing, before the dialog goes.
    await userEvent.type(screen.getByTestId("letter-object"), " (suite)");
    await userEvent.click(screen.getByRole("button", { name: "Fermer" }));
    expect(kept.at(-1)?.object).toBe(draft.object + " (suite)");
    expect(p.onClose).toHaveBeenCalled();
  });

  it("takes up the kept text again, and can start over from the proposed text", async () => {
    const calls: string[] = [];
    const mine = { recipient: "Boutique\n1 rue B\n75002 Paris", object: "Mon objet", body: "Mon texte à moi.", enclosures: "" };
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "draft_letter") return { ...draft, saved: { edit: mine, saved_at: "2026-11-23T09:30:00.000Z" } };
      return null;
    });
    render(LetterDialog, props());
    const body = (await screen.findByTestId("letter-body")) as HTMLTextAreaElement;
    expect(body.value).toBe("Mon texte à moi.");
    expect(screen.getByTestId("letter-object")).toHaveValue("Mon objet");
    expect(screen.getByTestId("letter-kept")).toHaveTextContent("Vous reprenez votre texte, gardé le 23 novembre 2026");
    await userEvent.click(screen.getByTestId("letter-restart"));
    await userEvent.click(screen.getByTestId("letter-restart-confirm"));
    expect(calls).toContain("discard_letter_edit");
    expect(body.value).toBe(draft.body);
    expect(screen.getByTestId("letter-object")).toHaveValue(draft.object);
    expect(screen.queryByTestId("letter-restart")).toBeNull();
    // Starting over is not itself an edit to keep.
    await new Promise((r) => setTimeout(r, 700));
    expect(calls).not.toContain("save_letter_edit");
  });

  it("stays open with the reason when the text cannot be kept, and lets the person close anyway", async () => {
    mockIPC((cmd) => {
      if (cmd === "draft_letter") return { ...draft, saved: null };
      if (cmd === "save_letter_edit") {
        throw { code: "invalid_input", message: "Ce courrier dépasse 200 000 caractères : il n'a pas pu être gardé.", fields: [] };
      }
      return null;
    });
    const p = props();
    render(LetterDialog, p);
    await userEvent.type(await screen.findByTestId("letter-object"), " bis");
    await userEvent.click(screen.getByRole("button", { name: "Fermer" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("il n'a pas pu être gardé");
    expect(p.onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Fermer sans garder mes modifications" }));
    expect(p.onClose).toHaveBeenCalled();
  });
});
