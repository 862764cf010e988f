//! What several integration tests start from: a plain non-delivery dossier with a postal address.

#![allow(dead_code)]

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem};

/// The day the tests run as (a Tuesday).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

/// A 49,90 € order of 1 September 2026 from a French shop that never delivered.
pub fn non_delivery(title: &str) -> DossierInput {
    DossierInput {
        title: title.into(),
        problem: Problem::NonDelivery,
        description: "Rien reçu.".into(),
        goal: Default::default(),
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "MaBoutique".into(),
            website: None,
            email: None,
            phone: None,
            postal_address: Some("1 rue A\n75001 Paris".into()),
            country: "FR".into(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status: Default::default(),
        },
        platform: None,
        order: Order {
            reference: Some("R-1".into()),
            date: NaiveDate::from_ymd_opt(2026, 9, 1).expect("date"),
            amount_cents: 4990,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: None,
            delivered_date: None,
            used_goods: false,
            withdrawal_info_given: true,
            card_lost_or_stolen: None,
        },
    }
}
