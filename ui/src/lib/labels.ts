// The words the page uses for each value, with a short concrete example for each choice.
import type { PaymentMethod, Problem, Status } from "./bindings";

export const PROBLEM_LABELS: Record<Problem, { label: string; example: string }> = {
  non_delivery: {
    label: "Colis jamais reçu, ou livré en retard",
    example: "Exemple : commandé le 3 mars, livraison promise le 10, toujours rien le 25.",
  },
  non_conforming: {
    label: "Produit abîmé, en panne ou différent de la commande",
    example: "Exemple : écran fissuré à l'ouverture du colis, ou pointure différente de celle commandée.",
  },
  withdrawal_refund: {
    label: "Remboursement non reçu après une rétractation",
    example: "Exemple : vous avez renvoyé l'article dans les 14 jours et le vendeur ne vous a pas remboursé.",
  },
  hidden_defect: {
    label: "Défaut caché découvert plus tard (« vice caché »)",
    example: "Exemple : un vélo d'occasion dont le cadre était fêlé sous la peinture.",
  },
  unauthorized_payment: {
    label: "Paiement que vous n'avez pas autorisé",
    example: "Exemple : un débit sur votre carte pour un achat que vous n'avez jamais fait.",
  },
  other: {
    label: "Autre problème",
    example: "Exemple : des frais ajoutés sans votre accord, un abonnement impossible à résilier.",
  },
};

export const PAYMENT_LABELS: Record<PaymentMethod, string> = {
  card: "Carte bancaire",
  paypal: "PayPal",
  transfer: "Virement",
  other: "Autre (chèque, espèces, bon d'achat…)",
};

export const STATUS_LABELS: Record<Status, string> = {
  open: "En cours",
  resolved: "Résolu",
  abandoned: "Abandonné",
};

/** Short names for the list */
export const PROBLEM_SHORT: Record<Problem, string> = {
  non_delivery: "Non-livraison",
  non_conforming: "Produit non conforme",
  withdrawal_refund: "Rétractation non remboursée",
  hidden_defect: "Vice caché",
  unauthorized_payment: "Paiement non autorisé",
  other: "Autre",
};
