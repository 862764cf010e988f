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
    f.merchant.email = "  ";
    f.order.date = "12/03/2026";
    f.order.amount = "49,90";
    const result = formToInput(f);
    if (!("input" in result)) throw new Error("expected an input");
    expect(result.input.order).toMatchObject({ date: "2026-03-12", amount_cents: 4990, delivered_date: null });
    expect(result.input.merchant.email).toBeNull();
  });

  it("knows on which step a field is", () => {
    expect(stepOfField("problem")).toBe(0);
    expect(stepOfField("merchant.email")).toBe(1);
    expect(stepOfField("order.amount_cents")).toBe(2);
    expect(stepOfField("title")).toBe(2);
  });
});
