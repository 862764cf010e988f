//! What several integration tests start from: a plain non-delivery dossier with a postal address.

#![allow(dead_code)]

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem};
use recours_core::events::EventInput;
use recours_core::letters::SenderIdentity;
use recours_core::rules::model::{Assessment, EventKind, StepStatus};
use recours_core::Store;

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
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
    }
}

/// A dossier stored in a temporary data folder, with a sender identity (letters need one).
pub struct Case {
    pub _dir: tempfile::TempDir,
    pub store: Store,
    pub id: i64,
}

pub fn stored(input: &DossierInput, events: &[(EventKind, NaiveDate)]) -> Case {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    store
        .save_sender(&SenderIdentity {
            name: "Camille Martin".into(),
            address: "8 rue des Lilas".into(),
            postal_code: "69003".into(),
            city: "Lyon".into(),
            email: String::new(),
            phone: String::new(),
        })
        .expect("sender");
    let d = store.create_dossier(input, today()).expect("dossier");
    for &(kind, date) in events {
        store
            .add_event(
                d.id,
                &EventInput {
                    kind,
                    date,
                    note: String::new(),
                    amount_cents: None,
                    deadline_days: None,
                    tracking_number: None,
                },
                today(),
            )
            .expect("event");
    }
    Case {
        _dir: dir,
        store,
        id: d.id,
    }
}

pub fn assessed(c: &Case) -> Assessment {
    c.store.assess_dossier(c.id, today()).expect("assess")
}

pub fn step_status(a: &Assessment, id: &str) -> Option<(StepStatus, String)> {
    let j = serde_json::to_value(a).expect("json");
    j["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == id)
        .map(|s| {
            (
                serde_json::from_value(s["status"].clone()).expect("status"),
                s["reason"].as_str().unwrap_or_default().to_owned(),
            )
        })
}

/// Every rule the assessment cites, wherever it appears.
pub fn cited_rules(a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    for s in &a.steps {
        out.extend(s.legal.iter().map(|l| l.rule.to_owned()));
    }
    out.extend(a.deadlines.iter().map(|d| d.legal.rule.to_owned()));
    out.extend(a.court.legal.iter().map(|l| l.rule.to_owned()));
    for n in &a.notes {
        // A note may name a consumer rule to say it does not apply (the platform's duty to say
        // who sells, L111-7, is the platform's, towards its consumer user).
        out.extend(
            n.legal
                .iter()
                .filter(|l| l.rule != "PLATFORM_DISCLOSURE")
                .map(|l| l.rule.to_owned()),
        );
    }
    out.extend(a.penalty.iter().map(|p| p.legal.rule.to_owned()));
    out
}
