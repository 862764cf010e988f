import { describe, expect, it } from "vitest";
import { emptyForm, formToInput, stepOfField } from "./form";

describe("formToInput", () => {
  it("lists what cannot be sent", () => {
    const f = emptyForm();
    f.order.amount = "douze euros";
    f.order.delivered_date = "hier";
    const result = formToInput(f);
    expect("errors" in result && result.errors.map((e) => e.field)).toEqual([
      "problem",
      "merchant.status",
      "platform.choice",
      "order.date",
      "order.amount_cents",
      "order.delivered_date",
    ]);
  });

  it("converts a filled form", () => {
    const f = emptyForm();
    f.problem = "non_delivery";
    f.title = "Colis";
    f.merchant.name = "MaBoutique";
    f.merchant.status = "professional";
    f.platform.choice = "none";
    f.merchant.email = "  ";
    f.order.date = "12/03/2026";
    f.order.amount = "49,90";
    const result = formToInput(f);
    if (!("input" in result)) throw new Error("expected an input");
    expect(result.input.order).toMatchObject({ date: "2026-03-12", amount_cents: 4990, delivered_date: null });
    // Never pre-answered: untouched, the withdrawal information is « je ne sais pas » (L221-20).
    expect(result.input.order.withdrawal_info_given).toBeNull();
    f.order.withdrawal_info_given = "no";
    const told = formToInput(f);
    if (!("input" in told)) throw new Error("expected an input");
    expect(told.input.order.withdrawal_info_given).toBe(false);
    expect(result.input.merchant.email).toBeNull();
    expect(result.input.platform).toBeNull();
  });

  it("keeps the platform as a party of its own, and a private seller without a mediator", () => {
    const f = emptyForm();
    f.problem = "non_delivery";
    f.title = "Robe";
    f.platform = { choice: "vinted", name: "Vinted", country: "LT", postal_address: "", email: "" };
    f.merchant.name = "marie_75";
    f.merchant.status = "private";
    f.merchant.mediator_name = "CM2C";
    f.order.date = "12/03/2026";
    f.order.amount = "15";
    const result = formToInput(f);
    if (!("input" in result)) throw new Error("expected an input");
    expect(result.input.platform).toMatchObject({ name: "Vinted", country: "LT", directory_id: "vinted" });
    expect(result.input.merchant).toMatchObject({ status: "private", mediator_name: null });
  });

  it("knows on which step a field is", () => {
    expect(stepOfField("platform.country")).toBe(0);
    expect(stepOfField("merchant.status")).toBe(0);
    expect(stepOfField("problem")).toBe(1);
    expect(stepOfField("merchant.email")).toBe(2);
    expect(stepOfField("order.amount_cents")).toBe(3);
    expect(stepOfField("title")).toBe(3);
  });
});
