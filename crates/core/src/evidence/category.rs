//! A first guess of what a piece is, from its name and type; the person can change it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Invoice,
    OrderConfirmation,
    PaymentProof,
    Correspondence,
    Photo,
    ShippingProof,
    DeliveryReceipt,
    Letter,
    Other,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::Invoice,
        Category::OrderConfirmation,
        Category::PaymentProof,
        Category::Correspondence,
        Category::Photo,
        Category::ShippingProof,
        Category::DeliveryReceipt,
        Category::Letter,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Invoice => "invoice",
            Category::OrderConfirmation => "order_confirmation",
            Category::PaymentProof => "payment_proof",
            Category::Correspondence => "correspondence",
            Category::Photo => "photo",
            Category::ShippingProof => "shipping_proof",
            Category::DeliveryReceipt => "delivery_receipt",
            Category::Letter => "letter",
            Category::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == text)
    }

    /// French name, as on a bordereau de pièces.
    pub fn label(self) -> &'static str {
        match self {
            Category::Invoice => "Facture",
            Category::OrderConfirmation => "Confirmation de commande",
            Category::PaymentProof => "Preuve de paiement",
            Category::Correspondence => "Échange avec le vendeur",
            Category::Photo => "Photo",
            Category::ShippingProof => "Preuve d'envoi",
            Category::DeliveryReceipt => "Avis de réception",
            Category::Letter => "Courrier",
            Category::Other => "Autre",
        }
    }
}

/// Guesses from the file's name (accents and case ignored) and its sniffed type.
pub fn guess(name: &str, mime: &str) -> Category {
    let n = fold(name);
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&[
        "avis de reception",
        "avis-de-reception",
        "accuse",
        "_ar_",
        " ar ",
        "-ar-",
        "ar.pdf",
    ]) {
        Category::DeliveryReceipt
    } else if has(&["facture", "invoice", "fact_"]) {
        Category::Invoice
    } else if has(&["confirmation", "commande", "order", "recapitulatif"]) {
        Category::OrderConfirmation
    } else if has(&[
        "paiement",
        "payment",
        "releve",
        "virement",
        "paypal",
        "transaction",
        "recu",
    ]) {
        Category::PaymentProof
    } else if has(&[
        "depot",
        "preuve d'envoi",
        "bordereau",
        "suivi",
        "tracking",
        "colissimo",
        "recommande",
    ]) {
        Category::ShippingProof
    } else if has(&["mise en demeure", "mise-en-demeure", "lettre", "courrier"]) {
        Category::Letter
    } else if mime == "message/rfc822"
        || has(&[".eml", ".msg", "mail", "message", "reponse", "sav"])
    {
        Category::Correspondence
    } else if mime.starts_with("image/") {
        Category::Photo
    } else {
        Category::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_french_names() {
        assert_eq!(
            guess("Facture-2026-03.pdf", "application/pdf"),
            Category::Invoice
        );
        assert_eq!(
            guess("Confirmation de commande.pdf", "application/pdf"),
            Category::OrderConfirmation
        );
        assert_eq!(
            guess("relevé bancaire.pdf", "application/pdf"),
            Category::PaymentProof
        );
        assert_eq!(guess("IMG_2041.jpg", "image/jpeg"), Category::Photo);
        assert_eq!(
            guess("Réponse SAV.eml", "message/rfc822"),
            Category::Correspondence
        );
        assert_eq!(
            guess("Avis de réception.pdf", "application/pdf"),
            Category::DeliveryReceipt
        );
        assert_eq!(
            guess("preuve de dépôt.pdf", "application/pdf"),
            Category::ShippingProof
        );
        assert_eq!(guess("notes.txt", "text/plain"), Category::Other);
    }
}
