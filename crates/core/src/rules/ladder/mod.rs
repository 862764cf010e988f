//! The escalation ladder for a dossier: which steps apply to its problem and its regime, which are
//! done, which one is current, with what the law says, what to do, to whom, how, and what it costs —
//! in plain French. Which steps a regime has, in which order, and who writes each one is a table
//! (`LADDERS`), not a condition spread through the steps.

mod civil;
mod consumer;
mod scam;
mod service;
mod shared;

use super::context::Context;
use super::law;
use super::model::{Court, EventKind, Regime, Step, StepId, StepStatus};
use super::sites::OfficialSite;
use crate::dossier::{validate::fr_date, Problem};

/// A step before its status is decided.
pub(super) struct Draft {
    pub(super) id: StepId,
    pub(super) title: String,
    pub(super) parallel: bool,
    /// Err(reason) when the step does not apply to this dossier.
    pub(super) applies: Result<(), String>,
    /// Some(reason) when done.
    pub(super) done: Option<String>,
    /// Said when the step is current (what to wait for, or what is under way).
    pub(super) now: String,
    pub(super) law: String,
    pub(super) what_to_do: String,
    pub(super) to_whom: String,
    pub(super) how: String,
    pub(super) cost: String,
    pub(super) deadline: Option<&'static str>,
    pub(super) legal: Vec<&'static str>,
    pub(super) sites: Vec<OfficialSite>,
    pub(super) record: Vec<EventKind>,
    /// Done, but something is still to do here (an order to have served): it stays current.
    pub(super) still_open: bool,
    /// Not shown at all (a step for a party the dossier does not have).
    pub(super) hidden: bool,
}

impl Draft {
    pub(super) fn new(id: StepId, title: impl Into<String>) -> Draft {
        Draft {
            id,
            title: title.into(),
            parallel: false,
            applies: Ok(()),
            done: None,
            now: String::new(),
            law: String::new(),
            what_to_do: String::new(),
            to_whom: String::new(),
            how: String::new(),
            cost: "Gratuit.".into(),
            deadline: None,
            legal: Vec::new(),
            sites: Vec::new(),
            record: Vec::new(),
            still_open: false,
            hidden: false,
        }
    }
}

pub(super) fn done_on(ctx: &Context, kind: EventKind, what: &str) -> Option<String> {
    ctx.first(kind)
        .map(|d| format!("{what} le {}.", fr_date(d)))
}

/// Writes one step for a dossier.
type Builder = fn(&Context, &Court) -> Draft;

macro_rules! step {
    ($f:path) => {
        (|ctx: &Context, _court: &Court| $f(ctx)) as Builder
    };
    ($f:path, court) => {
        $f as Builder
    };
}

/// The ladder of each regime, in order. A payment made without consent starts at the bank (the
/// same steps, the payment first).
const CONSUMER: &[Builder] = &[
    step!(shared::platform),
    step!(consumer::complaint),
    step!(consumer::formal_notice),
    step!(consumer::termination),
    step!(shared::payment_dispute),
    step!(consumer::mediation),
    step!(consumer::cec),
    step!(shared::conciliation, court),
    step!(shared::court_step, court),
    step!(shared::resolved),
];
const CIVIL: &[Builder] = &[
    step!(shared::platform),
    step!(civil::complaint),
    step!(civil::formal_notice),
    step!(civil::termination),
    step!(shared::payment_dispute),
    step!(civil::mediation),
    step!(civil::cec),
    step!(shared::conciliation, court),
    step!(shared::court_step, court),
    step!(shared::resolved),
];

/// A service, a subscription or digital content from a professional: no delivery, no parcel; the
/// withdrawal from the contract and the cancellation first.
const SERVICE: &[Builder] = &[
    step!(shared::platform),
    step!(service::withdrawal),
    step!(service::cancellation),
    step!(consumer::complaint),
    step!(consumer::formal_notice),
    step!(shared::payment_dispute),
    step!(service::report),
    step!(consumer::mediation),
    step!(consumer::cec),
    step!(shared::conciliation, court),
    step!(shared::court_step, court),
    step!(shared::resolved),
];

/// No merchant to write to (a fake shop): the payment first, then the complaint to the police.
const NO_MERCHANT: &[Builder] = &[
    step!(shared::platform),
    step!(scam::complaint),
    step!(scam::formal_notice),
    step!(shared::payment_dispute),
    step!(scam::scam_report),
    step!(scam::report),
    step!(scam::card_reuse),
    step!(scam::mediation),
    step!(scam::court),
    step!(shared::resolved),
];

/// Which ladder: the regime, then whether goods or a service were bought (between private persons,
/// the Code civil's steps serve both).
fn ladder(regime: Regime, problem: Problem) -> &'static [Builder] {
    match (regime, problem.is_service()) {
        (Regime::Consumer, false) => CONSUMER,
        (Regime::Consumer, true) => SERVICE,
        (Regime::Civil, _) => CIVIL,
        (Regime::NoMerchant, _) => NO_MERCHANT,
    }
}

/// The steps in ladder order for the problem and the regime, with their statuses.
pub fn steps(ctx: &Context, court: &Court) -> (Vec<Step>, StepId) {
    let mut drafts: Vec<Draft> = ladder(ctx.regime(), ctx.facts.problem)
        .iter()
        .map(|build| build(ctx, court))
        .filter(|d| !d.hidden)
        .collect();
    if ctx.facts.problem == Problem::UnauthorizedPayment {
        if let Some(i) = drafts.iter().position(|d| d.id == StepId::PaymentDispute) {
            let payment = drafts.remove(i);
            drafts.insert(0, payment);
        }
    }
    debug_assert!(drafts.iter().all(|d| d
        .legal
        .iter()
        .all(|id| law::rule(id).applies_to(ctx.regime()))));

    let is_resolved = ctx.has(EventKind::Resolved);
    // A step done further up the ladder means the ones before it were passed over.
    let last_done = drafts
        .iter()
        .rposition(|d| !d.parallel && d.applies.is_ok() && d.done.is_some());
    let mut current = None;
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        let (status, reason) = match (&d.applies, &d.done) {
            (Err(why), _) => (StepStatus::NotApplicable, why.clone()),
            (Ok(()), Some(_)) if d.still_open && !is_resolved && current.is_none() => {
                current = Some(d.id);
                (StepStatus::Current, d.now.clone())
            }
            (Ok(()), Some(why)) => (StepStatus::Done, why.clone()),
            _ if is_resolved => (StepStatus::NotApplicable, "Le litige est réglé.".to_owned()),
            _ if d.parallel => (
                StepStatus::Upcoming,
                "En parallèle des autres étapes, dès maintenant.".to_owned(),
            ),
            // Cancelling is what makes the refund owed (L216-7), and a payment can be contested
            // whatever was done since: neither is passed over silently.
            _ if !matches!(d.id, StepId::Termination | StepId::PaymentDispute)
                && last_done.is_some_and(|last| i < last) =>
            {
                (
                    StepStatus::NotApplicable,
                    "Vous êtes passé à une étape suivante.".to_owned(),
                )
            }
            _ if current.is_none() => {
                current = Some(d.id);
                (StepStatus::Current, d.now.clone())
            }
            _ => (StepStatus::Upcoming, d.now.clone()),
        };
        out.push(Step {
            id: d.id,
            status,
            reason,
            title: d.title,
            parallel: d.parallel,
            law: d.law,
            what_to_do: d.what_to_do,
            to_whom: d.to_whom,
            how: d.how,
            cost: d.cost,
            deadline: d.deadline.map(str::to_owned),
            legal: law::legals(&d.legal),
            sites: d.sites.into_iter().map(OfficialSite::to_ref).collect(),
            record: d.record,
        });
    }
    let current = if is_resolved {
        StepId::Resolved
    } else {
        current.unwrap_or(StepId::Court)
    };
    (out, current)
}
