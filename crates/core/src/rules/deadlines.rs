//! The legal deadlines of a dossier, each from its event's date and its rule (table below).

use chrono::NaiveDate;

use super::calendar::{add_days, add_months};
use super::context::Context;
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
];

fn make(id: &str, date: NaiveDate, today: NaiveDate, overrides: Option<(&str, &str)>) -> Deadline {
    let &(_, label, rule, basis) = DEADLINES
        .iter()
        .find(|d| d.0 == id)
        .unwrap_or_else(|| panic!("deadline {id} missing from the table"));
    let (rule, basis) = overrides.unwrap_or((rule, basis));
    Deadline {
        id: id.to_owned(),
        date,
        basis: basis.to_owned(),
        passed: date < today,
        label: label.to_owned(),
        legal: law::legal(rule),
    }
}

pub fn compute(ctx: &Context) -> Vec<Deadline> {
    let facts = ctx.facts;
    let order = &facts.order;
    let today = ctx.today;
    let mut out = Vec::new();
    let mut push = |id: &str, date: Option<NaiveDate>, overrides: Option<(&str, &str)>| {
        if let Some(date) = date {
            out.push(make(id, date, today, overrides));
        }
    };

    match facts.problem {
        Problem::NonDelivery => {
            push("delivery_due", Some(ctx.delivery_due()), None);
            push("formal_notice_expiry", ctx.formal_notice_expiry(), None);
            push("refund_due", ctx.refund_due(), None);
        }
        Problem::WithdrawalRefund => {
            push(
                "withdrawal_period_end",
                ctx.withdrawal_period_end(),
                withdrawal_basis(ctx),
            );
            push(
                "withdrawal_return_due",
                ctx.first(EventKind::WithdrawalNotified)
                    .map(|d| add_days(d, 14)),
                None,
            );
            push(
                "formal_notice_expiry",
                ctx.formal_notice_expiry(),
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
                ctx.withdrawal_period_end(),
                withdrawal_basis(ctx),
            );
            push(
                "formal_notice_expiry",
                ctx.formal_notice_expiry(),
                Some(("GLC_FIX", "L217-10")),
            );
            let months = if order.used_goods { 12 } else { 24 };
            if facts.problem == Problem::NonConforming {
                push(
                    "repair_due",
                    ctx.first(EventKind::RepairRequested)
                        .map(|d| add_days(d, 30)),
                    None,
                );
                push(
                    "conformity_presumption_end",
                    ctx.delivered().map(|d| add_months(d, months)),
                    None,
                );
                push(
                    "conformity_guarantee_end",
                    ctx.delivered().map(|d| add_months(d, 24)),
                    None,
                );
            }
        }
        Problem::HiddenDefect => {
            push(
                "formal_notice_expiry",
                ctx.formal_notice_expiry(),
                Some(("VICE", "C. civ. 1641")),
            );
            let discovered = ctx.first(EventKind::DefectDiscovered);
            let cap = add_months(order.date, 12 * 20);
            push(
                "hidden_defect_action_end",
                discovered.map(|d| add_months(d, 24).min(cap)),
                None,
            );
        }
        Problem::UnauthorizedPayment => {
            push("card_dispute_limit", Some(add_months(order.date, 13)), None);
        }
    }
    push(
        "mediation_window_end",
        ctx.first_written_complaint().map(|d| add_months(d, 12)),
        None,
    );
    if order.payment_method == PaymentMethod::Paypal
        && facts.problem != Problem::UnauthorizedPayment
    {
        push(
            "paypal_dispute_limit",
            Some(add_days(order.date, 180)),
            None,
        );
        // An open PayPal dispute closes by itself unless escalated to a claim within 20 days.
        push(
            "paypal_claim_limit",
            ctx.first(EventKind::PaymentDisputeOpened)
                .map(|d| add_days(d, 20)),
            None,
        );
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    out
}

fn withdrawal_basis(ctx: &Context) -> Option<(&'static str, &'static str)> {
    (!ctx.facts.order.withdrawal_info_given).then_some(("WD_EXT", "L221-20"))
}
