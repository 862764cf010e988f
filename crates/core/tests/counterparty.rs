//! Who is on the other side decides the law: a private seller (Code civil only), a professional on a
//! marketplace (the seller and the platform are two parties), a seller whose status is not known.
//! Scenarios on Vinted, Amazon and Temu, each naming its articles; every letter of the private
//! track cites only the Code civil.

mod common;

use chrono::NaiveDate;
use common::{assessed, cited_rules, step_status, stored, today};
use recours_core::dossier::{
    DossierInput, Merchant, Order, PaymentMethod, Platform, Problem, SellerStatus,
};
use recours_core::letters::{compose, LetterKind};
use recours_core::rules::model::{EventKind, Goal, Regime, StepStatus};
use recours_core::rules::{assess, law};
use recours_core::store::facts_of;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn platform(id: &str) -> Platform {
    let entry = recours_core::platforms::by_id(id).expect("in the directory");
    Platform {
        name: entry.name.clone(),
        // Not every entry knows its country (Leboncoin): the person then says it.
        country: entry.country.value.clone().unwrap_or_else(|| "FR".into()),
        directory_id: Some(id.to_owned()),
        postal_address: None,
        email: None,
        siren_siret: None,
        mediator_name: None,
    }
}

fn input(
    problem: Problem,
    seller: &str,
    country: &str,
    status: SellerStatus,
    on: Option<&str>,
) -> DossierInput {
    DossierInput {
        title: format!("Achat à {seller}"),
        problem,
        description: String::new(),
        goal: Goal::Refund,
        carrier_chosen_by: None,
        merchant: Merchant {
            name: seller.into(),
            website: None,
            email: None,
            phone: None,
            postal_address: Some("3 rue des Vendeurs\n13001 Marseille".into()),
            country: country.into(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status,
        },
        platform: on.map(platform),
        order: Order {
            reference: Some("V-123".into()),
            date: day(2026, 10, 1),
            amount_cents: 4_500,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: None,
            delivered_date: None,
            used_goods: true,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
    }
}

/// No « Code de la consommation » and no article of the form L123-4 (nor R…) in a text.
fn no_consumer_law(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has_article = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            (w.starts_with('L') || w.starts_with('R'))
                && w.len() > 3
                && w[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
                && w.contains('-')
        });
    !lower.contains("code de la consommation") && !has_article
}

#[test]
fn a_vinted_private_seller_is_under_the_code_civil_with_the_platform_window_first() {
    // Bought on Vinted from a private person, never received; Vinted showed « Livré » on
    // Friday 20 November 2026: its protection window closes 2 days later (contract, not law).
    let c = stored(
        &input(
            Problem::NonDelivery,
            "marie_75",
            "FR",
            SellerStatus::Private,
            Some("vinted"),
        ),
        &[(EventKind::MarkedDelivered, day(2026, 11, 20))],
    );
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::Civil);
    assert_eq!(a.steps[0].id, recours_core::rules::model::StepId::Platform);
    assert_eq!(a.current_step, recours_core::rules::model::StepId::Platform);
    let window = a
        .deadlines
        .iter()
        .find(|d| d.id == "platform_protection_end")
        .expect("the platform's window");
    assert_eq!(window.date, day(2026, 11, 22));
    assert_eq!(window.legal.rule, "PLATFORM_TERMS");
    assert!(window.label.contains("contrat"));
    // No rule of the Code de la consommation anywhere.
    for rule in cited_rules(&a) {
        assert!(
            law::rule(&rule).applies_to(Regime::Civil),
            "{rule} cited for a private seller"
        );
    }
    assert!(a.deadlines.iter().all(|d| ![
        "withdrawal_period_end",
        "delivery_due",
        "refund_due",
        "mediation_window_end"
    ]
    .contains(&d.id.as_str())));
    assert!(a.penalty.is_none(), "no L241-4 between private persons");
    for id in ["mediation", "cec"] {
        let (status, reason) = step_status(&a, id).expect("shown");
        assert_eq!(status, StepStatus::NotApplicable);
        assert!(reason.starts_with("Sans objet"), "{id}: {reason}");
    }
    assert!(a.steps.iter().all(|s| s.sites.iter().all(|site| site.site
        != recours_core::rules::sites::OfficialSite::Signalconso
        && site.site != recours_core::rules::sites::OfficialSite::CecFrance)));
    assert!(a.notes.iter().any(|n| n.text.contains("Code civil")));
}

#[test]
fn the_private_track_refund_goes_to_the_injonction_de_payer_at_the_sellers_court() {
    let c = stored(
        &input(
            Problem::NonDelivery,
            "marie_75",
            "FR",
            SellerStatus::Private,
            Some("vinted"),
        ),
        &[
            (EventKind::FormalNoticeSent, day(2026, 10, 20)),
            (EventKind::TerminationNotified, day(2026, 11, 5)),
        ],
    );
    let a = assessed(&c);
    let j = serde_json::to_value(&a.court).expect("json");
    assert_eq!(j["route"], "injonction_de_payer");
    assert!(!a.court.where_to_file.contains("R631-3"));
    // A sum not yet owed, up to 5 000 €: the requête, after a conciliation (art. 750-1 CPC).
    let mut hidden = input(
        Problem::HiddenDefect,
        "marie_75",
        "FR",
        SellerStatus::Private,
        Some("leboncoin"),
    );
    hidden.order.delivered_date = Some(day(2026, 10, 5));
    let c = stored(&hidden, &[]);
    let a = assessed(&c);
    let j = serde_json::to_value(&a.court).expect("json");
    assert_eq!(j["route"], "requete");
    assert!(a.court.pre_action_required);
    assert!(a.court.where_to_file.contains("où demeure le vendeur"));
}

#[test]
fn every_letter_of_the_private_track_cites_only_the_code_civil() {
    let mut offered = Vec::new();
    for problem in [
        Problem::NonDelivery,
        Problem::NonConforming,
        Problem::HiddenDefect,
        Problem::WithdrawalRefund,
        Problem::Other,
    ] {
        let mut i = input(
            problem,
            "marie_75",
            "FR",
            SellerStatus::Private,
            Some("vinted"),
        );
        if problem != Problem::NonDelivery {
            i.order.delivered_date = Some(day(2026, 10, 5));
        }
        let c = stored(&i, &[(EventKind::FormalNoticeSent, day(2026, 10, 20))]);
        let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
        let d = c.store.get_dossier(c.id).expect("dossier");
        for kind in LetterKind::for_dossier(&d) {
            assert!(
                !matches!(
                    kind,
                    LetterKind::MediatorReferral
                        | LetterKind::WithdrawalForm
                        | LetterKind::FormalNoticeWithdrawal
                ),
                "{kind:?} offered to a private seller"
            );
            let l = compose(kind, &snap.letter_context()).expect("letter");
            let text = format!("{}\n{}\n{}", l.object, l.body, l.recipient);
            assert!(no_consumer_law(&text), "{problem:?} {kind:?}:\n{text}");
            for r in &l.legal {
                assert!(
                    law::rule(r.rule).applies_to(Regime::Civil),
                    "{kind:?} cites {}",
                    r.rule
                );
            }
            offered.push(kind);
        }
    }
    for kind in [
        LetterKind::Complaint,
        LetterKind::FormalNoticeDelivery,
        LetterKind::FormalNoticeConformity,
        LetterKind::Termination,
        LetterKind::ConciliatorReferral,
        LetterKind::PlatformClaim,
    ] {
        assert!(offered.contains(&kind), "{kind:?} never offered");
    }
}

#[test]
fn a_vinted_pro_seller_is_a_professional_the_consumer_track_applies() {
    let c = stored(
        &input(
            Problem::NonDelivery,
            "BoutiquePro",
            "FR",
            SellerStatus::Professional,
            Some("vinted"),
        ),
        &[(EventKind::FormalNoticeSent, day(2026, 10, 20))],
    );
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::Consumer);
    assert!(a
        .deadlines
        .iter()
        .any(|d| d.id == "delivery_due" && d.basis == "L216-1"));
    let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
    let notice = compose(LetterKind::FormalNoticeDelivery, &snap.letter_context()).expect("letter");
    assert!(notice.body.contains("L216-6") && notice.body.contains("Code de la consommation"));
}

#[test]
fn an_amazon_third_party_seller_in_germany_is_the_addressee_with_the_cec_and_european_small_claims()
{
    let c = stored(
        &input(
            Problem::NonDelivery,
            "Versand GmbH",
            "DE",
            SellerStatus::Professional,
            Some("amazon"),
        ),
        &[(EventKind::ComplaintSent, day(2026, 10, 10))],
    );
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::Consumer);
    assert_ne!(
        step_status(&a, "cec").expect("cec").0,
        StepStatus::NotApplicable
    );
    let j = serde_json::to_value(&a.court).expect("json");
    assert_eq!(j["route"], "european_small_claims");
    let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
    let notice = compose(LetterKind::FormalNoticeDelivery, &snap.letter_context()).expect("letter");
    assert!(
        notice.recipient.starts_with("Versand GmbH"),
        "the seller, not Amazon: {}",
        notice.recipient
    );
    let claim = compose(LetterKind::PlatformClaim, &snap.letter_context()).expect("claim");
    assert!(
        claim.recipient.starts_with("Amazon EU S.à r.l."),
        "{}",
        claim.recipient
    );
    assert!(claim.body.contains("vendu par Versand GmbH"));
}

#[test]
fn a_temu_order_names_the_eu_entity_from_the_directory_and_a_seller_without_address_still_gets_letters(
) {
    let mut i = input(
        Problem::NonDelivery,
        "Vendeur Temu",
        "CN",
        SellerStatus::Professional,
        Some("temu"),
    );
    i.merchant.postal_address = None;
    let c = stored(&i, &[]);
    let d = c.store.get_dossier(c.id).expect("dossier");
    assert_eq!(d.platform.as_ref().map(|p| p.country.as_str()), Some("IE"));
    let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
    let claim = compose(LetterKind::PlatformClaim, &snap.letter_context()).expect("platform claim");
    assert!(claim.recipient.starts_with("Whaleco Technology Limited"));
    assert!(
        claim.recipient.contains("à vérifier"),
        "{}",
        claim.recipient
    );
    assert!(compose(LetterKind::BankDispute, &snap.letter_context()).is_ok());
    let err =
        compose(LetterKind::FormalNoticeDelivery, &snap.letter_context()).expect_err("no address");
    assert_eq!(err.code(), "letter_incomplete");
}

#[test]
fn not_knowing_the_sellers_status_is_an_answer_that_starts_with_the_platform() {
    let c = stored(
        &input(
            Problem::NonDelivery,
            "vendeur_inconnu",
            "FR",
            SellerStatus::Unknown,
            Some("leboncoin"),
        ),
        &[],
    );
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::Consumer);
    assert_eq!(a.current_step, recours_core::rules::model::StepId::Platform);
    let note = a
        .notes
        .iter()
        .find(|n| n.text.contains("Vous ne savez pas"))
        .expect("a note");
    let text = note.text.replace('\u{a0}', " ");
    assert!(
        text.contains("« Pro »") && text.contains("Code civil"),
        "{text}"
    );
    // Leboncoin's advice, from the directory: never « Tout est OK » before checking.
    assert!(a.notes.iter().any(|n| n.text.contains("Tout est OK")));
}

#[test]
fn a_private_seller_never_meets_a_consumer_rule_in_any_generated_case() {
    let problems = [
        Problem::NonDelivery,
        Problem::NonConforming,
        Problem::WithdrawalRefund,
        Problem::HiddenDefect,
        Problem::UnauthorizedPayment,
        Problem::Other,
    ];
    let countries = ["FR", "DE", "DK", "CN"];
    let platforms = [None, Some("vinted"), Some("leboncoin"), Some("amazon")];
    let events = [
        vec![],
        vec![(EventKind::FormalNoticeSent, day(2026, 10, 20))],
        vec![
            (EventKind::FormalNoticeSent, day(2026, 10, 20)),
            (EventKind::TerminationNotified, day(2026, 11, 5)),
        ],
        vec![
            (EventKind::DefectDiscovered, day(2026, 10, 10)),
            (EventKind::ComplaintSent, day(2026, 10, 11)),
        ],
    ];
    for p in problems {
        for country in countries {
            for on in platforms {
                for evs in &events {
                    let mut i = input(p, "x", country, SellerStatus::Private, on);
                    i.order.delivered_date = (p != Problem::NonDelivery).then(|| day(2026, 10, 5));
                    let d = recours_core::dossier::Dossier {
                        id: 1,
                        title: i.title.clone(),
                        problem: p,
                        description: String::new(),
                        goal: Goal::Refund,
                        carrier_chosen_by: None,
                        merchant: i.merchant.clone(),
                        platform: i.platform.clone(),
                        order: i.order.clone(),
                        status: recours_core::dossier::Status::Open,
                        outcome_note: None,
                        closed_on: None,
                        created_at: String::new(),
                        updated_at: String::new(),
                    };
                    let list: Vec<recours_core::events::Event> = evs
                        .iter()
                        .enumerate()
                        .map(|(n, &(kind, date))| recours_core::events::Event {
                            id: n as i64 + 1,
                            dossier_id: 1,
                            kind,
                            date,
                            note: String::new(),
                            amount_cents: None,
                            deadline_days: None,
                            tracking_number: None,
                            created_at: String::new(),
                        })
                        .collect();
                    let facts = facts_of(&d, &list, Default::default());
                    let a = assess(&facts, today()).expect("assess");
                    assert_eq!(a.regime, Regime::Civil);
                    for rule in cited_rules(&a) {
                        assert!(
                            law::rule(&rule).applies_to(Regime::Civil),
                            "{p:?} {country} {on:?}: {rule}"
                        );
                    }
                    assert!(a.penalty.is_none());
                }
            }
        }
    }
}
