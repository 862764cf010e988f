import type { Dossier, DossierSummary, PlatformEntry, Proposal } from "../lib/bindings";

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
      status: "professional",
    },
    platform: null,
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
      lender: null,
      service: null,
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
    search_hit: null,
  };
}

/** Two entries of the directory as Rust sends them: a marketplace with private sellers, and a shop. */
export const directory = [
  {
    id: "vinted",
    name: "Vinted",
    domain: "vinted.fr",
    entity: { value: "Vinted, UAB", source: "https://vinted.fr/terms-and-conditions", source_date: "2025-02-10", checked: "2026-11-30", verified: true, missing: false },
    country: { value: "LT", source: "https://vinted.fr/terms-and-conditions", source_date: "2025-02-10", checked: "2026-11-30", verified: true, missing: false },
    address: { value: "Svitrigailos str. 13, 03228 Vilnius, Lithuania", source: "https://vinted.fr/terms-and-conditions", source_date: "2025-02-10", checked: "2026-11-30", verified: false, missing: false },
    registration: { value: null, source: null, source_date: null, checked: null, verified: false, missing: true },
    marketplace: { value: true, source: "https://vinted.fr/terms-and-conditions", source_date: "2025-02-10", checked: "2026-11-30", verified: true, missing: false },
    sellers: { value: "pro_et_particuliers", source: "https://vinted.lu/pro-terms-of-sale", source_date: "2023-03-15", checked: "2026-11-30", verified: true, missing: false },
    protection: {
      text: "Protection acheteurs : signalez un problème dans les 2 jours qui suivent le statut « Livré ».",
      window_days: 2,
      from: "marked_delivered",
      source: "https://www.vinted.fr/help/465",
      source_date: "non datée",
      checked: "2026-11-30",
      verified: true,
    },
  },
  {
    id: "ikea",
    name: "IKEA France",
    domain: "ikea.com/fr",
    entity: { value: "Meubles IKEA France SAS", source: "https://example.org/ikea", source_date: "2018-12-15", checked: "2026-11-30", verified: true, missing: false },
    country: { value: "FR", source: "https://example.org/ikea", source_date: "2018-12-15", checked: "2026-11-30", verified: true, missing: false },
    address: { value: "425 rue Henri Barbusse, 78375 Plaisir Cedex", source: "https://example.org/ikea", source_date: "2018-12-15", checked: "2026-11-30", verified: false, missing: false },
    registration: { value: null, source: null, source_date: null, checked: null, verified: false, missing: true },
    marketplace: { value: false, source: "https://example.org/ikea", source_date: "2018-12-15", checked: "2026-11-30", verified: true, missing: false },
    sellers: { value: "pro", source: "https://example.org/ikea", source_date: "non datée", checked: "2026-11-30", verified: false, missing: false },
    protection: null,
  },
] satisfies PlatformEntry[];

const src = (passage: string, words: string) => ({ passage, words, start: 0, end: words.length });

/** What Rust's intake proposes for a marketplace confirmation e-mail (values and their passages). */
export const proposal: Proposal = {
  kind: "email",
  dossier: {
    title: "LaBoutiqueDeMarie – commande 402-1234567",
    merchant: { name: "LaBoutiqueDeMarie" },
    platform: { name: "Vinted", country: "LT", directory_id: "vinted" },
    order: {
      reference: "402-1234567",
      date: "2026-11-03",
      amount_cents: 5989,
      payment_method: "card",
      promised_delivery_date: "2026-11-09",
    },
  },
  sources: {
    "merchant.name": src("Vendu par : LaBoutiqueDeMarie", "LaBoutiqueDeMarie"),
    "platform.name": src("De : Vinted <no-reply@vinted.fr>", "vinted.fr"),
    "order.reference": src("Commande n° 402-1234567", "402-1234567"),
    "order.date": src("Passée le 3 novembre 2026", "3 novembre 2026"),
    "order.amount_cents": src("Montant total : 59,89 €", "59,89 €"),
    "order.payment_method": src("Payé avec : Visa", "Visa"),
    "order.promised_delivery_date": src("Livraison prévue entre le 6 et le 9 novembre 2026", "6 et le 9 novembre 2026"),
  },
  delivery_window: { from: "2026-11-06", to: "2026-11-09" },
  email: { from_name: "Vinted", from_address: "no-reply@vinted.fr", date: "2026-11-03", subject: "Votre commande" },
  attachments: [],
  found_nothing: false,
};
