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
  it("shows the written draft, sends the person's edits, then offers to record the sending", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "draft_letter") return draft;
      if (cmd === "produce_letter") return piece;
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
});
