// The words the page uses for each value, with a short concrete example for each choice.
import type { Category, CarrierChoice, EventKind, Goal, PaymentMethod, Problem, SellerStatus, Status, StepId, StepStatus } from "./bindings";

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
  scam: {
    label: "Site frauduleux ou vendeur injoignable",
    example: "Exemple : des baskets à −70 % sur un site inconnu, payées, jamais reçues, et plus personne ne répond.",
  },
  service: {
    label: "Abonnement ou service en ligne",
    example: "Exemple : une salle de sport impossible à résilier, un « essai gratuit » devenu payant, une prestation jamais faite.",
  },
  digital_content: {
    label: "Contenu numérique",
    example: "Exemple : un jeu, une appli, un livre numérique ou un téléchargement payé qui ne fonctionne pas.",
  },
  other: {
    label: "Autre problème",
    example: "Exemple : des frais ajoutés sans votre accord sur une commande.",
  },
};

export const PAYMENT_LABELS: Record<PaymentMethod, string> = {
  card: "Carte bancaire",
  paypal: "PayPal",
  transfer: "Virement",
  bnpl: "Paiement fractionné (Klarna, Alma, Oney, Scalapay…)",
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
  scam: "Site frauduleux",
  service: "Abonnement ou service",
  digital_content: "Contenu numérique",
  other: "Autre",
};

export const GOAL_LABELS: Record<Goal, { label: string; example: string }> = {
  refund: { label: "Être remboursé", example: "Exemple : récupérer les 129,90 € payés." },
  performance: {
    label: "Obtenir ce que j'ai acheté",
    example: "Exemple : que le vendeur livre enfin, répare ou remplace le produit.",
  },
};

export const CARRIER_LABELS: Record<CarrierChoice, { label: string; example: string }> = {
  merchant: {
    label: "Un mode de livraison proposé par le vendeur",
    example: "Le cas habituel : Colissimo, point relais… choisi parmi les options du site.",
  },
  consumer: {
    label: "Un transporteur que j'ai trouvé moi-même",
    example: "Exemple : vous avez envoyé votre propre coursier chercher le colis.",
  },
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  done: "Fait",
  current: "À faire maintenant",
  upcoming: "Ensuite",
  not_applicable: "Sans objet",
};

/** Each event of the journal, in words, with an example of when to record it. */
export const EVENT_LABELS: Record<EventKind, { label: string; example: string }> = {
  complaint_sent: { label: "Réclamation envoyée", example: "Un e-mail ou un message au service client." },
  formal_notice_sent: { label: "Mise en demeure envoyée", example: "La lettre recommandée est partie." },
  formal_notice_received: {
    label: "Mise en demeure reçue par le vendeur",
    example: "La date sur l'avis de réception.",
  },
  termination_notified: {
    label: "Annulation de la commande notifiée",
    example: "Vous avez envoyé la lettre d'annulation (date d'envoi).",
  },
  termination_received: {
    label: "Annulation reçue par le vendeur",
    example:
      "La date de l'avis de réception ; le jour même pour un e-mail ou le formulaire du site. Le remboursement est dû 14 jours après.",
  },
  withdrawal_notified: { label: "Rétractation envoyée", example: "Le formulaire de rétractation est parti." },
  withdrawal_received: {
    label: "Rétractation reçue par le vendeur",
    example:
      "La date de l'avis de réception ; le jour même pour un e-mail ou le formulaire du site. Le remboursement est dû 14 jours après.",
  },
  goods_returned: { label: "Article renvoyé", example: "Le colis de retour est déposé." },
  delivered: { label: "Colis reçu", example: "Vous avez eu le colis en main." },
  repair_requested: {
    label: "Réparation ou remplacement demandé",
    example: "Vous avez choisi la réparation ou le remplacement.",
  },
  repair_done: {
    label: "Bien réparé rendu",
    example: "Le bien réparé au titre de la garantie vous est revenu : la garantie est prolongée de 6 mois.",
  },
  refund_received: { label: "Remboursement reçu", example: "Le virement est arrivé sur votre compte." },
  merchant_replied: { label: "Réponse du vendeur", example: "Un e-mail du service client, une offre." },
  mediation_requested: { label: "Médiateur saisi", example: "Vous avez envoyé votre demande au médiateur." },
  mediation_ended: { label: "Médiation terminée", example: "Le médiateur a rendu son avis." },
  cec_requested: { label: "CEC France saisi", example: "Le formulaire du CEC France est envoyé." },
  conciliation_requested: { label: "Conciliateur saisi", example: "Rendez-vous pris avec un conciliateur." },
  payment_dispute_opened: {
    label: "Contestation de paiement ouverte",
    example: "Auprès de la banque ou sur PayPal.",
  },
  signalconso_reported: { label: "Signalement SignalConso", example: "Vous avez signalé le vendeur." },
  defect_discovered: { label: "Défaut découvert", example: "Le jour où le vice caché est apparu." },
  court_filed: { label: "Tribunal saisi", example: "Le formulaire est déposé au greffe." },
  payment_order_received: {
    label: "Ordonnance d'injonction de payer reçue",
    example: "Le tribunal vous a envoyé l'ordonnance : faites-la signifier au vendeur sans attendre.",
  },
  marked_delivered: {
    label: "Statut « Livré » affiché",
    example: "La plateforme ou le suivi indique « Livré », même si rien n'est arrivé : un délai de la plateforme peut partir de là.",
  },
  platform_claim_opened: {
    label: "Réclamation ouverte auprès de la plateforme",
    example: "Vous avez signalé le problème à la plateforme (« J'ai un problème », litige, garantie).",
  },
  scam_reported: {
    label: "Plainte ou signalement en ligne (THESEE)",
    example: "Vous avez déposé plainte ou fait un signalement sur THESEE ; gardez le récépissé pour la banque.",
  },
  cancellation_sent: {
    label: "Résiliation envoyée",
    example: "Par la fonction « résilier votre contrat » du site, par e-mail ou par lettre : gardez la confirmation.",
  },
  resolved: { label: "Litige réglé", example: "Vous avez obtenu ce que vous demandiez." },
};

/** Short names of the ladder's steps, for the list. */
export const STEP_SHORT: Record<StepId, string> = {
  platform: "plateforme",
  withdrawal: "rétractation",
  cancellation: "résiliation",
  complaint: "réclamation écrite",
  formal_notice: "mise en demeure",
  termination: "annulation de la commande",
  payment_dispute: "contestation du paiement",
  scam_report: "plainte en ligne (THESEE)",
  report: "signalement SignalConso",
  card_reuse: "Perceval",
  mediation: "médiateur",
  cec: "CEC France",
  conciliation: "conciliateur de justice",
  court: "tribunal",
  resolved: "réglé",
};

/** Categories of pieces, as on a bordereau. */
export const CATEGORY_LABELS: Record<Category, string> = {
  invoice: "Facture",
  order_confirmation: "Confirmation de commande",
  payment_proof: "Preuve de paiement",
  correspondence: "Échange avec le vendeur",
  photo: "Photo",
  shipping_proof: "Preuve d'envoi",
  delivery_receipt: "Avis de réception",
  letter: "Courrier",
  other: "Autre",
};

/** A short name for a file type. */
export function mimeLabel(mime: string): string {
  if (mime === "application/pdf") return "PDF";
  if (mime.startsWith("image/")) return `Image ${mime.slice(6).toUpperCase()}`;
  if (mime === "message/rfc822") return "E-mail";
  if (mime.startsWith("text/")) return "Texte";
  return "Fichier";
}

/** 1234567 → "1,2 Mo" */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} octets`;
  const units = ["Ko", "Mo", "Go"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/** What a restore did, for the person: what came back, and where the data it replaced is kept. */
export function restoredMessage(r: { dossiers: number; pieces: number; path: string }): string {
  const what = `Sauvegarde restaurée : ${r.dossiers} dossier${r.dossiers > 1 ? "s" : ""}, ${r.pieces} pièce${r.pieces > 1 ? "s" : ""}.`;
  return r.path ? `${what} Vos données d'avant sont gardées dans ${r.path}.` : what;
}

/** Who the seller is, in words. */
export const SELLER_STATUS_LABELS: Record<SellerStatus, string> = {
  professional: "un professionnel (Code de la consommation)",
  private: "un particulier (Code civil)",
  unknown: "pas encore su (professionnel ou particulier ?)",
};
