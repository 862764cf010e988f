// A dossier proposed from a document (Rust's intake) put into the form the person checks: each value
// the document gave fills its field, and the list of what was read keeps the passage it came from.
import type { Proposal, Source } from "./bindings";
import type { DossierForm } from "./form";
import { centsToInput, formatDate, formatEuros, isoToInput } from "./format";
import { PAYMENT_LABELS } from "./labels";

/** A document dropped to start a dossier: what Rust read in it, its staging token and its name. */
export type FromDocument = { proposal: Proposal; token: string; name: string };

/** One value read from the document, as the person sees it next to the form. */
export type ReadValue = { field: string; label: string; value: string; source: Source | null };

const LABELS: Record<string, string> = {
  "platform.name": "Plateforme",
  "merchant.name": "Vendeur",
  "merchant.country": "Pays du vendeur",
  "merchant.website": "Site du vendeur",
  "merchant.email": "E-mail du vendeur",
  "order.reference": "N° de commande",
  "order.date": "Date de commande",
  "order.amount_cents": "Montant payé",
  "order.payment_method": "Moyen de paiement",
  "order.lender": "Organisme du paiement fractionné",
  "order.promised_delivery_date": "Livraison promise",
};

/** The form filled with what the document says, and the list of values read (in the form's order). */
export function applyProposal(form: DossierForm, p: Proposal): { form: DossierForm; read: ReadValue[] } {
  const d = p.dossier;
  // A copy: the caller's form (possibly reactive state) is left as it was.
  const f: DossierForm = JSON.parse(JSON.stringify(form));
  const read: ReadValue[] = [];
  const note = (field: string, value: string) =>
    read.push({ field, label: LABELS[field] ?? field, value, source: p.sources[field] ?? null });

  if (d.platform) {
    f.platform.choice = d.platform.directory_id ?? "other";
    f.platform.name = d.platform.name;
    f.platform.country = d.platform.country;
    note("platform.name", d.platform.name);
  }
  if (d.merchant.name) {
    f.merchant.name = d.merchant.name;
    note("merchant.name", d.merchant.name);
  }
  if (d.merchant.country) {
    f.merchant.country = d.merchant.country;
    note("merchant.country", d.merchant.country);
  }
  if (d.merchant.website) {
    f.merchant.website = d.merchant.website;
    note("merchant.website", d.merchant.website);
  }
  if (d.merchant.email) {
    f.merchant.email = d.merchant.email;
    note("merchant.email", d.merchant.email);
  }
  const o = d.order;
  if (o.reference) {
    f.order.reference = o.reference;
    note("order.reference", o.reference);
  }
  if (o.date) {
    f.order.date = isoToInput(o.date);
    note("order.date", formatDate(o.date));
  }
  if (o.amount_cents !== undefined) {
    f.order.amount = centsToInput(o.amount_cents);
    note("order.amount_cents", formatEuros(o.amount_cents));
  }
  if (o.payment_method) {
    f.order.payment_method = o.payment_method;
    note("order.payment_method", PAYMENT_LABELS[o.payment_method]);
  }
  if (o.lender) {
    f.order.lender = o.lender;
    note("order.lender", o.lender);
  }
  if (o.promised_delivery_date) {
    f.order.promised_delivery_date = isoToInput(o.promised_delivery_date);
    const w = p.delivery_window;
    note(
      "order.promised_delivery_date",
      w ? `entre le ${formatDate(w.from)} et le ${formatDate(w.to)} (le dernier jour compte)` : formatDate(o.promised_delivery_date),
    );
  }
  if (d.title) f.title = d.title;
  return { form: f, read };
}
