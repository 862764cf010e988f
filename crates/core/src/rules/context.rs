//! What the rules read from the facts, computed once: the first date of each kind of event, the
//! delivery date, the formal notice and its expiry, the refund. Everything else reads this.

use chrono::NaiveDate;

use super::calendar::{add_days, add_months, extend_to_working_day};
use super::model::{EventKind, Facts};
use crate::countries;

pub const DEFAULT_NOTICE_DAYS: u32 = 8;

/// The day the consumer-credit reform applies (Ordonnance n° 2025-880, corrected by n° 2025-1154).
pub fn bnpl_credit_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or(NaiveDate::MIN)
}

/// A date, and whether it is only the earliest possible one (counted from a sending date while
/// the receipt is not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub earliest: bool,
}

impl Dated {
    pub fn exact(date: NaiveDate) -> Dated {
        Dated {
            date,
            earliest: false,
        }
    }

    pub fn earliest(date: NaiveDate) -> Dated {
        Dated {
            date,
            earliest: true,
        }
    }

    pub fn plus_days(self, days: i64) -> Dated {
        Dated {
            date: add_days(self.date, days),
            ..self
        }
    }
}

pub struct Context<'a> {
    pub facts: &'a Facts,
    pub today: NaiveDate,
}

impl<'a> Context<'a> {
    pub fn new(facts: &'a Facts, today: NaiveDate) -> Self {
        Context { facts, today }
    }

    /// The earliest event of this kind.
    pub fn first(&self, kind: EventKind) -> Option<NaiveDate> {
        self.facts
            .events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .min()
    }

    /// The latest event of this kind.
    pub fn last(&self, kind: EventKind) -> Option<NaiveDate> {
        self.facts
            .events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .max()
    }

    pub fn has(&self, kind: EventKind) -> bool {
        self.facts.events.iter().any(|e| e.kind == kind)
    }

    pub fn amount(&self) -> i64 {
        self.facts.order.amount_cents
    }

    pub fn country(&self) -> &str {
        &self.facts.merchant.country
    }

    /// The country's French name, as in "le vendeur est établi hors de France (Allemagne)".
    pub fn country_name(&self) -> String {
        countries::by_code(self.country())
            .map_or(self.country(), |c| c.name)
            .to_owned()
    }

    /// The body of law of the sale: the Code civil only when the seller is a private person, none
    /// when there is no merchant at all.
    pub fn regime(&self) -> super::model::Regime {
        super::model::Regime::of(self.facts.problem, self.facts.merchant.status)
    }

    /// The platform's entry in the directory, when it was chosen there.
    pub fn platform_entry(&self) -> Option<&'static crate::platforms::PlatformEntry> {
        self.facts
            .platform
            .as_ref()
            .and_then(|p| p.directory_id.as_deref())
            .and_then(crate::platforms::by_id)
    }

    /// The end of the platform's own window to report a problem (contractual), when it has one and
    /// the event it runs from is recorded (« Livré » shown, else the delivery).
    pub fn platform_protection_end(&self) -> Option<NaiveDate> {
        let prot = self.platform_entry()?.protection.as_ref()?;
        let days = prot.window_days?;
        let from = match prot.from.as_deref().and_then(EventKind::parse) {
            Some(kind) => self.first(kind).or_else(|| self.delivered()),
            None => self.delivered(),
        }?;
        Some(add_days(from, i64::from(days)))
    }

    /// The lender of a paiement fractionné, as the person named it.
    pub fn lender_name(&self) -> String {
        self.facts
            .order
            .lender
            .clone()
            .unwrap_or_else(|| "l'organisme de paiement fractionné".to_owned())
    }

    /// A paiement fractionné made from 20 November 2026 is consumer credit (Ordonnance 2025-880);
    /// one made before keeps the old law, which left it out.
    pub fn bnpl_is_credit(&self) -> bool {
        self.facts.order.date >= bnpl_credit_from()
    }

    /// Established in France.
    pub fn merchant_in_france(&self) -> bool {
        self.country() == "FR"
    }

    /// Established in another EU/EEA country (the CEC France and the European small claims apply).
    fn in_other_eu(&self) -> bool {
        !self.merchant_in_france()
            && !matches!(self.country(), "IS" | "LI" | "NO")
            && countries::by_code(self.country()).is_some_and(|c| c.eea)
    }

    /// The CEC France helps with sellers in another EU country, Iceland or Norway (domain §1).
    pub fn cec_applies(&self) -> bool {
        self.in_other_eu() || matches!(self.country(), "IS" | "NO")
    }

    /// The European small claims procedure: another EU member state bound by Reg. 861/2007
    /// (Denmark is not).
    pub fn escp_applies(&self) -> bool {
        self.in_other_eu() && self.country() != "DK"
    }

    /// Established in another EU country (the European order for payment may apply).
    pub fn merchant_in_other_eu(&self) -> bool {
        self.in_other_eu()
    }

    /// When the goods reached the consumer: a `delivered` event, else the order's delivery date.
    pub fn delivered(&self) -> Option<NaiveDate> {
        self.first(EventKind::Delivered)
            .or(self.facts.order.delivered_date)
    }

    /// The last delivery (several parcels): the withdrawal period runs from it (L221-18).
    pub fn last_delivered(&self) -> Option<NaiveDate> {
        self.last(EventKind::Delivered)
            .max(self.facts.order.delivered_date)
    }

    /// L216-1: the promised date, else 30 days after the order.
    pub fn delivery_due(&self) -> NaiveDate {
        self.facts
            .order
            .promised_delivery_date
            .unwrap_or_else(|| add_days(self.facts.order.date, 30))
    }

    /// The latest formal notice and the days it granted.
    pub fn formal_notice(&self) -> Option<(NaiveDate, u32)> {
        self.facts
            .events
            .iter()
            .filter(|e| e.kind == EventKind::FormalNoticeSent)
            .max_by_key(|e| e.date)
            .map(|e| (e.date, e.deadline_days.unwrap_or(DEFAULT_NOTICE_DAYS)))
    }

    /// From the avis de réception when it came after the sending, else from the sending date.
    pub fn formal_notice_expiry(&self) -> Option<NaiveDate> {
        let (sent, days) = self.formal_notice()?;
        let received = self
            .facts
            .events
            .iter()
            .filter(|e| e.kind == EventKind::FormalNoticeReceived && e.date >= sent)
            .map(|e| e.date)
            .min();
        Some(add_days(received.unwrap_or(sent), i64::from(days)))
    }

    /// The first written complaint (a formal notice is one too), which opens the mediation year.
    pub fn first_written_complaint(&self) -> Option<NaiveDate> {
        [
            self.first(EventKind::ComplaintSent),
            self.first(EventKind::FormalNoticeSent),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// L221-18/-19/-20: 14 days from delivery, to the next working day; +12 months without the information.
    /// For a service or digital content, 14 days from the contract (L221-18); none once digital
    /// content was supplied with the consent and acknowledgement of L221-28 13°.
    pub fn withdrawal_period_end(&self) -> Option<NaiveDate> {
        let region = self.facts.holiday_region;
        let start = if self.facts.problem.is_service() {
            if self.service().withdrawal_waived == Some(true) {
                return None;
            }
            self.facts.order.date
        } else {
            self.last_delivered()?
        };
        let initial = extend_to_working_day(add_days(start, 14), region);
        Some(if !self.facts.order.withdrawal_info_missing() {
            initial
        } else {
            extend_to_working_day(add_months(initial, 12), region)
        })
    }

    /// Whether the withdrawal was sent in time (L221-18, L221-19, L221-20): None when the delivery
    /// date or the withdrawal is not recorded, so nothing can be asserted.
    pub fn withdrawal_in_time(&self) -> Option<bool> {
        let sent = self.first(EventKind::WithdrawalNotified)?;
        Some(sent <= self.withdrawal_period_end()?)
    }

    /// The day the whole price came back: the refund event that completes the amount paid.
    pub fn refunded_on(&self) -> Option<NaiveDate> {
        let mut refunds: Vec<_> = self
            .facts
            .events
            .iter()
            .filter(|e| e.kind == EventKind::RefundReceived)
            .collect();
        refunds.sort_by_key(|e| e.date);
        let mut total = 0i64;
        for e in refunds {
            total = total.saturating_add(e.amount_cents.unwrap_or(self.amount()));
            if total >= self.amount() {
                return Some(e.date);
            }
        }
        None
    }

    /// When the merchant received a letter: its recorded receipt (on or after the sending), else the
    /// sending date, flagged as the earliest possible one.
    fn received(&self, sent: EventKind, receipt: EventKind) -> Option<Dated> {
        let sent_on = self.first(sent);
        let received_on = self
            .facts
            .events
            .iter()
            .filter(|e| e.kind == receipt && sent_on.is_none_or(|s| e.date >= s))
            .map(|e| e.date)
            .min();
        match (received_on, sent_on) {
            (Some(date), _) => Some(Dated::exact(date)),
            (None, Some(date)) => Some(Dated::earliest(date)),
            (None, None) => None,
        }
    }

    /// L216-7 (non-delivery): 14 days from the day the contract was "dénoncé", i.e. the day the
    /// merchant received the cancellation (L216-6 I). L221-24 (withdrawal): 14 days from the day the
    /// merchant was informed of it, or the return of the goods when later. While only the sending is
    /// recorded, the date is the earliest possible one.
    pub fn refund_due(&self) -> Option<Dated> {
        use crate::dossier::Problem;
        match self.facts.problem {
            Problem::NonDelivery => self
                .received(
                    EventKind::TerminationNotified,
                    EventKind::TerminationReceived,
                )
                .map(|d| d.plus_days(14)),
            // A service has no goods to wait for: 14 days from the day the withdrawal was received.
            Problem::Service | Problem::DigitalContent => self
                .received(EventKind::WithdrawalNotified, EventKind::WithdrawalReceived)
                .map(|d| d.plus_days(14)),
            Problem::WithdrawalRefund => {
                let due = self
                    .received(EventKind::WithdrawalNotified, EventKind::WithdrawalReceived)?
                    .plus_days(14);
                // The merchant may wait for the goods (or proof they were sent) when they come later.
                Some(match self.first(EventKind::GoodsReturned) {
                    Some(returned) if returned > due.date => Dated {
                        date: returned,
                        earliest: false,
                    },
                    _ => due,
                })
            }
            _ => None,
        }
    }

    /// L217-10: the consumer's request for repair or replacement — recorded as such, or made by the
    /// conformity mise en demeure (which asks for it). From its receipt when known.
    pub fn repair_requested(&self) -> Option<Dated> {
        use crate::dossier::Problem;
        let asked = self.first(EventKind::RepairRequested).map(Dated::exact);
        let notice = (self.facts.problem == Problem::NonConforming)
            .then(|| self.received(EventKind::FormalNoticeSent, EventKind::FormalNoticeReceived))
            .flatten();
        match (asked, notice) {
            (Some(a), Some(n)) if n.date < a.date => Some(n),
            (Some(a), _) => Some(a),
            (None, n) => n,
        }
    }

    /// A conciliation or mediation has been asked for (art. 750-1 CPC).
    pub fn pre_action_done(&self) -> bool {
        self.has(EventKind::ConciliationRequested) || self.has(EventKind::MediationRequested)
    }

    /// The withdrawal refund is owed with its L242-4 increase only once the goods came back or were
    /// sent back (L221-24: the merchant may wait for them or the proof of sending).
    pub fn goods_sent_back(&self) -> bool {
        self.facts.problem.is_service() || self.has(EventKind::GoodsReturned)
    }

    /// What a service dispute is about, from the journal.
    pub fn service_claim(&self) -> ServiceClaim {
        ServiceClaim::from_kinds(self.facts.events.iter().map(|e| e.kind))
    }

    /// The terms of a service or digital content (all unknown for goods).
    pub fn service(&self) -> crate::dossier::ServiceTerms {
        self.facts.order.service.clone().unwrap_or_default()
    }

    /// A subscription renewed without the L215-1 notice: cancellable at any time from its renewal.
    pub fn renewed_without_notice(&self) -> bool {
        renewed_without_notice(&self.service(), self.today)
    }

    /// L215-1: after such a renewal, the advances paid since are refunded within 30 days of the
    /// date of the cancellation, which takes effect when the professional receives it: counted from
    /// its sending, the date is the earliest possible one.
    pub fn renewal_refund_due(&self) -> Option<Dated> {
        if !self.renewed_without_notice() {
            return None;
        }
        self.first(EventKind::CancellationSent)
            .map(|d| Dated::earliest(d).plus_days(30))
    }
}

/// What a service or digital content dispute is about, from what the journal shows: a refund after
/// a withdrawal, sums taken after a cancellation, or the service or content itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceClaim {
    WithdrawalRefund,
    AfterCancellation,
    Performance,
}

impl ServiceClaim {
    /// From the kinds of the events recorded: the rules, the letters and the field sheets each
    /// hold the journal in their own type, and all ask this one question.
    pub fn from_kinds(kinds: impl IntoIterator<Item = EventKind>) -> ServiceClaim {
        let (mut withdrawn, mut cancelled) = (false, false);
        for kind in kinds {
            withdrawn |= kind == EventKind::WithdrawalNotified;
            cancelled |= kind == EventKind::CancellationSent;
        }
        match (withdrawn, cancelled) {
            (true, _) => ServiceClaim::WithdrawalRefund,
            (false, true) => ServiceClaim::AfterCancellation,
            (false, false) => ServiceClaim::Performance,
        }
    }
}

/// L215-1: a subscription renewed on `renewal` without the notice, cancellable at any time since.
pub fn renewed_without_notice(terms: &crate::dossier::ServiceTerms, today: NaiveDate) -> bool {
    terms.subscription
        && terms.renewal_notice_received == Some(false)
        && terms.renewal_date.is_some_and(|d| d <= today)
}
