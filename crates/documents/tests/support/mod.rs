//! Shared fixtures: real stores in temp dirs, dossiers of several kinds, and the PDF tools the test
//! command installs (qpdf, poppler-utils).

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem};
use recours_core::events::EventInput;
use recours_core::letters::SenderIdentity;
use recours_core::rules::model::{EventKind, Goal};
use recours_core::Store;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub const TODAY: (i32, u32, u32) = (2026, 11, 24);

pub fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

pub fn sender() -> SenderIdentity {
    SenderIdentity {
        name: "Camille Martin".into(),
        address: "8 rue des Lilas\nAppartement 4".into(),
        postal_code: "69003".into(),
        city: "Lyon".into(),
        email: "camille.martin@exemple.fr".into(),
        phone: "06 12 34 56 78".into(),
    }
}

pub fn merchant(country: &str) -> Merchant {
    Merchant {
        name: "Électro Dépôt SAS".into(),
        website: Some("https://www.electro.example.fr".into()),
        email: Some("sav@electro.example.fr".into()),
        phone: None,
        postal_address: Some("12 avenue de la République\n75011 Paris".into()),
        country: country.into(),
        siren_siret: Some("552100554".into()),
        fevad_mediator: Some(true),
        mediator_name: None,
        status: Default::default(),
    }
}

pub fn input(problem: Problem, reference: &str, amount_cents: i64) -> DossierInput {
    DossierInput {
        title: format!("Litige {reference}"),
        problem,
        description: String::new(),
        goal: Goal::Refund,
        carrier_chosen_by: None,
        merchant: merchant("FR"),
        platform: None,
        order: Order {
            reference: Some(reference.into()),
            date: day(2026, 3, 12),
            amount_cents,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: None,
            delivered_date: match problem {
                Problem::NonDelivery | Problem::UnauthorizedPayment => None,
                _ => Some(day(2026, 3, 20)),
            },
            used_goods: false,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
    }
}

pub fn event(kind: EventKind, date: NaiveDate) -> EventInput {
    EventInput {
        kind,
        date,
        note: String::new(),
        amount_cents: None,
        deadline_days: None,
        tracking_number: None,
    }
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

pub fn store_with_sender() -> Fixture {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    store.save_sender(&sender()).expect("sender");
    Fixture { dir, store }
}

/// Runs a PDF tool; the README's test command installs them (scripts/install-deps.sh test).
pub fn tool(name: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} est introuvable ({e}) : lancez scripts/install-deps.sh test (qpdf, poppler-utils)")
    });
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// The PDF's text with every kind of space made a plain space, lines joined.
pub fn pdf_text(path: &Path) -> String {
    let p = path.to_str().expect("utf-8 path");
    let (ok, text) = tool("pdftotext", &["-enc", "UTF-8", p, "-"]);
    assert!(ok, "pdftotext a échoué : {text}");
    let spaced: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// qpdf finds no error, and pdffonts lists only embedded fonts.
pub fn assert_sound_pdf(path: &Path) {
    let p = path.to_str().expect("utf-8 path");
    let (ok, out) = tool("qpdf", &["--check", p]);
    assert!(ok, "qpdf --check a échoué sur {p} : {out}");
    let (ok, fonts) = tool("pdffonts", &[p]);
    assert!(ok, "pdffonts a échoué : {fonts}");
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "aucune police dans {p}");
    for row in rows {
        // Columns end with: emb sub uni object-number generation.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "police non incorporée dans {p} : {row}");
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
