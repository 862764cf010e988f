// The dossier form as a person fills it (all text), and its conversion to the typed DossierInput.
// Only what cannot be sent at all (an unreadable amount or date) is checked here; every other rule
// is checked by Rust, whose messages come back with the same field names.
import type {
  CarrierChoice,
  Dossier,
  DossierInput,
  FieldError,
  Goal,
  PaymentMethod,
  Problem,
  SellerStatus,
} from "./bindings";

/** Where the purchase was made: directly on the seller's site, a platform of the directory (its id),
 *  or another platform typed by the person. */
export type PlatformChoice = "" | "none" | "other" | string;

/** A yes / no / don't know answer, as a select holds it. */
export type TriState = "yes" | "no" | "unknown";
const toTri = (v: boolean | null): TriState => (v === null ? "unknown" : v ? "yes" : "no");
const fromTri = (v: TriState): boolean | null => (v === "unknown" ? null : v === "yes");
import { centsToInput, isoToInput, parseEuros, parseFrenchDate } from "./format";

export type DossierForm = {
  title: string;
  problem: Problem | "";
  description: string;
  goal: Goal;
  carrier: CarrierChoice | "unknown";
  platform: {
    choice: PlatformChoice;
    name: string;
    country: string;
    postal_address: string;
    email: string;
  };
  merchant: {
    status: SellerStatus | "";
    name: string;
    website: string;
    email: string;
    phone: string;
    postal_address: string;
    country: string;
    siren_siret: string;
    fevad_mediator: TriState;
    mediator_name: string;
  };
  order: {
    reference: string;
    date: string;
    amount: string;
    payment_method: PaymentMethod;
    promised_delivery_date: string;
    delivered_date: string;
    used_goods: boolean;
    /** Asked, never pre-answered: « je ne sais pas » is an answer (L221-20). */
    withdrawal_info_given: TriState;
    /** For a payment made without consent: was the card lost or stolen? */
    card_lost_or_stolen: TriState;
    /** For a paiement fractionné: the lender (Klarna, Alma…). */
    lender: string;
  };
  /** For a service or digital content: its terms (order.date is then the contract's date). */
  service: {
    subscription: boolean;
    started_on: string;
    early_start_requested: TriState;
    withdrawal_waived: TriState;
    renewal_date: string;
    renewal_notice_received: TriState;
    online_cancellation: TriState;
  };
};

/** A service or digital content, not goods: no delivery, no parcel. */
export const isService = (p: Problem | ""): boolean => p === "service" || p === "digital_content";

function emptyService(): DossierForm["service"] {
  return {
    subscription: false,
    started_on: "",
    early_start_requested: "unknown",
    withdrawal_waived: "unknown",
    renewal_date: "",
    renewal_notice_received: "unknown",
    online_cancellation: "unknown",
  };
}

export function emptyForm(): DossierForm {
  return {
    title: "",
    problem: "",
    description: "",
    goal: "refund",
    carrier: "unknown",
    platform: { choice: "", name: "", country: "FR", postal_address: "", email: "" },
    merchant: {
      status: "",
      name: "",
      website: "",
      email: "",
      phone: "",
      postal_address: "",
      country: "FR",
      siren_siret: "",
      fevad_mediator: "unknown",
      mediator_name: "",
    },
    order: {
      reference: "",
      date: "",
      amount: "",
      payment_method: "card",
      promised_delivery_date: "",
      delivered_date: "",
      used_goods: false,
      withdrawal_info_given: "unknown",
      card_lost_or_stolen: "unknown",
      lender: "",
    },
    service: emptyService(),
  };
}

export function formFromDossier(d: Dossier): DossierForm {
  const m = d.merchant;
  const o = d.order;
  return {
    title: d.title,
    problem: d.problem,
    description: d.description,
    goal: d.goal,
    carrier: d.carrier_chosen_by ?? "unknown",
    platform: d.platform
      ? {
          choice: d.platform.directory_id ?? "other",
          name: d.platform.name,
          country: d.platform.country,
          postal_address: d.platform.postal_address ?? "",
          email: d.platform.email ?? "",
        }
      : { choice: "none", name: "", country: "FR", postal_address: "", email: "" },
    merchant: {
      status: m.status,
      name: m.name,
      website: m.website ?? "",
      email: m.email ?? "",
      phone: m.phone ?? "",
      postal_address: m.postal_address ?? "",
      country: m.country,
      siren_siret: m.siren_siret ?? "",
      fevad_mediator: toTri(m.fevad_mediator),
      mediator_name: m.mediator_name ?? "",
    },
    order: {
      reference: o.reference ?? "",
      date: isoToInput(o.date),
      amount: centsToInput(o.amount_cents),
      payment_method: o.payment_method,
      promised_delivery_date: isoToInput(o.promised_delivery_date),
      delivered_date: isoToInput(o.delivered_date),
      used_goods: o.used_goods,
      withdrawal_info_given: toTri(o.withdrawal_info_given),
      card_lost_or_stolen: toTri(o.card_lost_or_stolen),
      lender: o.lender ?? "",
    },
    service: o.service
      ? {
          subscription: o.service.subscription,
          started_on: isoToInput(o.service.started_on),
          early_start_requested: toTri(o.service.early_start_requested),
          withdrawal_waived: toTri(o.service.withdrawal_waived),
          renewal_date: isoToInput(o.service.renewal_date),
          renewal_notice_received: toTri(o.service.renewal_notice_received),
          online_cancellation: toTri(o.service.online_cancellation),
        }
      : emptyService(),
  };
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text);

const DATE_HINT = "écrivez-la comme 12/03/2026";

/** Turns the form into what Rust expects, or the list of what must be fixed first. */
export function formToInput(f: DossierForm): { input: DossierInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (f.problem === "") {
    errors.push({ field: "problem", message: "Choisissez ce qui s'est passé." });
  }
  if (f.merchant.status === "") {
    errors.push({
      field: "merchant.status",
      message: "Dites si le vendeur est un professionnel, un particulier, ou que vous ne savez pas.",
    });
  }
  if (f.platform.choice === "") {
    errors.push({ field: "platform.choice", message: "Dites où vous avez acheté (ou « directement sur le site du vendeur »)." });
  }
  const orderDate = parseFrenchDate(f.order.date);
  if (f.order.date.trim() === "") {
    errors.push({ field: "order.date", message: "Indiquez la date de la commande (par exemple 12/03/2026)." });
  } else if (!orderDate) {
    errors.push({ field: "order.date", message: `Date de commande illisible : ${DATE_HINT}.` });
  }
  const amount = parseEuros(f.order.amount);
  if (f.order.amount.trim() === "") {
    errors.push({ field: "order.amount_cents", message: "Indiquez le montant payé (par exemple 49,90)." });
  } else if (amount === null) {
    errors.push({
      field: "order.amount_cents",
      message: "Montant illisible : écrivez-le en euros, par exemple 49,90.",
    });
  }
  const optionalDate = (text: string, field: string, what: string): string | null => {
    if (text.trim() === "") return null;
    const iso = parseFrenchDate(text);
    if (!iso) errors.push({ field, message: `${what} illisible : ${DATE_HINT}.` });
    return iso;
  };
  const promised = optionalDate(
    f.order.promised_delivery_date,
    "order.promised_delivery_date",
    "Date de livraison promise",
  );
  const service = isService(f.problem);
  const delivered = service ? null : optionalDate(f.order.delivered_date, "order.delivered_date", "Date de livraison");
  const startedOn = service ? optionalDate(f.service.started_on, "order.service.started_on", "Date de début") : null;
  const renewal =
    service && f.service.subscription
      ? optionalDate(f.service.renewal_date, "order.service.renewal_date", "Date de reconduction")
      : null;

  if (errors.length > 0 || f.problem === "" || f.merchant.status === "" || !orderDate || amount === null) {
    return { errors };
  }
  const platform =
    f.platform.choice === "none" || f.platform.choice === ""
      ? null
      : {
          name: f.platform.name,
          country: f.platform.country,
          directory_id: f.platform.choice === "other" ? null : f.platform.choice,
          postal_address: optional(f.platform.postal_address),
          email: optional(f.platform.email),
          siren_siret: null,
          mediator_name: null,
        };
  return {
    input: {
      title: f.title,
      problem: f.problem,
      description: f.description,
      goal: f.goal,
      carrier_chosen_by: f.carrier === "unknown" ? null : f.carrier,
      merchant: {
        name: f.merchant.name,
        website: optional(f.merchant.website),
        email: optional(f.merchant.email),
        phone: optional(f.merchant.phone),
        postal_address: optional(f.merchant.postal_address),
        country: f.merchant.country,
        siren_siret: optional(f.merchant.siren_siret),
        fevad_mediator: f.merchant.status === "private" ? null : fromTri(f.merchant.fevad_mediator),
        mediator_name: f.merchant.status === "private" ? null : optional(f.merchant.mediator_name),
        status: f.merchant.status,
      },
      platform,
      order: {
        reference: optional(f.order.reference),
        date: orderDate,
        amount_cents: amount,
        payment_method: f.order.payment_method,
        promised_delivery_date: service ? null : promised,
        delivered_date: delivered,
        used_goods: f.order.used_goods,
        withdrawal_info_given: fromTri(f.order.withdrawal_info_given),
        card_lost_or_stolen: f.problem === "unauthorized_payment" ? fromTri(f.order.card_lost_or_stolen) : null,
        lender: f.order.payment_method === "bnpl" ? optional(f.order.lender) : null,
        service: service
          ? {
              subscription: f.service.subscription,
              started_on: startedOn,
              early_start_requested: fromTri(f.service.early_start_requested),
              withdrawal_waived: f.problem === "digital_content" ? fromTri(f.service.withdrawal_waived) : null,
              renewal_date: renewal,
              renewal_notice_received: f.service.subscription ? fromTri(f.service.renewal_notice_received) : null,
              online_cancellation: f.service.subscription ? fromTri(f.service.online_cancellation) : null,
            }
          : null,
      },
    },
  };
}

/** Field errors keyed by field name, for the inputs to show. */
export function errorMap(errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= e.message;
  return map;
}

/** Which wizard step holds a field: 0 where and from whom, 1 what happened, 2 the seller's
 *  details, 3 the order. */
export function stepOfField(field: string): number {
  if (
    field.startsWith("platform.") ||
    ["merchant.name", "merchant.status", "merchant.country"].includes(field)
  ) {
    return 0;
  }
  if (["problem", "description", "goal", "carrier_chosen_by", "order.card_lost_or_stolen"].includes(field)) return 1;
  if (field.startsWith("merchant.")) return 2;
  return 3;
}
