//! The legal deadlines of a dossier, each from its event's date and its rule (table below).

use chrono::NaiveDate;

use super::calendar::{add_days, add_months};
use super::context::{Context, Dated, ServiceClaim};
use super::law;
use super::model::{Deadline, EventKind};
use crate::dossier::{PaymentMethod, Problem};

/// (deadline id, French label, rule id, article shown as basis)
const DEADLINES: &[(&str, &str, &str, &str)] = &[
    (
        "delivery_due",
        "Date limite de livraison",
        "DELIV_DEFAULT",
        "L216-1",
    ),
    (
        "formal_notice_expiry",
        "Fin du délai laissé par la mise en demeure",
        "DELIV_NOTICE",
        "L216-6",
    ),
    (
        "refund_due",
        "Date limite du remboursement",
        "DELIV_REFUND",
        "L216-7",
    ),
    (
        "withdrawal_period_end",
        "Fin du délai de rétractation",
        "WD_PERIOD",
        "L221-18",
    ),
    (
        "withdrawal_return_due",
        "Date limite pour renvoyer le bien",
        "WD_RETURN",
        "L221-23",
    ),
    (
        "conformity_presumption_end",
        "Fin de la présomption de défaut",
        "GLC_PRESUMPTION",
        "L217-7",
    ),
    (
        "conformity_guarantee_end",
        "Fin de la garantie légale de conformité",
        "GLC_DURATION",
        "L217-3",
    ),
    (
        "repair_due",
        "Date limite de la réparation ou du remplacement",
        "GLC_FIX",
        "L217-10",
    ),
    (
        "hidden_defect_action_end",
        "Date limite pour agir en justice (vice caché)",
        "VICE",
        "C. civ. 1648",
    ),
    (
        "mediation_window_end",
        "Date limite pour saisir le médiateur",
        "MED_WINDOW",
        "L612-2",
    ),
    (
        "card_dispute_limit",
        "Date limite pour contester le paiement auprès de la banque",
        "CARD_LIMIT",
        "L133-24",
    ),
    (
        "paypal_dispute_limit",
        "Date limite pour ouvrir un litige PayPal",
        "PAYPAL",
        "PayPal",
    ),
    (
        "paypal_claim_limit",
        "Date limite pour transformer le litige PayPal en réclamation",
        "PAYPAL",
        "PayPal",
    ),
    (
        "renewal_refund_due",
        "Date limite du remboursement des avances (reconduction sans courrier de rappel)",
        "RENEWAL_REFUND",
        "L215-1",
    ),
    (
        "platform_protection_end",
        "Fin du délai de la protection de la plateforme (contrat)",
        "PLATFORM_TERMS",
        "contrat",
    ),
    (
        "payment_order_service_limit",
        "Date limite pour faire signifier l'ordonnance d'injonction de payer",
        "IP_SERVICE",
        "CPC 1411",
    ),
];

/// Orders of injonction de payer made from this day must be served within 3 months, not 6
/// (Décret n° 2026-96 du 16 février 2026).
pub fn shorter_service_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or(NaiveDate::MIN)
}

fn make(id: &str, dated: Dated, today: NaiveDate, overrides: Option<(&str, &str)>) -> Deadline {
    let &(_, label, rule, basis) = DEADLINES
        .iter()
        .find(|d| d.0 == id)
        .unwrap_or_else(|| panic!("deadline {id} missing from the table"));
    let (rule, basis) = overrides.unwrap_or((rule, basis));
    Deadline {
        id: id.to_owned(),
        date: dated.date,
        basis: basis.to_owned(),
        passed: dated.date < today,
        label: label.to_owned(),
        earliest: dated.earliest,
        legal: law::legal(rule),
    }
}

pub fn compute(ctx: &Context) -> Vec<Deadline> {
    let facts = ctx.facts;
    let order = &facts.order;
    let today = ctx.today;
    let mut out = Vec::new();
    let mut push = |id: &str, date: Option<Dated>, overrides: Option<(&str, &str)>| {
        if let Some(date) = date {
            out.push(make(id, date, today, overrides));
        }
    };
    let exact = |date: Option<NaiveDate>| date.map(Dated::exact);

    match ctx.regime() {
        super::model::Regime::Civil => civil(ctx, &mut push),
        super::model::Regime::Consumer => consumer(ctx, &mut push),
        // No merchant: no legal term runs against anyone; the payment's own limits follow (a
        // card chargeback has the network's, never shown as a legal deadline).
        super::model::Regime::NoMerchant => {}
    }
    if order.payment_method == PaymentMethod::Paypal
        && facts.problem != Problem::UnauthorizedPayment
    {
        push(
            "paypal_dispute_limit",
            exact(Some(add_days(order.date, 180))),
            None,
        );
        // An open PayPal dispute closes by itself unless escalated to a claim within 20 days.
        push(
            "paypal_claim_limit",
            exact(
                ctx.first(EventKind::PaymentDisputeOpened)
                    .map(|d| add_days(d, 20)),
            ),
            None,
        );
    }
    // An injonction de payer order lapses unless served in time: 6 months, 3 for orders made
    // from 1 September 2026 (art. 1411 CPC; Décret n° 2026-96). Counted from its receipt, which
    // is on or after the day it was made: an order received in early September may get the
    // shorter period, which only errs on the safe side.
    push(
        "payment_order_service_limit",
        exact(
            ctx.first(EventKind::PaymentOrderReceived)
                .map(|d| add_months(d, if d >= shorter_service_from() { 3 } else { 6 })),
        ),
        None,
    );
    // The platform's own window (contractual, from its terms).
    if let (Some(end), Some(p)) = (ctx.platform_protection_end(), &facts.platform) {
        let basis = format!("contrat {}", p.name);
        push(
            "platform_protection_end",
            exact(Some(end)),
            Some(("PLATFORM_TERMS", basis.as_str())),
        );
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    out
}

type Push<'a> = dyn FnMut(&str, Option<Dated>, Option<(&str, &str)>) + 'a;

/// Between private persons (Code civil): a delivery date only when one was agreed (1610), the
/// formal notice's term (1344), the hidden-defect action (1648); no statutory refund term, no
/// withdrawal, no conformity guarantee, no consumer mediation.
fn civil(ctx: &Context, push: &mut Push<'_>) {
    let facts = ctx.facts;
    let exact = |date: Option<NaiveDate>| date.map(Dated::exact);
    if facts.problem == Problem::NonDelivery {
        push(
            "delivery_due",
            exact(facts.order.promised_delivery_date),
            Some(("CIV_DELIVERY", "C. civ. 1610")),
        );
    }
    push(
        "formal_notice_expiry",
        exact(ctx.formal_notice_expiry()),
        Some(("CIV_NOTICE", "C. civ. 1344")),
    );
    if matches!(
        facts.problem,
        Problem::NonConforming | Problem::HiddenDefect
    ) {
        let cap = add_months(facts.order.date, 12 * 20);
        push(
            "hidden_defect_action_end",
            exact(
                ctx.first(EventKind::DefectDiscovered)
                    .map(|d| add_months(d, 24).min(cap)),
            ),
            None,
        );
    }
    if facts.problem == Problem::UnauthorizedPayment {
        push(
            "card_dispute_limit",
            exact(Some(add_months(facts.order.date, 13))),
            None,
        );
    }
}

fn consumer(ctx: &Context, push: &mut Push<'_>) {
    let facts = ctx.facts;
    let order = &facts.order;
    let exact = |date: Option<NaiveDate>| date.map(Dated::exact);
    match facts.problem {
        Problem::NonDelivery => {
            push("delivery_due", exact(Some(ctx.delivery_due())), None);
            push(
                "formal_notice_expiry",
                exact(ctx.formal_notice_expiry()),
                None,
            );
            push("refund_due", ctx.refund_due(), None);
        }
        Problem::WithdrawalRefund => {
            push(
                "withdrawal_period_end",
                exact(ctx.withdrawal_period_end()),
                withdrawal_basis(ctx),
            );
            push(
                "withdrawal_return_due",
                exact(
                    ctx.first(EventKind::WithdrawalNotified)
                        .map(|d| add_days(d, 14)),
                ),
                None,
            );
            push(
                "formal_notice_expiry",
                exact(ctx.formal_notice_expiry()),
                Some(("WD_REFUND", "L221-24")),
            );
            push(
                "refund_due",
                ctx.refund_due(),
                Some(("WD_REFUND", "L221-24")),
            );
        }
        Problem::NonConforming | Problem::Other => {
            push(
                "withdrawal_period_end",
                exact(ctx.withdrawal_period_end()),
                withdrawal_basis(ctx),
            );
            push(
                "formal_notice_expiry",
                exact(ctx.formal_notice_expiry()),
                Some(("GLC_FIX", "L217-10")),
            );
            let months = if order.used_goods { 12 } else { 24 };
            if facts.problem == Problem::NonConforming {
                push(
                    "repair_due",
                    ctx.repair_requested().map(|d| d.plus_days(30)),
                    None,
                );
                push(
                    "conformity_presumption_end",
                    exact(ctx.delivered().map(|d| add_months(d, months))),
                    None,
                );
                // A repaired good keeps the guarantee 6 months longer (L217-13).
                let repaired = ctx.has(EventKind::RepairDone);
                push(
                    "conformity_guarantee_end",
                    exact(
                        ctx.delivered()
                            .map(|d| add_months(d, if repaired { 30 } else { 24 })),
                    ),
                    repaired.then_some(("GLC_EXT", "L217-13")),
                );
            }
        }
        Problem::HiddenDefect => {
            push(
                "formal_notice_expiry",
                exact(ctx.formal_notice_expiry()),
                Some(("VICE", "C. civ. 1641")),
            );
            let discovered = ctx.first(EventKind::DefectDiscovered);
            let cap = add_months(order.date, 12 * 20);
            push(
                "hidden_defect_action_end",
                exact(discovered.map(|d| add_months(d, 24).min(cap))),
                None,
            );
        }
        Problem::UnauthorizedPayment => {
            push(
                "card_dispute_limit",
                exact(Some(add_months(order.date, 13))),
                None,
            );
        }
        Problem::Service | Problem::DigitalContent => service(ctx, push),
        // A fake shop is never under the consumer regime (no merchant: no legal term).
        Problem::Scam => {}
    }
    push(
        "mediation_window_end",
        exact(ctx.first_written_complaint().map(|d| add_months(d, 12))),
        None,
    );
}

/// A service or digital content: the withdrawal from the contract (L221-18) and its refund
/// (L221-24), the refund after a renewal without notice (L215-1), and for digital content supplied
/// once, the 2 years of its conformity (L224-25-12) and the 12 months of the presumption.
fn service(ctx: &Context, push: &mut Push<'_>) {
    let exact = |date: Option<NaiveDate>| date.map(Dated::exact);
    let terms = ctx.service();
    let basis = withdrawal_basis(ctx).or(Some(("SVC_WD_PERIOD", "L221-18")));
    push(
        "withdrawal_period_end",
        exact(ctx.withdrawal_period_end()),
        basis,
    );
    push(
        "refund_due",
        ctx.refund_due(),
        Some(("SVC_WD_REFUND", "L221-24")),
    );
    push("renewal_refund_due", ctx.renewal_refund_due(), None);
    // The term the mise en demeure gave, under the rule of what it asked.
    let notice_basis = match (ctx.service_claim(), ctx.facts.problem) {
        (ServiceClaim::WithdrawalRefund, _) => ("SVC_WD_REFUND", "L221-24"),
        (ServiceClaim::AfterCancellation, _) => ("UNDUE_PAYMENT", "C. civ. 1302"),
        (ServiceClaim::Performance, Problem::DigitalContent) => ("DIGITAL_REMEDIES", "L224-25-20"),
        (ServiceClaim::Performance, _) => ("SVC_PERFORMANCE", "L216-6"),
    };
    push(
        "formal_notice_expiry",
        exact(ctx.formal_notice_expiry()),
        Some(notice_basis),
    );
    if ctx.facts.problem == Problem::DigitalContent && !terms.subscription {
        push(
            "conformity_presumption_end",
            exact(terms.started_on.map(|d| add_months(d, 12))),
            Some(("DIGITAL_PRESUMPTION", "L224-25-16")),
        );
        push(
            "conformity_guarantee_end",
            exact(terms.started_on.map(|d| add_months(d, 24))),
            Some(("DIGITAL_CONFORMITY", "L224-25-12")),
        );
    }
}

fn withdrawal_basis(ctx: &Context) -> Option<(&'static str, &'static str)> {
    ctx.facts
        .order
        .withdrawal_info_missing()
        .then_some(("WD_EXT", "L221-20"))
}
