//! No one to write to: a fake shop (C. pén. 313-1, THESEE), paid by card (chargeback: network
//! rules, not law), by transfer (a recall needs the payee's consent), by PayPal (its contract);
//! an unauthorised card payment, card lost or kept (CMF L133-19, L133-23); a paiement fractionné
//! on either side of 20 November 2026 (Ordonnance 2025-880). Each scenario names its rule.

mod common;

use chrono::NaiveDate;
use common::{assessed, cited_rules, step_status, stored, today};
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem, SellerStatus};
use recours_core::letters::{compose, LetterKind};
use recours_core::rules::law;
use recours_core::rules::model::{CourtRoute, EventKind, Goal, Regime, StepId, StepStatus};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A shop that took the money and vanished: no postal address, a name and a site as it showed them.
fn fake_shop(method: PaymentMethod) -> DossierInput {
    DossierInput {
        title: "Aspirateur jamais reçu — faux site".into(),
        problem: Problem::Scam,
        description: "Le site ne répond plus.".into(),
        goal: Goal::Refund,
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "Super-Promo-Maison".into(),
            website: Some("https://super-promo-maison.example".into()),
            email: Some("contact@super-promo-maison.example".into()),
            phone: None,
            postal_address: None,
            country: "FR".into(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status: SellerStatus::Unknown,
        },
        platform: None,
        order: Order {
            reference: None,
            date: day(2026, 11, 2),
            amount_cents: 18_900,
            payment_method: method,
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

/// The letters the dossier offers, as the wizard lists them.
fn offered(c: &common::Case) -> Vec<LetterKind> {
    LetterKind::for_dossier(&c.store.get_dossier(c.id).expect("dossier"))
}

fn letter_text(c: &common::Case, kind: LetterKind) -> String {
    let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
    let l = compose(kind, &snap.letter_context()).expect("composed");
    format!("{}\n{}\n{}", l.recipient, l.object, l.body)
}

#[test]
fn a_fake_shop_paid_by_card_goes_to_the_bank_and_the_police_not_to_a_merchant() {
    let c = stored(&fake_shop(PaymentMethod::Card), &[]);
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::NoMerchant);
    // No merchant: the complaint, the mise en demeure, the mediator and the civil court are « sans
    // objet », each with why.
    for id in ["complaint", "formal_notice", "mediation", "court"] {
        let (status, why) = step_status(&a, id).expect(id);
        assert_eq!(status, StepStatus::NotApplicable, "{id}");
        assert!(!why.is_empty(), "{id} says why");
    }
    // The payment first (a network rule, shown as such), then the complaint (C. pén. 313-1,
    // THESEE), SignalConso, and Perceval since the card's numbers were given to the site.
    assert_eq!(a.current_step, StepId::PaymentDispute);
    let payment = a
        .steps
        .iter()
        .find(|s| s.id == StepId::PaymentDispute)
        .expect("payment");
    assert!(payment.law.contains("pas un droit écrit dans la loi"));
    assert_eq!(payment.legal[0].rule, "CHARGEBACK");
    assert!(
        !payment.legal[0].verified,
        "network rules are « à vérifier »"
    );
    assert!(payment.deadline.is_none(), "no invented deadline");
    let thesee = a
        .steps
        .iter()
        .find(|s| s.id == StepId::ScamReport)
        .expect("THESEE");
    let rules: Vec<_> = thesee.legal.iter().map(|l| l.rule).collect();
    assert_eq!(rules, ["SCAM", "THESEE"]);
    assert!(a.steps.iter().any(|s| s.id == StepId::Report));
    assert!(a.steps.iter().any(|s| s.id == StepId::CardReuse));
    assert_eq!(a.court.route, CourtRoute::NoDefendant);
    // No legal term runs against anyone, and no consumer rule is cited.
    assert!(a.deadlines.is_empty(), "{:?}", a.deadlines);
    for rule in cited_rules(&a) {
        assert!(
            law::rule(&rule).applies_to(Regime::NoMerchant),
            "{rule} does not belong to a fake shop"
        );
    }
    // Only letters that go to the bank: no postal address needed.
    assert_eq!(offered(&c), [LetterKind::BankDispute]);
    let text = letter_text(&c, LetterKind::BankDispute);
    assert!(text.contains("rétrofacturation"));
    assert!(text.contains("site frauduleux"));
    assert!(
        !text.contains("L133"),
        "an authorised payment: no CMF article"
    );
}

#[test]
fn once_the_bank_is_asked_the_complaint_is_next_and_a_recorded_one_reaches_the_bank_letter() {
    let c = stored(
        &fake_shop(PaymentMethod::Card),
        &[(EventKind::PaymentDisputeOpened, day(2026, 11, 10))],
    );
    assert_eq!(assessed(&c).current_step, StepId::ScamReport);
    let c = stored(
        &fake_shop(PaymentMethod::Card),
        &[(EventKind::ScamReported, day(2026, 11, 12))],
    );
    let a = assessed(&c);
    // A complaint filed first never passes over the payment: it stays the step to take.
    assert_eq!(a.current_step, StepId::PaymentDispute);
    assert_eq!(
        step_status(&a, "scam_report").expect("THESEE").0,
        StepStatus::Done
    );
    assert!(letter_text(&c, LetterKind::BankDispute).contains("le 12 novembre 2026"));
}

#[test]
fn a_fake_shop_paid_by_transfer_has_no_chargeback_and_says_the_recall_needs_the_payee() {
    let c = stored(&fake_shop(PaymentMethod::Transfer), &[]);
    let a = assessed(&c);
    let payment = a
        .steps
        .iter()
        .find(|s| s.id == StepId::PaymentDispute)
        .expect("payment");
    assert_eq!(payment.status, StepStatus::Current);
    assert!(payment.law.contains("il n'y a pas de « chargeback »"));
    assert!(payment.law.contains("accord du bénéficiaire"));
    assert!(cited_rules(&a).iter().all(|r| r != "CHARGEBACK"));
    assert!(cited_rules(&a).iter().any(|r| r == "TRANSFER_RECALL"));
    assert!(
        !a.steps.iter().any(|s| s.id == StepId::CardReuse),
        "Perceval is for a card"
    );
    assert_eq!(offered(&c), [LetterKind::TransferRecall]);
    let text = letter_text(&c, LetterKind::TransferRecall);
    assert!(text.contains("accord du bénéficiaire"));
    assert!(text.contains("au profit de Super-Promo-Maison"));
}

#[test]
fn a_fake_shop_paid_by_paypal_has_the_dispute_text_within_180_days() {
    let c = stored(&fake_shop(PaymentMethod::Paypal), &[]);
    let a = assessed(&c);
    let limit = a
        .deadlines
        .iter()
        .find(|d| d.id == "paypal_dispute_limit")
        .expect("PayPal's 180 days");
    // 2 November 2026 + 180 days = 1 May 2027 (PayPal's contract, not a legal term).
    assert_eq!(limit.date, day(2027, 5, 1));
    assert_eq!(offered(&c), [LetterKind::PaypalDispute]);
    let draft = {
        let snap = c.store.dossier_snapshot(c.id, today()).expect("snapshot");
        compose(LetterKind::PaypalDispute, &snap.letter_context()).expect("composed")
    };
    assert!(draft.body.contains("objet non reçu"));
    assert!(draft.warnings.iter().any(|w| w.contains("20 jours")));
    assert!(
        draft.to_complete.is_empty(),
        "nothing to look up: it is pasted"
    );
}

#[test]
fn a_non_delivery_switched_to_a_fake_shop_leaves_the_consumer_ladder() {
    let mut input = fake_shop(PaymentMethod::Card);
    input.problem = Problem::NonDelivery;
    input.merchant.postal_address = Some("1 rue Fausse\n75001 Paris".into());
    let mut c = stored(&input, &[]);
    assert_eq!(assessed(&c).regime, Regime::Consumer);
    assert!(offered(&c).contains(&LetterKind::FormalNoticeDelivery));
    input.problem = Problem::Scam;
    c.store
        .update_dossier(c.id, &input, today())
        .expect("switched");
    let a = assessed(&c);
    assert_eq!(a.regime, Regime::NoMerchant);
    assert!(!offered(&c).contains(&LetterKind::FormalNoticeDelivery));
}

#[test]
fn a_card_lost_carries_the_50_euro_franchise_and_a_card_kept_none() {
    // L133-19: at most 50 € before the opposition for a lost or stolen card; nothing when the card
    // was never lost. L133-23 answers the bank's usual refusal in both.
    let mut input = fake_shop(PaymentMethod::Card);
    input.problem = Problem::UnauthorizedPayment;
    input.merchant.status = SellerStatus::Professional;
    for (lost, franchise) in [(true, true), (false, false)] {
        input.order.card_lost_or_stolen = Some(lost);
        let c = stored(&input, &[]);
        let a = assessed(&c);
        assert_eq!(
            cited_rules(&a).iter().any(|r| r == "CARD_LOST"),
            franchise,
            "lost: {lost}"
        );
        let text = letter_text(&c, LetterKind::BankDispute);
        assert_eq!(text.contains("50 €"), franchise, "lost: {lost}");
        assert!(text.contains("L133-23"));
    }
}

fn klarna(date: NaiveDate, problem: Problem) -> DossierInput {
    let mut input = fake_shop(PaymentMethod::Bnpl);
    input.problem = problem;
    input.merchant.status = SellerStatus::Professional;
    input.merchant.postal_address = Some("4 quai des Marques\n69002 Lyon".into());
    input.order.date = date;
    input.order.lender = Some("Klarna".into());
    input
}

#[test]
fn a_paiement_fractionne_is_consumer_credit_from_20_november_2026_exactly() {
    // Ordonnance 2025-880: from 20 November 2026; before, a free BNPL under 3 months was left out.
    let c = stored(&klarna(day(2026, 11, 20), Problem::NonDelivery), &[]);
    let a = assessed(&c);
    let payment = a
        .steps
        .iter()
        .find(|s| s.id == StepId::PaymentDispute)
        .expect("payment");
    assert_eq!(
        payment.title,
        "Demander à Klarna de suspendre les échéances"
    );
    let rules: Vec<_> = payment.legal.iter().map(|l| l.rule).collect();
    assert_eq!(rules, ["BNPL_CREDIT", "BNPL_DELIVERY", "BNPL_LINKED"]);
    // The article numbers after the reform are not confirmed: « à vérifier ».
    assert!(payment.legal[1..].iter().all(|l| !l.verified));
    assert!(offered(&c).contains(&LetterKind::LenderRequest));
    let text = letter_text(&c, LetterKind::LenderRequest);
    assert!(text.contains("L312-48") && text.contains("L312-55"));
    assert!(text.starts_with("Klarna — Service clients"));

    let c = stored(&klarna(day(2026, 11, 19), Problem::NonDelivery), &[]);
    let payment = assessed(&c)
        .steps
        .into_iter()
        .find(|s| s.id == StepId::PaymentDispute)
        .expect("payment");
    let rules: Vec<_> = payment.legal.iter().map(|l| l.rule).collect();
    assert_eq!(rules, ["BNPL_CREDIT"]);
    assert!(payment.law.contains("d'avant le 20 novembre 2026"));
    let text = letter_text(&c, LetterKind::LenderRequest);
    assert!(!text.contains("L312"), "no credit law before the reform");
    assert!(text.contains("procédure de traitement des litiges"));
}

#[test]
fn a_delivered_but_broken_good_bought_in_instalments_does_not_claim_the_delivery_rule() {
    let mut input = klarna(day(2026, 11, 21), Problem::NonConforming);
    input.order.delivered_date = Some(day(2026, 11, 23));
    let c = stored(&input, &[]);
    let payment = assessed(&c)
        .steps
        .into_iter()
        .find(|s| s.id == StepId::PaymentDispute)
        .expect("payment");
    let rules: Vec<_> = payment.legal.iter().map(|l| l.rule).collect();
    assert_eq!(rules, ["BNPL_CREDIT", "BNPL_LINKED"]);
    assert!(!letter_text(&c, LetterKind::LenderRequest).contains("L312-48"));
}

#[test]
fn a_card_chargeback_is_offered_for_goods_not_as_described_and_a_refund_never_credited() {
    for problem in [Problem::NonConforming, Problem::WithdrawalRefund] {
        let mut input = klarna(day(2026, 10, 1), problem);
        input.order.payment_method = PaymentMethod::Card;
        input.order.lender = None;
        input.order.delivered_date = Some(day(2026, 10, 5));
        let c = stored(&input, &[]);
        assert!(
            offered(&c).contains(&LetterKind::BankDispute),
            "{problem:?}"
        );
        let text = letter_text(&c, LetterKind::BankDispute);
        assert!(text.contains("rétrofacturation"), "{problem:?}");
    }
}
