//! bench/documents: time to typeset one letter in a running process (warm: fonts loaded, caches
//! filled), beside the floor of a one-line page typeset the same way. Prints JSON.

use std::time::Instant;

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem};
use recours_core::letters::{LetterDoc, LetterKind, SenderIdentity};
use recours_core::Store;
use recours_documents::letters::letter_pdf;
use recours_documents::render;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("data"))?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).ok_or("date")?;
    store.save_sender(&SenderIdentity {
        name: "Camille Martin".into(),
        address: "8 rue des Lilas".into(),
        postal_code: "69003".into(),
        city: "Lyon".into(),
        email: "camille@exemple.fr".into(),
        phone: String::new(),
    })?;
    let d = store.create_dossier(
        &DossierInput {
            title: "Banc".into(),
            problem: Problem::NonDelivery,
            description: "Le colis n'est jamais arrivé.".into(),
            goal: Default::default(),
            carrier_chosen_by: None,
            merchant: Merchant {
                name: "Vendeur SAS".into(),
                website: None,
                email: None,
                phone: None,
                postal_address: Some("1 rue du Port\n13002 Marseille".into()),
                country: "FR".into(),
                siren_siret: None,
                fevad_mediator: Some(true),
                mediator_name: None,
                status: Default::default(),
            },
            platform: None,
            order: Order {
                reference: Some("B-1".into()),
                date: NaiveDate::from_ymd_opt(2026, 3, 12).ok_or("date")?,
                amount_cents: 123_456,
                payment_method: PaymentMethod::Card,
                promised_delivery_date: None,
                delivered_date: None,
                used_goods: false,
                withdrawal_info_given: Some(true),
                card_lost_or_stolen: None,
                lender: None,
                service: None,
            },
        },
        today,
    )?;
    let snap = store.dossier_snapshot(d.id, today)?;
    let runs = 30;
    let start = Instant::now();
    letter_pdf(&snap, LetterKind::FormalNoticeDelivery, None)?;
    let cold = start.elapsed().as_secs_f64() * 1e3;
    let mut letter = Vec::new();
    for i in 0..runs {
        // A different body each time, so nothing is served whole from the cache.
        let mut edit = recours_core::letters::compose(
            LetterKind::FormalNoticeDelivery,
            &snap.letter_context(),
        )?
        .as_edit();
        edit.body.push_str(&format!("\n\nEssai n° {i}."));
        let t = Instant::now();
        letter_pdf(&snap, LetterKind::FormalNoticeDelivery, Some(&edit))?;
        letter.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut floor = Vec::new();
    for i in 0..runs {
        let doc = LetterDoc {
            title: "x".into(),
            sender: vec![format!("{i}")],
            recipient: vec!["y".into()],
            place_date: String::new(),
            registered: None,
            object: "z".into(),
            references: Vec::new(),
            paragraphs: vec![vec!["Bonjour.".into()]],
            signature: String::new(),
            enclosures: Vec::new(),
            sources: Vec::new(),
        };
        let t = Instant::now();
        render::letter(&doc)?;
        floor.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "{{\"cold_ms\": {cold:.1}, \"letter_warm_median_ms\": {:.1}, \"floor_one_line_median_ms\": {:.1}}}",
        median(letter),
        median(floor)
    );
    Ok(())
}
