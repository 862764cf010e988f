//! Every letter kind and every court field sheet, written for a fixed set of dossiers (each problem,
//! sellers in France, Belgium and Denmark, on-time and late cases), compared with the texts kept in
//! `tests/letters-golden/`. A change to any letter shows up as a diff of those files, to be read and
//! kept on purpose: `RECOURS_UPDATE_LETTERS=1 cargo test -p recours-core --test letters_golden`
//! rewrites them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem, ServiceTerms};
use recours_core::events::EventInput;
use recours_core::letters::docs::{field_sheet, CourtForm};
use recours_core::letters::{compose, LetterKind, SenderIdentity};
use recours_core::rules::model::{EventKind, Goal};
use recours_core::Store;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

const TODAY: (i32, u32, u32) = (2026, 11, 24);

struct Case {
    name: &'static str,
    problem: Problem,
    country: &'static str,
    payment: PaymentMethod,
    delivered: Option<NaiveDate>,
    withdrawal_info_given: bool,
    card_lost_or_stolen: Option<bool>,
    lender: Option<&'static str>,
    service: Option<recours_core::dossier::ServiceTerms>,
    order_date: NaiveDate,
    /// The merchant's postal address is known (a fake shop's is not).
    address: bool,
    status: recours_core::dossier::SellerStatus,
    platform: Option<&'static str>,
    goal: Goal,
    events: Vec<(EventKind, NaiveDate, Option<i64>)>,
}

fn case(name: &'static str, problem: Problem) -> Case {
    Case {
        name,
        problem,
        country: "FR",
        payment: PaymentMethod::Card,
        delivered: match problem {
            Problem::NonDelivery | Problem::UnauthorizedPayment | Problem::Scam => None,
            _ => Some(day(2026, 9, 10)),
        },
        withdrawal_info_given: true,
        card_lost_or_stolen: None,
        lender: None,
        service: None,
        order_date: day(2026, 9, 1),
        address: true,
        status: recours_core::dossier::SellerStatus::Professional,
        platform: None,
        goal: Goal::Refund,
        events: Vec::new(),
    }
}

fn cases() -> Vec<Case> {
    use EventKind::*;
    let mut out = Vec::new();

    let mut c = case("non-livraison-fr", Problem::NonDelivery);
    c.events = vec![
        (ComplaintSent, day(2026, 10, 6), None),
        (FormalNoticeSent, day(2026, 10, 12), None),
        (FormalNoticeReceived, day(2026, 10, 14), None),
        (TerminationNotified, day(2026, 10, 26), None),
    ];
    out.push(c);

    let mut c = case("non-livraison-rembourse-en-partie", Problem::NonDelivery);
    c.events = vec![
        (FormalNoticeSent, day(2026, 10, 12), None),
        (TerminationNotified, day(2026, 10, 26), None),
        (RefundReceived, day(2026, 11, 20), Some(2000)),
    ];
    out.push(c);

    let mut c = case("non-livraison-belgique", Problem::NonDelivery);
    c.country = "BE";
    c.events = vec![(FormalNoticeSent, day(2026, 10, 12), None)];
    out.push(c);

    let mut c = case("non-livraison-danemark", Problem::NonDelivery);
    c.country = "DK";
    c.events = vec![(FormalNoticeSent, day(2026, 10, 12), None)];
    out.push(c);

    let mut c = case("non-conforme", Problem::NonConforming);
    c.goal = Goal::Performance;
    c.events = vec![
        (ComplaintSent, day(2026, 9, 15), None),
        (FormalNoticeSent, day(2026, 10, 1), None),
    ];
    out.push(c);

    let mut c = case("non-conforme-remboursement", Problem::NonConforming);
    c.events = vec![
        (RepairRequested, day(2026, 9, 15), None),
        (FormalNoticeSent, day(2026, 10, 20), None),
    ];
    out.push(c);

    let mut c = case("retractation-dans-le-delai", Problem::WithdrawalRefund);
    c.events = vec![
        (WithdrawalNotified, day(2026, 9, 18), None),
        (GoodsReturned, day(2026, 9, 21), None),
    ];
    out.push(c);

    let mut c = case("retractation-tardive", Problem::WithdrawalRefund);
    c.events = vec![(WithdrawalNotified, day(2026, 10, 20), None)];
    out.push(c);

    let mut c = case("retractation-sans-information", Problem::WithdrawalRefund);
    c.withdrawal_info_given = false;
    c.events = vec![
        (WithdrawalNotified, day(2026, 11, 2), None),
        (GoodsReturned, day(2026, 11, 3), None),
    ];
    out.push(c);

    let mut c = case("vice-cache", Problem::HiddenDefect);
    c.events = vec![(DefectDiscovered, day(2026, 11, 2), None)];
    out.push(c);

    let mut c = case("paiement-non-autorise-carte", Problem::UnauthorizedPayment);
    c.events = vec![(ComplaintSent, day(2026, 10, 2), None)];
    out.push(c);

    let mut c = case("paiement-non-autorise-paypal", Problem::UnauthorizedPayment);
    c.payment = PaymentMethod::Paypal;
    out.push(c);

    let mut c = case("non-livraison-annulation-recue", Problem::NonDelivery);
    c.events = vec![
        (FormalNoticeSent, day(2026, 10, 12), None),
        (FormalNoticeReceived, day(2026, 10, 14), None),
        (TerminationNotified, day(2026, 10, 26), None),
        (TerminationReceived, day(2026, 10, 28), None),
    ];
    out.push(c);

    let mut c = case("retractation-recue", Problem::WithdrawalRefund);
    c.events = vec![
        (WithdrawalNotified, day(2026, 9, 18), None),
        (WithdrawalReceived, day(2026, 9, 21), None),
        (GoodsReturned, day(2026, 9, 21), None),
    ];
    out.push(c);

    let mut c = case("non-conforme-resolution", Problem::NonConforming);
    c.events = vec![
        (RepairRequested, day(2026, 9, 15), None),
        (FormalNoticeSent, day(2026, 10, 1), None),
        (FormalNoticeReceived, day(2026, 10, 3), None),
        (TerminationNotified, day(2026, 11, 10), None),
    ];
    out.push(c);

    let mut c = case(
        "paiement-non-autorise-carte-perdue",
        Problem::UnauthorizedPayment,
    );
    c.card_lost_or_stolen = Some(true);
    out.push(c);

    let mut c = case(
        "paiement-non-autorise-carte-gardee",
        Problem::UnauthorizedPayment,
    );
    c.card_lost_or_stolen = Some(false);
    out.push(c);

    let mut c = case("vinted-particulier-non-livre", Problem::NonDelivery);
    c.status = recours_core::dossier::SellerStatus::Private;
    c.platform = Some("vinted");
    c.events = vec![
        (MarkedDelivered, day(2026, 10, 8), None),
        (FormalNoticeSent, day(2026, 10, 12), None),
        (TerminationNotified, day(2026, 10, 26), None),
    ];
    out.push(c);

    let mut c = case("leboncoin-particulier-vice-cache", Problem::HiddenDefect);
    c.status = recours_core::dossier::SellerStatus::Private;
    c.platform = Some("leboncoin");
    c.events = vec![(DefectDiscovered, day(2026, 11, 2), None)];
    out.push(c);

    let mut c = case("amazon-vendeur-tiers-allemand", Problem::NonDelivery);
    c.country = "DE";
    c.platform = Some("amazon");
    c.events = vec![(ComplaintSent, day(2026, 10, 6), None)];
    out.push(c);

    let mut c = case("autre-paypal", Problem::Other);
    c.payment = PaymentMethod::Paypal;
    c.events = vec![(ComplaintSent, day(2026, 10, 2), None)];
    out.push(c);

    let mut c = case("site-frauduleux-carte", Problem::Scam);
    c.address = false;
    c.events = vec![(ScamReported, day(2026, 10, 20), None)];
    out.push(c);

    let mut c = case("site-frauduleux-virement", Problem::Scam);
    c.address = false;
    c.payment = PaymentMethod::Transfer;
    out.push(c);

    let mut c = case("site-frauduleux-paypal", Problem::Scam);
    c.address = false;
    c.payment = PaymentMethod::Paypal;
    out.push(c);

    let mut c = case("klarna-apres-le-20-novembre", Problem::NonDelivery);
    c.payment = PaymentMethod::Bnpl;
    c.lender = Some("Klarna");
    c.order_date = day(2026, 11, 20);
    out.push(c);

    let mut c = case("alma-avant-le-20-novembre", Problem::NonDelivery);
    c.payment = PaymentMethod::Bnpl;
    c.lender = Some("Alma");
    c.address = false;
    c.events = vec![(ComplaintSent, day(2026, 10, 6), None)];
    out.push(c);

    // A subscription renewed on 1 October 2026 without the L215-1 notice, no online cancellation
    // function (L215-1-1), cancelled by letter on 20 October.
    let mut c = case("abonnement-reconduit-sans-courrier", Problem::Service);
    c.order_date = day(2025, 10, 1);
    c.delivered = None;
    c.service = Some(ServiceTerms {
        subscription: true,
        started_on: Some(day(2025, 10, 1)),
        renewal_date: Some(day(2026, 10, 1)),
        renewal_notice_received: Some(false),
        online_cancellation: Some(false),
        ..ServiceTerms::default()
    });
    c.events = vec![(CancellationSent, day(2026, 10, 20), None)];
    out.push(c);

    // A one-off service started at the person's request, then withdrawn from (L221-25).
    let mut c = case("service-commence-a-la-demande", Problem::Service);
    c.delivered = None;
    c.service = Some(ServiceTerms {
        started_on: Some(day(2026, 9, 3)),
        early_start_requested: Some(true),
        ..ServiceTerms::default()
    });
    c.events = vec![(WithdrawalNotified, day(2026, 9, 8), None)];
    out.push(c);

    // Digital content supplied at once with the waiver of L221-28 13°, then not working.
    let mut c = case("contenu-numerique-non-conforme", Problem::DigitalContent);
    c.delivered = None;
    c.service = Some(ServiceTerms {
        started_on: Some(day(2026, 9, 1)),
        withdrawal_waived: Some(true),
        ..ServiceTerms::default()
    });
    out.push(c);
    out
}

fn input(c: &Case) -> DossierInput {
    DossierInput {
        title: format!("Dossier {}", c.name),
        problem: c.problem,
        description: String::new(),
        goal: c.goal,
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "Électro Dépôt SAS".into(),
            website: Some("https://www.electro.example.fr".into()),
            email: Some("sav@electro.example.fr".into()),
            phone: None,
            postal_address: c
                .address
                .then(|| "12 avenue de la République\n75011 Paris".into()),
            country: c.country.into(),
            siren_siret: None,
            fevad_mediator: Some(true),
            mediator_name: None,
            status: c.status,
        },
        platform: c.platform.map(|id| {
            let e = recours_core::platforms::by_id(id).expect("directory");
            recours_core::dossier::Platform {
                name: e.name.clone(),
                country: e.country.value.clone().unwrap_or_else(|| "FR".into()),
                directory_id: Some(id.to_owned()),
                postal_address: None,
                email: None,
                siren_siret: None,
                mediator_name: None,
            }
        }),
        order: Order {
            reference: Some("CMD-2026-0042".into()),
            date: c.order_date,
            amount_cents: 24_990,
            payment_method: c.payment,
            promised_delivery_date: Some(c.order_date + chrono::Days::new(7)),
            delivered_date: c.delivered,
            used_goods: false,
            withdrawal_info_given: Some(c.withdrawal_info_given),
            card_lost_or_stolen: c.card_lost_or_stolen,
            lender: c.lender.map(str::to_owned),
            service: c.service.clone(),
        },
    }
}

fn render(c: &Case) -> String {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    store
        .save_sender(&SenderIdentity {
            name: "Camille Martin".into(),
            address: "8 rue des Lilas".into(),
            postal_code: "69003".into(),
            city: "Lyon".into(),
            email: "camille.martin@exemple.fr".into(),
            phone: String::new(),
        })
        .expect("sender");
    let today = day(TODAY.0, TODAY.1, TODAY.2);
    let d = store.create_dossier(&input(c), today).expect("dossier");
    for (kind, date, amount) in &c.events {
        store
            .add_event(
                d.id,
                &EventInput {
                    kind: *kind,
                    date: *date,
                    note: String::new(),
                    amount_cents: *amount,
                    deadline_days: None,
                    tracking_number: None,
                },
                today,
            )
            .expect("event");
    }
    let snap = store.dossier_snapshot(d.id, today).expect("snapshot");
    let mut out = String::new();
    for &kind in LetterKind::ALL {
        let _ = writeln!(out, "=== courrier : {} ===", kind.as_str());
        match compose(kind, &snap.letter_context()) {
            Ok(l) => {
                let _ = writeln!(
                    out,
                    "[avertissements]\n{}\n[destinataire]\n{}\n[objet]\n{}\n[références]\n{}\n[texte]\n{}\n[pièces jointes]\n{}\n[textes cités]\n{}\n",
                    l.warnings.join("\n"),
                    l.recipient,
                    l.object,
                    l.references.join("\n"),
                    l.body,
                    l.enclosures,
                    l.legal
                        .iter()
                        .map(|r| format!(
                            "{}{}",
                            r.citation,
                            if r.verified { "" } else { " (à vérifier)" }
                        ))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
            Err(e) => {
                let _ = writeln!(out, "refusé ({}) : {e}\n", e.code());
            }
        }
    }
    // The court forms for a dossier with someone to summon, the online complaint for a fake shop.
    for &form in CourtForm::ALL
        .iter()
        .filter(|&&f| (f == CourtForm::Thesee) == (c.problem == Problem::Scam))
    {
        let sheet = field_sheet(form, &snap.facts(), &snap.pieces);
        let _ = writeln!(
            out,
            "=== aide au remplissage : {} ===\n{}\n",
            form.as_str(),
            serde_json::to_string_pretty(&sheet).expect("json")
        );
    }
    out
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters-golden")
}

#[test]
fn every_letter_and_field_sheet_matches_its_reviewed_text() {
    let update = std::env::var_os("RECOURS_UPDATE_LETTERS").is_some();
    let dir = golden_dir();
    let mut differ = Vec::new();
    for c in cases() {
        let text = render(&c);
        let path = dir.join(format!("{}.txt", c.name));
        if update {
            std::fs::create_dir_all(&dir).expect("dir");
            std::fs::write(&path, &text).expect("write");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            differ.push(c.name);
        }
    }
    assert!(
        differ.is_empty(),
        "ces textes ont changé : {differ:?} — relisez la différence, puis \
         RECOURS_UPDATE_LETTERS=1 cargo test -p recours-core --test letters_golden"
    );
}
