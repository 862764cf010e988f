// Recording a withdrawal sent by e-mail: the merchant got it the same day, so its receipt (from which
// the refund deadline runs, L221-24) is recorded with it.
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import EventForm from "./EventForm.svelte";

describe("EventForm", () => {
  it("records the receipt the same day when the withdrawal went by e-mail or the site's form", async () => {
    const added: { kind: string; date: string }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "add_event") added.push((args as { input: { kind: string; date: string } }).input);
      return null;
    });
    const onSaved = vi.fn();
    render(EventForm, { dossierId: 3, editing: null, initialKind: "withdrawal_notified", onSaved, onClose: vi.fn() });
    const date = document.getElementById("event-date") as HTMLInputElement;
    await userEvent.clear(date);
    await userEvent.type(date, "14/09/2026");
    await userEvent.click(screen.getByTestId("event-same-day"));
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(added.map((e) => [e.kind, e.date])).toEqual([
      ["withdrawal_notified", "2026-09-14"],
      ["withdrawal_received", "2026-09-14"],
    ]);
    expect(onSaved).toHaveBeenCalled();
  });

  it("records only the sending of a registered letter, whose receipt comes later", async () => {
    const added: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "add_event") added.push((args as { input: { kind: string } }).input.kind);
      return null;
    });
    render(EventForm, { dossierId: 3, editing: null, initialKind: "termination_notified", onSaved: vi.fn(), onClose: vi.fn() });
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(added).toEqual(["termination_notified"]);
  });
});
