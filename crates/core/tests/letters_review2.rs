//! Letters assert only what the dossier shows (legal review, round 2): a withdrawal is said to be in
//! time only when it was (L221-18, L221-20); the card letter asks whether the card was lost or
//! stolen (L133-19) and cites L133-23; PayPal is answered with the directive (DSP2 art. 73); the
//! conformity letters answer « no reservations on the slip » with L216-5; a non-conforming good is
//! résolu with L217-14.

mod common;

use chrono::NaiveDate;
use common::{non_delivery, today};
use recours_core::dossier::{PaymentMethod, Problem};
use recours_core::events::EventInput;
use recours_core::letters::{compose, LetterDraft, LetterKind, SenderIdentity};
use recours_core::rules::model::EventKind;
use recours_core::Store;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// The letter `kind` for a dossier of `problem` (ordered 1 September 2026, delivered on the 10th
/// unless not delivered), with these events, written on `today()` (24 November 2026).
fn letter(
    problem: Problem,
    change: impl FnOnce(&mut recours_core::dossier::DossierInput),
    events: &[(EventKind, NaiveDate)],
    kind: LetterKind,
) -> LetterDraft {
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
    let mut input = non_delivery("Dossier");
    input.problem = problem;
    if problem != Problem::NonDelivery && problem != Problem::UnauthorizedPayment {
        input.order.delivered_date = Some(day(2026, 9, 10));
    }
    change(&mut input);
    let today = today();
    let d = store.create_dossier(&input, today).expect("dossier");
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
                today,
            )
            .expect("event");
    }
    let snap = store.dossier_snapshot(d.id, today).expect("snapshot");
    compose(kind, &snap.letter_context()).expect("letter")
}

fn cites(l: &LetterDraft, article: &str) -> bool {
    l.legal.iter().any(|r| r.citation.contains(article))
}

#[test]
fn l221_18_a_late_withdrawal_is_never_said_to_be_in_time() {
    // Delivered 10 September: the period ended on 24 September (L221-18). Sent 20 October.
    let late = letter(
        Problem::WithdrawalRefund,
        |_| {},
        &[(EventKind::WithdrawalNotified, day(2026, 10, 20))],
        LetterKind::FormalNoticeWithdrawal,
    );
    assert!(!late.body.contains("dans le délai"), "{}", late.body);
    assert!(
        late.warnings
            .iter()
            .any(|w| w.contains("24 septembre 2026")),
        "{:?}",
        late.warnings
    );
    // Sent on the last day, 24 September: in time, said so, no warning.
    let last_day = letter(
        Problem::WithdrawalRefund,
        |_| {},
        &[(EventKind::WithdrawalNotified, day(2026, 9, 24))],
        LetterKind::FormalNoticeWithdrawal,
    );
    assert!(last_day
        .body
        .contains("dans le délai prévu par l'article L221-18"));
    assert!(last_day.warnings.is_empty());
    assert!(!cites(&last_day, "L221-20"));
    // Not informed of the right: 12 months more (L221-20), cited.
    let extended = letter(
        Problem::WithdrawalRefund,
        |i| i.order.withdrawal_info_given = Some(false),
        &[(EventKind::WithdrawalNotified, day(2026, 10, 20))],
        LetterKind::FormalNoticeWithdrawal,
    );
    assert!(extended.body.contains("article L221-20"));
    assert!(cites(&extended, "L221-20"));
    // No delivery date: nothing asserted, and the person is told why.
    let unknown = letter(
        Problem::WithdrawalRefund,
        |i| i.order.delivered_date = None,
        &[(EventKind::WithdrawalNotified, day(2026, 9, 20))],
        LetterKind::MediatorReferral,
    );
    assert!(!unknown.body.contains("dans le délai légal"));
}

#[test]
fn l133_19_the_card_letter_asks_rather_than_assumes_and_cites_l133_23() {
    let card = |lost: Option<bool>| {
        letter(
            Problem::UnauthorizedPayment,
            |i| i.order.card_lost_or_stolen = lost,
            &[],
            LetterKind::BankDispute,
        )
    };
    let kept = card(Some(false));
    assert!(kept.body.contains("ni perdue ni volée") && !kept.body.contains("50 €"));
    let lost = card(Some(true));
    assert!(lost.body.contains("50 €") && lost.body.contains("opposition"));
    assert!(!lost.body.contains("ni perdue ni volée"));
    let unknown = card(None);
    assert!(!unknown.body.contains("ni perdue ni volée") && !unknown.body.contains("50 €"));
    assert!(unknown
        .to_complete
        .iter()
        .any(|t| t.contains("perdue ou volée")));
    assert!(!unknown.warnings.is_empty());
    for l in [&kept, &lost, &unknown] {
        assert!(l.body.contains("L133-23") && cites(l, "L133-23"));
    }
    let paypal = letter(
        Problem::UnauthorizedPayment,
        |i| i.order.payment_method = PaymentMethod::Paypal,
        &[],
        LetterKind::BankDispute,
    );
    assert!(paypal
        .body
        .contains("article 73 de la directive (UE) 2015/2366"));
    assert!(paypal.recipient.starts_with("PayPal (Europe)"));
    assert!(cites(&paypal, "DSP2"));
}

#[test]
fn l216_5_and_l217_14_in_the_conformity_letters() {
    let notice = letter(
        Problem::NonConforming,
        |_| {},
        &[],
        LetterKind::FormalNoticeConformity,
    );
    assert!(notice.body.contains("L216-5") && cites(&notice, "L216-5"));
    // The résolution of a sale the merchant did not bring into conformity: asked on 1 October,
    // received on the 3rd, 30 days over on 2 November (L217-10).
    let resolution = letter(
        Problem::NonConforming,
        |_| {},
        &[
            (EventKind::FormalNoticeSent, day(2026, 10, 1)),
            (EventKind::FormalNoticeReceived, day(2026, 10, 3)),
        ],
        LetterKind::Termination,
    );
    assert!(
        resolution.body.contains("a expiré le 2 novembre 2026"),
        "{}",
        resolution.body
    );
    assert!(resolution
        .body
        .contains("résolution de la vente, en application de l'article L217-14"));
    assert!(cites(&resolution, "L217-14"));
    assert!(
        resolution.to_complete.is_empty(),
        "{:?}",
        resolution.to_complete
    );
}
