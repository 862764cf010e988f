//! A service, a subscription or digital content from a professional: the withdrawal runs from the
//! contract (C. conso. L221-18), to the next working day (L221-19); what is owed for a service
//! started on request (L221-25); digital content with or without the waiver of L221-28 13°; a
//! renewal without notice (L215-1); a cancellation the site does not offer online (L215-1-1). Each
//! scenario names its article and sits on its boundary.

mod common;

use chrono::NaiveDate;
use common::{cited_rules, step_status, stored, today, Case};
use recours_core::dossier::{
    DossierInput, Merchant, Order, PaymentMethod, Problem, SellerStatus, ServiceTerms,
};
use recours_core::letters::{compose, LetterKind};
use recours_core::rules::model::{Assessment, CourtRoute, EventKind, Goal, StepStatus};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn service(problem: Problem, contract: NaiveDate, terms: ServiceTerms) -> DossierInput {
    DossierInput {
        title: "Abonnement".into(),
        problem,
        description: String::new(),
        goal: Goal::Refund,
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "StreamPlus".into(),
            website: Some("https://streamplus.example".into()),
            email: Some("aide@streamplus.example".into()),
            phone: None,
            postal_address: Some("4 rue du Cinéma\n75010 Paris".into()),
            country: "FR".into(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status: SellerStatus::Professional,
        },
        platform: None,
        order: Order {
            reference: None,
            date: contract,
            amount_cents: 11_988,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: None,
            delivered_date: None,
            used_goods: false,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: Some(terms),
        },
    }
}

fn on(c: &Case, date: NaiveDate) -> Assessment {
    c.store.assess_dossier(c.id, date).expect("assess")
}

fn deadline(a: &Assessment, id: &str) -> Option<NaiveDate> {
    a.deadlines.iter().find(|d| d.id == id).map(|d| d.date)
}

fn letter_text(c: &Case, kind: LetterKind) -> String {
    let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
    let l = compose(kind, &snap.letter_context()).expect("composed");
    format!("{}\n{}\n{}", l.recipient, l.object, l.body)
}

fn offered(c: &Case) -> Vec<LetterKind> {
    LetterKind::for_dossier(&c.store.get_dossier(c.id).expect("dossier"))
}

#[test]
fn a_subscription_of_friday_24_april_2026_can_be_withdrawn_from_until_monday_11_may() {
    // L221-18: 14 days from the conclusion of a service contract (not from a delivery). L221-19:
    // the day of conclusion is not counted; day 14 is Friday 8 May 2026, a public holiday (Victoire
    // 1945), then a weekend: the period runs to Monday 11 May.
    let contract = day(2026, 4, 24);
    let c = stored(
        &service(
            Problem::Service,
            contract,
            ServiceTerms {
                subscription: true,
                ..ServiceTerms::default()
            },
        ),
        &[],
    );
    let a = on(&c, day(2026, 5, 11));
    assert_eq!(
        deadline(&a, "withdrawal_period_end"),
        Some(day(2026, 5, 11))
    );
    let wd = a
        .deadlines
        .iter()
        .find(|d| d.id == "withdrawal_period_end")
        .expect("deadline");
    assert_eq!(wd.basis, "L221-18");
    assert_eq!(
        step_status(&a, "withdrawal").expect("step").0,
        StepStatus::Current
    );
    // The next day, it is over, and says so.
    let late = on(&c, day(2026, 5, 12));
    let (status, why) = step_status(&late, "withdrawal").expect("step");
    assert_eq!(status, StepStatus::NotApplicable);
    assert!(why.contains("11 mai 2026"), "{why}");
    // No rule of goods: no delivery, no parcel, no return of goods, no carrier.
    for id in [
        "delivery_due",
        "withdrawal_return_due",
        "conformity_guarantee_end",
    ] {
        assert_eq!(deadline(&a, id), None, "{id}");
    }
    let rules = cited_rules(&a);
    for goods in [
        "RISK",
        "WD_PERIOD",
        "WD_RETURN",
        "GLC_DURATION",
        "DELIV_DEFAULT",
    ] {
        assert!(
            !rules.iter().any(|r| r == goods),
            "{goods} cited for a service"
        );
    }
}

#[test]
fn a_service_started_on_request_owes_its_share_and_no_increase_is_computed_on_the_whole_price() {
    // L221-25: a service started at the person's express request during the period: the share
    // already supplied is owed; the refund is the rest, which the dossier does not know.
    let terms = ServiceTerms {
        started_on: Some(day(2026, 11, 3)),
        early_start_requested: Some(true),
        ..ServiceTerms::default()
    };
    let c = stored(
        &service(Problem::Service, day(2026, 11, 2), terms),
        &[
            (EventKind::WithdrawalNotified, day(2026, 11, 5)),
            (EventKind::WithdrawalReceived, day(2026, 11, 6)),
        ],
    );
    let a = on(&c, today());
    // L221-24: 14 days from the day the professional received the withdrawal.
    assert_eq!(deadline(&a, "refund_due"), Some(day(2026, 11, 20)));
    assert!(
        a.penalty.is_none(),
        "L242-4 on the whole price would overstate what is owed"
    );
    let text = letter_text(&c, LetterKind::FormalNoticeService);
    assert!(text.contains("article L221-25"), "{text}");
    assert!(text.contains("déduction faite de ce montant"), "{text}");
    assert!(
        !text.contains("la totalité des sommes"),
        "the whole price is not claimed: {text}"
    );
}

#[test]
fn a_service_not_started_on_request_is_refunded_whole_with_the_l242_4_increase() {
    // L221-24 and L242-4: nothing started at the person's request, the whole price is owed back;
    // received on 6 November, due on 20 November, 4 days late on 24 November: legal interest.
    let terms = ServiceTerms {
        early_start_requested: Some(false),
        ..ServiceTerms::default()
    };
    let c = stored(
        &service(Problem::Service, day(2026, 11, 2), terms),
        &[
            (EventKind::WithdrawalNotified, day(2026, 11, 5)),
            (EventKind::WithdrawalReceived, day(2026, 11, 6)),
        ],
    );
    let a = on(&c, today());
    let penalty = a.penalty.expect("increase");
    assert_eq!(penalty.principal_cents, 11_988);
    assert_eq!(penalty.days_late, 4);
    assert!(penalty.legal_interest);
}

#[test]
fn digital_content_supplied_with_the_waiver_has_no_withdrawal_and_without_it_keeps_one() {
    // L221-28 13°: express consent, acknowledgement of the loss, confirmation: no withdrawal.
    let waived = stored(
        &service(
            Problem::DigitalContent,
            day(2026, 11, 20),
            ServiceTerms {
                started_on: Some(day(2026, 11, 20)),
                withdrawal_waived: Some(true),
                ..ServiceTerms::default()
            },
        ),
        &[],
    );
    let a = on(&waived, today());
    assert_eq!(deadline(&a, "withdrawal_period_end"), None);
    let (status, why) = step_status(&a, "withdrawal").expect("step");
    assert_eq!(status, StepStatus::NotApplicable);
    assert!(why.contains("L221-28, 13°"), "{why}");
    assert!(!offered(&waived).contains(&LetterKind::ServiceWithdrawal));
    // The same content without the waiver: 14 days from the contract, to Friday 4 December.
    let kept = stored(
        &service(
            Problem::DigitalContent,
            day(2026, 11, 20),
            ServiceTerms {
                started_on: Some(day(2026, 11, 20)),
                withdrawal_waived: Some(false),
                ..ServiceTerms::default()
            },
        ),
        &[],
    );
    let a = on(&kept, today());
    assert_eq!(
        deadline(&a, "withdrawal_period_end"),
        Some(day(2026, 12, 4))
    );
    assert_eq!(
        step_status(&a, "withdrawal").expect("step").0,
        StepStatus::Current
    );
    assert!(offered(&kept).contains(&LetterKind::ServiceWithdrawal));
    // Its conformity is disputed, not a sum owed: no injonction de payer before the résolution.
    assert_ne!(a.court.route, CourtRoute::InjonctionDePayer);
    // Supplied once: 2 years of conformity, 12 months of presumption (L224-25-12, L224-25-16).
    assert_eq!(
        deadline(&a, "conformity_guarantee_end"),
        Some(day(2028, 11, 20))
    );
    assert_eq!(
        deadline(&a, "conformity_presumption_end"),
        Some(day(2027, 11, 20))
    );
}

#[test]
fn a_renewal_without_notice_lets_one_cancel_and_be_refunded_within_30_days() {
    // L215-1: renewed on 1 October 2026 without the notice; cancelled on 20 October: the advances
    // paid since are refunded within 30 days of the cancellation, by 19 November.
    let terms = ServiceTerms {
        subscription: true,
        renewal_date: Some(day(2026, 10, 1)),
        renewal_notice_received: Some(false),
        ..ServiceTerms::default()
    };
    let c = stored(
        &service(Problem::Service, day(2025, 10, 1), terms.clone()),
        &[(EventKind::CancellationSent, day(2026, 10, 20))],
    );
    let a = on(&c, today());
    assert_eq!(deadline(&a, "renewal_refund_due"), Some(day(2026, 11, 19)));
    // « à compter de la date de résiliation »: its receipt is not recorded, so « au plus tôt ».
    let due = a
        .deadlines
        .iter()
        .find(|d| d.id == "renewal_refund_due")
        .expect("deadline");
    assert!(due.earliest);
    assert_eq!(
        step_status(&a, "cancellation").expect("step").0,
        StepStatus::Done
    );
    let text = letter_text(&c, LetterKind::Cancellation);
    assert!(
        text.contains("article L215-1 du Code de la consommation"),
        "{text}"
    );
    // With the notice received, none of it is claimed.
    let noticed = stored(
        &service(
            Problem::Service,
            day(2025, 10, 1),
            ServiceTerms {
                renewal_notice_received: Some(true),
                ..terms
            },
        ),
        &[(EventKind::CancellationSent, day(2026, 10, 20))],
    );
    let a = on(&noticed, today());
    assert_eq!(deadline(&a, "renewal_refund_due"), None);
    assert!(!letter_text(&noticed, LetterKind::Cancellation).contains("L215-1 du"));
}

#[test]
fn a_cancellation_the_site_does_not_offer_online_is_written_and_reported() {
    // L215-1-1 (and D215-1 to D215-3): a contract concluded online can be cancelled online.
    let c = stored(
        &service(
            Problem::Service,
            day(2026, 3, 2),
            ServiceTerms {
                subscription: true,
                online_cancellation: Some(false),
                ..ServiceTerms::default()
            },
        ),
        &[],
    );
    let a = on(&c, today());
    assert_eq!(
        step_status(&a, "cancellation").expect("step").0,
        StepStatus::Current
    );
    let report = a
        .steps
        .iter()
        .find(|s| s.id == recours_core::rules::model::StepId::Report)
        .expect("SignalConso step");
    assert!(
        report.what_to_do.contains("résilier votre contrat"),
        "{}",
        report.what_to_do
    );
    let text = letter_text(&c, LetterKind::Cancellation);
    assert!(
        text.contains("l'article L215-1-1 du Code de la consommation"),
        "{text}"
    );
    assert!(offered(&c).contains(&LetterKind::CancellationRefund));
    // A one-off service has nothing to cancel: no step, no letter.
    let once = stored(
        &service(Problem::Service, day(2026, 3, 2), ServiceTerms::default()),
        &[],
    );
    assert!(step_status(&on(&once, today()), "cancellation").is_none());
    assert!(!offered(&once).contains(&LetterKind::Cancellation));
}

#[test]
fn a_card_debited_after_the_cancellation_has_its_chargeback_request() {
    // Network rules, not law (« règle du réseau »): offered for a card, stated from the journal.
    let c = stored(
        &service(
            Problem::Service,
            day(2026, 3, 2),
            ServiceTerms {
                subscription: true,
                ..ServiceTerms::default()
            },
        ),
        &[(EventKind::CancellationSent, day(2026, 10, 20))],
    );
    assert!(offered(&c).contains(&LetterKind::BankDispute));
    let text = letter_text(&c, LetterKind::BankDispute);
    assert!(
        text.contains("résilié cet abonnement le 20 octobre 2026"),
        "{text}"
    );
    assert!(text.contains("règles du réseau"), "{text}");
}

#[test]
fn without_the_information_a_service_started_on_request_owes_nothing_for_its_share() {
    // L221-25: nothing is owed for the share supplied when the information was not given.
    let mut input = service(
        Problem::Service,
        day(2026, 11, 2),
        ServiceTerms {
            early_start_requested: Some(true),
            ..ServiceTerms::default()
        },
    );
    input.order.withdrawal_info_given = Some(false);
    let c = stored(&input, &[(EventKind::WithdrawalNotified, day(2026, 11, 5))]);
    let text = letter_text(&c, LetterKind::FormalNoticeService);
    assert!(
        text.contains("la totalité des sommes versées, soit 119,88"),
        "{text}"
    );
    assert!(!text.contains("L221-25"), "{text}");
    let a = on(&c, today());
    let step = a
        .steps
        .iter()
        .find(|s| s.id == recours_core::rules::model::StepId::Withdrawal)
        .expect("withdrawal step");
    assert!(step.what_to_do.is_empty() || !step.what_to_do.contains("vous devrez seulement"));
}
