// A proposal from a document fills the form the person checks, and keeps where each value was read.
import { describe, expect, it } from "vitest";
import { applyProposal } from "./intake";
import { emptyForm } from "./form";
import type { Proposal } from "./bindings";
import { proposal } from "../test/fixtures";

describe("applyProposal", () => {
  it("fills each field the document gave, in the form's own formats, and lists what was read", () => {
    const before = emptyForm();
    const { form, read } = applyProposal(before, proposal);
    expect(form.platform.choice).toBe("vinted");
    expect(form.merchant.name).toBe("LaBoutiqueDeMarie");
    expect(form.order.reference).toBe("402-1234567");
    expect(form.order.date).toBe("03/11/2026");
    expect(form.order.amount).toBe("59,89");
    expect(form.order.payment_method).toBe("card");
    expect(form.order.promised_delivery_date).toBe("09/11/2026");
    expect(form.title).toBe("LaBoutiqueDeMarie – commande 402-1234567");
    // What the person answers themselves is left unanswered.
    expect(form.problem).toBe("");
    expect(form.merchant.status).toBe("");
    expect(before.merchant.name).toBe("");
    const amount = read.find((r) => r.field === "order.amount_cents");
    expect(amount?.value).toMatch(/59,89\s€/);
    expect(amount?.source?.passage).toBe("Montant total : 59,89 €");
    const delivery = read.find((r) => r.field === "order.promised_delivery_date");
    expect(delivery?.value).toBe("entre le 6 novembre 2026 et le 9 novembre 2026 (le dernier jour compte)");
  });

  it("leaves the form empty when the document said nothing", () => {
    const nothing: Proposal = { ...proposal, dossier: { merchant: {}, order: {} }, sources: {}, delivery_window: null, found_nothing: true };
    const { form, read } = applyProposal(emptyForm(), nothing);
    expect(form).toEqual(emptyForm());
    expect(read).toEqual([]);
  });
});
