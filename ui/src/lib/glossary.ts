// One glossary for the whole app: the legal words a non-lawyer meets, each with a plain definition
// shown on hover and on focus where the word appears (see components/Glossed.svelte).

export type Term = { id: string; pattern: RegExp; definition: string };

/** Longer phrases first: « injonction de payer » is matched before a shorter term could be. */
export const GLOSSARY: Term[] = [
  {
    id: "mise-en-demeure",
    pattern: /mises? en demeure/i,
    definition:
      "Une lettre, de préférence recommandée, qui exige formellement que l'autre partie fasse ce qu'elle doit (livrer, rembourser) dans un délai. C'est souvent le passage obligé avant d'annuler la vente ou d'aller au tribunal.",
  },
  {
    id: "injonction",
    pattern: /injonctions? de (?:payer|faire)/i,
    definition:
      "Une procédure simple devant le tribunal : vous envoyez un formulaire avec vos preuves, le juge décide sans audience. Il ordonne de payer (injonction de payer) ou d'exécuter le contrat (injonction de faire).",
  },
  {
    id: "commissaire-de-justice",
    pattern: /commissaires? de justice/i,
    definition:
      "Le professionnel (anciennement huissier) qui remet officiellement une décision de justice à l'autre partie et peut en forcer l'exécution. Ses frais sont en principe à la charge du perdant.",
  },
  {
    id: "signifier",
    pattern: /signifi(?:ée?s?|er|ez|cation)\b/i,
    definition:
      "Remettre officiellement un acte de justice à quelqu'un, par un commissaire de justice. C'est ce qui fait courir ses délais pour répondre.",
  },
  {
    id: "cerfa",
    pattern: /\bCerfa\b/,
    definition: "Un formulaire officiel de l'administration, identifié par un numéro (par exemple 12948*06). Il se remplit en ligne ou à la main.",
  },
  {
    id: "art-750-1",
    pattern: /(?:art\.|article)\s*750-1/i,
    definition:
      "Article 750-1 du Code de procédure civile : pour un litige jusqu'à 5 000 €, il faut d'abord tenter un règlement amiable (conciliateur de justice, médiateur) avant de saisir le juge, sauf exceptions comme l'injonction de payer.",
  },
  {
    id: "resolution",
    pattern: /\brésolution\b/i,
    definition:
      "L'annulation du contrat pour un manquement du vendeur : vous rendez le produit s'il y en a un, il vous rembourse tout ce que vous avez payé.",
  },
  {
    id: "chargeback",
    pattern: /\bchargeback\b/i,
    definition:
      "Le remboursement demandé par votre banque à celle du commerçant, quand un paiement par carte est contesté (produit jamais livré, paiement non autorisé).",
  },
  {
    id: "conciliateur",
    pattern: /conciliateurs? de justice/i,
    definition:
      "Un bénévole assermenté, gratuit, qui aide les deux parties à trouver un accord. Un accord signé devant lui peut avoir la force d'un jugement.",
  },
  {
    id: "mediateur",
    pattern: /médiateurs? de la consommation/i,
    definition:
      "Un service gratuit pour vous, que le vendeur professionnel doit indiquer : il propose une solution au litige après votre réclamation écrite. Sa proposition ne s'impose à personne.",
  },
  {
    id: "accuse-de-reception",
    pattern: /(?:avis|accusé) de réception/i,
    definition:
      "La carte signée par le destinataire d'une lettre recommandée, qui vous revient : elle prouve la date à laquelle il l'a reçue.",
  },
];

export type Segment = { text: string; term?: Term };

/** Cuts `text` into plain runs and glossary words; each term is marked once, where it first appears. */
export function gloss(text: string, terms: Term[] = GLOSSARY): Segment[] {
  const hits: { start: number; end: number; term: Term }[] = [];
  for (const term of terms) {
    const m = term.pattern.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    // A longer, earlier-listed phrase keeps its place: no overlapping marks.
    if (hits.some((h) => start < h.end && h.start < end)) continue;
    hits.push({ start, end, term });
  }
  hits.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) out.push({ text: text.slice(at, h.start) });
    out.push({ text: text.slice(h.start, h.end), term: h.term });
    at = h.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
