import type { Dossier, DossierSummary } from "../lib/bindings";

export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 7,
    title: "Colis jamais reçu — MaBoutique",
    problem: "non_delivery",
    description: "Rien reçu.",
    goal: "refund",
    carrier_chosen_by: null,
    merchant: {
      name: "MaBoutique",
      website: "https://www.maboutique.fr",
      email: null,
      phone: null,
      postal_address: null,
      country: "FR",
      siren_siret: null,
      fevad_mediator: null,
      mediator_name: null,
    },
    order: {
      reference: "CMD-1",
      date: "2026-10-01",
      amount_cents: 12990,
      payment_method: "card",
      promised_delivery_date: null,
      delivered_date: null,
      used_goods: false,
      withdrawal_info_given: true,
      card_lost_or_stolen: null,
    },
    status: "open",
    closed_on: null,
    outcome_note: null,
    created_at: "2026-10-02T09:00:00.000Z",
    updated_at: "2026-10-02T09:00:00.000Z",
    ...overrides,
  };
}

export function summary(d: Dossier): DossierSummary {
  return {
    id: d.id,
    title: d.title,
    problem: d.problem,
    merchant_name: d.merchant.name,
    order_reference: d.order.reference,
    order_date: d.order.date,
    amount_cents: d.order.amount_cents,
    status: d.status,
    updated_at: d.updated_at,
    current_step: "formal_notice",
    next_deadline: { id: "mediation_window_end", date: "2027-10-01", label: "Date limite pour saisir le médiateur" },
  };
}
