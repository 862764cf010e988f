// The wizard panel against an assessment produced by the real rules engine
// (`recours-cli assess --today 2026-10-02`, saved in src/test/assessment-formal-notice.json).
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import WizardPanel from "./WizardPanel.svelte";
import assessment from "../../test/assessment-formal-notice.json";
import type { Assessment, Event } from "../../lib/bindings";

function backend(events: Event[] = []) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "assess_dossier") return assessment as unknown as Assessment;
    if (cmd === "list_events") return events;
    if (cmd === "letter_options") {
      return [
        { kind: "formal_notice_delivery", label: "Mise en demeure de livrer", step: "formal_notice", registered: true, sent_event: "formal_notice_sent" },
      ];
    }
    if (cmd === "add_event") {
      const input = (args as { input: { tracking_number: string | null } }).input;
      if (input.tracking_number && input.tracking_number.replace(/\s/g, "").length !== 13) {
        throw {
          code: "validation",
          message: "Le numéro de lettre recommandée compte 13 lettres et chiffres.",
          fields: [{ field: "tracking_number", message: "Le numéro de lettre recommandée compte 13 lettres et chiffres." }],
        };
      }
      return { id: 1, dossier_id: 7, kind: "formal_notice_sent", date: "2026-10-01", note: "", amount_cents: null, deadline_days: 8, tracking_number: "1A12345678901", created_at: "" };
    }
    return null;
  });
  return calls;
}

describe("WizardPanel", () => {
  it("leads with what to do now: the current step, its date, writing the letter first, the law one click away", async () => {
    backend();
    render(WizardPanel, { dossierId: 7, version: 0, onChanged: () => {} });
    const next = await screen.findByTestId("next-action");
    expect(next).toHaveAttribute("data-step", "formal_notice");
    expect(within(next).getByTestId("step-deadline")).toHaveTextContent("8 septembre 2026");
    // Writing comes first and is the primary action; recording what was sent comes after it, as a question.
    const buttons = within(next).getAllByRole("button").map((b) => b.textContent ?? "");
    const write = buttons.findIndex((t) => t.includes("Rédiger : mise en demeure de livrer"));
    const record = buttons.findIndex((t) => t.includes("Noter : mise en demeure envoyée"));
    expect(write).toBeGreaterThanOrEqual(0);
    expect(record).toBeGreaterThan(write);
    expect(within(next).getByRole("button", { name: /Rédiger/ })).toHaveClass("primary");
    expect(within(next).getByRole("button", { name: /Noter/ })).not.toHaveClass("primary");
    expect(next).toHaveTextContent("Déjà envoyé sans passer par Recours ?");
    // « Pourquoi ? » holds the law and its sources, closed until asked for.
    const why = within(next).getByTestId("why");
    expect(why).not.toHaveAttribute("open");
    expect(why).toHaveTextContent("L216-6");

    const ladder = screen.getByTestId("ladder");
    const current = ladder.querySelector("[data-status=current]") as HTMLElement;
    expect(current).toHaveAttribute("data-step", "formal_notice");
    expect(current).toHaveTextContent("détaillée plus haut");
    expect(ladder.querySelector("[data-step=complaint]")).toHaveAttribute("data-status", "not_applicable");
    // The court is not near yet: its card waits, closed.
    const court = screen.getByTestId("court");
    expect(court.tagName).toBe("DETAILS");
    expect(court).not.toHaveAttribute("open");
    expect(screen.getByTestId("court-route")).toHaveTextContent("Injonction de payer");
    // Unverified facts say so.
    expect(screen.getAllByText("à vérifier").length).toBeGreaterThan(0);
  });

  it("never badges a remedy that runs beside the ladder « Ensuite »", async () => {
    backend();
    render(WizardPanel, { dossierId: 7, version: 0, onChanged: () => {} });
    await screen.findByTestId("ladder");
    const parallel = Array.from(document.querySelectorAll<HTMLElement>(".parallel-step"));
    for (const p of parallel) expect(p).not.toHaveTextContent("Ensuite");
  });

  it("explains a legal word where it appears, on focus as on hover", async () => {
    backend();
    render(WizardPanel, { dossierId: 7, version: 0, onChanged: () => {} });
    await screen.findByTestId("ladder");
    const term = screen.getAllByRole("button", { name: /mise en demeure/i }).find((b) => b.classList.contains("term"));
    expect(term).toBeDefined();
    const tip = document.getElementById(term?.getAttribute("aria-describedby") ?? "");
    expect(tip).toHaveAttribute("role", "tooltip");
    expect(tip?.textContent).toMatch(/lettre/);
  });

  it("records the step's event with the registered-letter number, showing Rust's message on the field", async () => {
    const calls = backend();
    render(WizardPanel, { dossierId: 7, version: 0, onChanged: () => {} });
    await userEvent.click(await screen.findByRole("button", { name: /Noter : mise en demeure envoyée/ }));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByLabelText("Ce qui s'est passé")).toHaveValue("formal_notice_sent");
    const date = within(dialog).getByLabelText(/^Date/);
    await userEvent.clear(date);
    await userEvent.type(date, "01/10/2026");
    await userEvent.type(within(dialog).getByLabelText(/Numéro de la lettre/), "1A 123");
    await userEvent.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    expect(within(dialog).getByLabelText(/Numéro de la lettre/)).toHaveAttribute("aria-invalid", "true");

    await userEvent.clear(within(dialog).getByLabelText(/Numéro de la lettre/));
    await userEvent.type(within(dialog).getByLabelText(/Numéro de la lettre/), "1A 123 456 7890 1");
    await userEvent.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    const added = calls.filter((c) => c.cmd === "add_event").at(-1);
    expect(added?.args).toMatchObject({
      dossierId: 7,
      input: { kind: "formal_notice_sent", date: "2026-10-01", tracking_number: "1A 123 456 7890 1", amount_cents: null },
    });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("opens official sites through Rust by name, never by address", async () => {
    const calls = backend();
    render(WizardPanel, { dossierId: 7, version: 0, onChanged: () => {} });
    await screen.findByTestId("ladder");
    await userEvent.click(screen.getAllByRole("button", { name: /Injonction de payer \(service-public\)/ })[0]);
    expect(calls.find((c) => c.cmd === "open_site")?.args).toEqual({ site: "injonction_de_payer", dossierId: 7 });
  });
});
