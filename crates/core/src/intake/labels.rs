//! The words that announce each fact on French (and some English) order confirmations, invoices and
//! replies. A table, not code: a new e-tailer's wording is a new row. Written folded (lower case,
//! no accents), as `fold::fold` writes the text they are matched against.

/// Labels before the order reference; the reference itself is read by `REFERENCE_VALUE`.
pub const REFERENCE: &[&str] = &[
    r"(?:n°|no\.?|numero|num\.?|reference|ref\.?)\s*(?:de\s+)?(?:la\s+|votre\s+)?commande",
    r"commande\s*(?:n°|no\.?|numero|num\.?|#|ref\.?|reference)",
    r"order\s*(?:#|number|no\.?|id|reference|ref\.?)",
    r"votre\s+commande",
    r"commande",
];
/// A reference: letters, digits and separators, with at least one digit.
pub const REFERENCE_VALUE: &str = r"^\s*[:#]?\s*(?:n°\s*)?([a-z0-9][a-z0-9\-_/.]{2,40})";

pub const ORDER_DATE: &[&str] = &[
    r"date\s+(?:de\s+(?:la\s+)?|d')?(?:commande|achat)",
    r"commande\s+(?:passee|effectuee|validee|enregistree|realisee|du)",
    r"commande\s+n°\s*[a-z0-9\-_/]+\s+(?:du|passee\s+le)",
    r"(?:passee|effectuee|validee)\s+le",
    r"achat\s+(?:du|effectue\s+le)",
    r"order\s+(?:date|placed)",
    r"ordered\s+on",
    r"date\s+de\s+facturation",
    r"date\s+de\s+(?:la\s+)?facture",
];

/// Labels of the amount paid, strongest first. A « total » inside « sous-total », « total HT » or
/// « subtotal » is never the amount paid.
pub const AMOUNT_STRONG: &[&str] = &[
    r"total\s*(?:\(\s*)?ttc",
    r"montant\s+total",
    r"total\s+(?:paye|regle|debite|facture|a\s+payer|de\s+(?:la|votre)\s+commande|commande)",
    r"(?:montant|somme)\s+(?:paye|regle|debite|preleve)",
    r"net\s+a\s+payer",
    r"(?:order|grand)\s+total",
    r"total\s+(?:charged|paid|amount)",
];
pub const AMOUNT_WEAK: &str = r"\btotal\b";
pub const AMOUNT_NOT: &str = r"sous[\s-]?total|subtotal|total\s+(?:ht|hors|h\.t|tva|des\s+articles|articles|produits?)|\bht\b";

/// Lines that speak of how it was paid.
pub const PAYMENT_LINE: &str = r"paiement|payment|paye\s+(?:par|avec)|regle(?:ment)?\s+par|moyen\s+de|mode\s+de|paid\s+(?:by|with)|carte\s+(?:bancaire|de\s+credit)";
/// (pattern, method, lender): the first that matches a payment line names the method.
pub const PAYMENT_METHODS: &[(&str, &str, Option<&str>)] = &[
    (r"\bklarna\b", "bnpl", Some("Klarna")),
    (r"\balma\b", "bnpl", Some("Alma")),
    (r"\boney\b", "bnpl", Some("Oney")),
    (r"\bscalapay\b", "bnpl", Some("Scalapay")),
    (r"\bfloa\b", "bnpl", Some("Floa")),
    (
        r"\b[234]\s*x\s+(?:sans\s+frais|cb)|en\s+[234]\s+fois",
        "bnpl",
        None,
    ),
    (r"\bpaypal\b", "paypal", None),
    (r"virement", "transfer", None),
    (
        r"carte\s+(?:bancaire|bleue|de\s+credit|de\s+debit)|\bvisa\b|mastercard|american\s+express|\bamex\b|\bcb\b|credit\s+card|debit\s+card|apple\s+pay|google\s+pay",
        "card",
        None,
    ),
];

pub const DELIVERY: &[&str] = &[
    r"livraison\s+(?:prevue|estimee|previsionnelle|garantie|attendue)",
    r"date\s+(?:de\s+livraison|d'arrivee|de\s+reception)\s*(?:prevue|estimee)?",
    r"(?:arrivee|reception)\s+(?:prevue|estimee)",
    r"(?:vous\s+serez|sera|seront|serait)\s+livre(?:e|s|es)?",
    r"livre(?:e|s|es)?\s+(?:entre|le|au\s+plus\s+tard)",
    r"(?:expected|estimated)\s+(?:delivery|arrival)",
    r"delivery\s+(?:date|by|expected)",
    r"arriving|arrives",
];

pub const SELLER: &str = r"(?:vendu(?:\s+et\s+expedie)?\s+par|expedie\s+et\s+vendu\s+par|sold\s+by|vendeur\s*:|marchand\s*:)\s*:?\s*";
/// Where a seller's name stops.
pub const SELLER_END: &[&str] = &[
    " et expedie",
    " - ",
    " | ",
    " (",
    ",",
    ";",
    " livre",
    " expedie",
    " sold",
    "  ",
];

/// Sentences that name the shop in a document without a sender.
pub const SHOP_NAME: &[&str] = &[
    r"merci\s+(?:pour|de)\s+votre\s+(?:commande|achat)\s+(?:chez|sur)\s+",
    r"thank\s+you\s+for\s+(?:your\s+)?(?:order|shopping)\s+(?:at|with)\s+",
];

/// Addresses that do not read replies.
pub const NO_REPLY: &[&str] = &[
    "noreply",
    "no-reply",
    "no_reply",
    "ne-pas-repondre",
    "nepasrepondre",
    "ne_pas_repondre",
    "donotreply",
    "do-not-reply",
    "notification",
    "mailer",
];
/// Local parts that reach the customer service.
pub const SERVICE_ADDRESS: &[&str] = &[
    "service", "client", "contact", "sav", "support", "aide", "help", "relation",
];
