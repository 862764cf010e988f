//! The public shapes of the assessment: what `assess` reads (facts and events) and what it returns.
//! The names are a documented interface (docs/assess.md): change them only with the docs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::HolidayRegion;
use crate::dossier::{Merchant, Order, Platform, Problem, SellerStatus};

/// The body of law that governs the sale. The other side decides it: a professional (or one not
/// known yet), the Code de la consommation; a private person, the Code civil only; a fake shop or a
/// seller who vanished, no seller to hold to anything — the payment and a criminal complaint.
/// Each rule of the table and each step of the ladder says to which it belongs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    #[default]
    Consumer,
    Civil,
    /// No merchant to write to: a fake shop, a seller who vanished.
    NoMerchant,
}

impl Regime {
    /// The regime of a dossier: no merchant for a fake shop, else the seller's status decides (not
    /// knowing yet keeps the consumer's protections).
    pub fn of(problem: Problem, status: SellerStatus) -> Regime {
        match (problem, status) {
            (Problem::Scam, _) => Regime::NoMerchant,
            (_, SellerStatus::Private) => Regime::Civil,
            (_, SellerStatus::Professional | SellerStatus::Unknown) => Regime::Consumer,
        }
    }
}

/// What the person wants in the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Get the money back (refund, price reduction).
    #[default]
    Refund,
    /// Get what was bought: delivery, repair or replacement.
    Performance,
}

impl Goal {
    pub fn as_str(self) -> &'static str {
        match self {
            Goal::Refund => "refund",
            Goal::Performance => "performance",
        }
    }
    pub fn parse(text: &str) -> Option<Goal> {
        match text {
            "refund" => Some(Goal::Refund),
            "performance" => Some(Goal::Performance),
            _ => None,
        }
    }
}

/// Who chose the carrier: it decides who bears the risk of loss in transit (L216-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CarrierChoice {
    /// A delivery option offered by the merchant (the usual case).
    Merchant,
    /// A carrier the consumer found and chose outside the merchant's offer.
    Consumer,
}

impl CarrierChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            CarrierChoice::Merchant => "merchant",
            CarrierChoice::Consumer => "consumer",
        }
    }
    pub fn parse(text: &str) -> Option<CarrierChoice> {
        match text {
            "merchant" => Some(CarrierChoice::Merchant),
            "consumer" => Some(CarrierChoice::Consumer),
            _ => None,
        }
    }
}

/// What happened, as recorded in the dossier's journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ComplaintSent,
    FormalNoticeSent,
    FormalNoticeReceived,
    TerminationNotified,
    /// The merchant received the cancellation (avis de réception; same day for an e-mail or a form).
    TerminationReceived,
    WithdrawalNotified,
    /// The merchant received the withdrawal (avis de réception; same day for an e-mail or a form).
    WithdrawalReceived,
    GoodsReturned,
    Delivered,
    RepairRequested,
    /// The repaired good came back (the conformity guarantee is extended, L217-13).
    RepairDone,
    RefundReceived,
    MerchantReplied,
    MediationRequested,
    MediationEnded,
    CecRequested,
    ConciliationRequested,
    PaymentDisputeOpened,
    SignalconsoReported,
    DefectDiscovered,
    CourtFiled,
    /// The injonction de payer order came back from the court: it must be served in time.
    PaymentOrderReceived,
    /// The platform or the carrier shows « Livré » (a platform's protection window may run from it).
    MarkedDelivered,
    /// A claim opened with the platform (its buyer protection, its guarantee).
    PlatformClaimOpened,
    /// A complaint or a report made online for a scam (THESEE).
    ScamReported,
    /// A subscription's cancellation (résiliation) sent: by the site's function, an e-mail or a letter.
    CancellationSent,
    Resolved,
}

impl EventKind {
    pub const ALL: &'static [EventKind] = &[
        EventKind::ComplaintSent,
        EventKind::FormalNoticeSent,
        EventKind::FormalNoticeReceived,
        EventKind::TerminationNotified,
        EventKind::TerminationReceived,
        EventKind::WithdrawalNotified,
        EventKind::WithdrawalReceived,
        EventKind::GoodsReturned,
        EventKind::Delivered,
        EventKind::RepairRequested,
        EventKind::RepairDone,
        EventKind::RefundReceived,
        EventKind::MerchantReplied,
        EventKind::MediationRequested,
        EventKind::MediationEnded,
        EventKind::CecRequested,
        EventKind::ConciliationRequested,
        EventKind::PaymentDisputeOpened,
        EventKind::SignalconsoReported,
        EventKind::DefectDiscovered,
        EventKind::CourtFiled,
        EventKind::PaymentOrderReceived,
        EventKind::MarkedDelivered,
        EventKind::PlatformClaimOpened,
        EventKind::ScamReported,
        EventKind::CancellationSent,
        EventKind::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ComplaintSent => "complaint_sent",
            EventKind::FormalNoticeSent => "formal_notice_sent",
            EventKind::FormalNoticeReceived => "formal_notice_received",
            EventKind::TerminationNotified => "termination_notified",
            EventKind::TerminationReceived => "termination_received",
            EventKind::WithdrawalNotified => "withdrawal_notified",
            EventKind::WithdrawalReceived => "withdrawal_received",
            EventKind::GoodsReturned => "goods_returned",
            EventKind::Delivered => "delivered",
            EventKind::RepairRequested => "repair_requested",
            EventKind::RepairDone => "repair_done",
            EventKind::RefundReceived => "refund_received",
            EventKind::MerchantReplied => "merchant_replied",
            EventKind::MediationRequested => "mediation_requested",
            EventKind::MediationEnded => "mediation_ended",
            EventKind::CecRequested => "cec_requested",
            EventKind::ConciliationRequested => "conciliation_requested",
            EventKind::PaymentDisputeOpened => "payment_dispute_opened",
            EventKind::SignalconsoReported => "signalconso_reported",
            EventKind::DefectDiscovered => "defect_discovered",
            EventKind::CourtFiled => "court_filed",
            EventKind::PaymentOrderReceived => "payment_order_received",
            EventKind::MarkedDelivered => "marked_delivered",
            EventKind::PlatformClaimOpened => "platform_claim_opened",
            EventKind::ScamReported => "scam_reported",
            EventKind::CancellationSent => "cancellation_sent",
            EventKind::Resolved => "resolved",
        }
    }

    /// The event in words, as the journal and the dossier summary show it.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::ComplaintSent => "Réclamation envoyée",
            EventKind::FormalNoticeSent => "Mise en demeure envoyée",
            EventKind::FormalNoticeReceived => "Mise en demeure reçue par le vendeur",
            EventKind::TerminationNotified => "Annulation de la commande notifiée",
            EventKind::TerminationReceived => "Annulation reçue par le vendeur",
            EventKind::WithdrawalNotified => "Rétractation envoyée",
            EventKind::WithdrawalReceived => "Rétractation reçue par le vendeur",
            EventKind::GoodsReturned => "Article renvoyé",
            EventKind::Delivered => "Colis reçu",
            EventKind::RepairRequested => "Réparation ou remplacement demandé",
            EventKind::RepairDone => "Bien réparé rendu",
            EventKind::RefundReceived => "Remboursement reçu",
            EventKind::MerchantReplied => "Réponse du vendeur",
            EventKind::MediationRequested => "Médiateur saisi",
            EventKind::MediationEnded => "Médiation terminée",
            EventKind::CecRequested => "CEC France saisi",
            EventKind::ConciliationRequested => "Conciliateur saisi",
            EventKind::PaymentDisputeOpened => "Contestation de paiement ouverte",
            EventKind::SignalconsoReported => "Signalement SignalConso",
            EventKind::DefectDiscovered => "Défaut découvert",
            EventKind::CourtFiled => "Tribunal saisi",
            EventKind::PaymentOrderReceived => "Ordonnance d'injonction de payer reçue",
            EventKind::MarkedDelivered => "Statut « Livré » affiché",
            EventKind::PlatformClaimOpened => "Réclamation ouverte auprès de la plateforme",
            EventKind::ScamReported => "Plainte ou signalement en ligne (THESEE)",
            EventKind::CancellationSent => "Résiliation envoyée",
            EventKind::Resolved => "Litige réglé",
        }
    }

    pub fn parse(text: &str) -> Option<EventKind> {
        EventKind::ALL.iter().copied().find(|k| k.as_str() == text)
    }
}

/// One recorded event, as `assess` reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EventFact {
    pub kind: EventKind,
    pub date: NaiveDate,
    /// For `formal_notice_sent`: the days granted to the merchant (default 8).
    #[serde(default)]
    pub deadline_days: Option<u32>,
    /// For `refund_received`: the amount refunded, in cents (default: all of it).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
}

/// Everything `assess` needs: the facts of a dossier and its events. The merchant and the order
/// are the dossier's own types: a fact is declared once, for the form, the store and the rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub problem: Problem,
    #[serde(default)]
    pub goal: Goal,
    /// The seller (its `status` decides the regime).
    pub merchant: Merchant,
    /// The platform, when the purchase was made on one that is not the seller.
    #[serde(default)]
    pub platform: Option<Platform>,
    pub order: Order,
    #[serde(default)]
    pub carrier_chosen_by: Option<CarrierChoice>,
    #[serde(default)]
    pub holiday_region: HolidayRegion,
    #[serde(default)]
    pub events: Vec<EventFact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// The platform's own buyer protection (contractual), first when there is a platform.
    Platform,
    /// Withdrawing from a service or digital content within its period (L221-18, from the contract).
    Withdrawal,
    /// Cancelling a subscription (résiliation: L215-1, L215-1-1).
    Cancellation,
    Complaint,
    FormalNotice,
    Termination,
    PaymentDispute,
    /// A complaint or a report for a scam (THESEE), when there is no merchant.
    ScamReport,
    /// A report to the DGCCRF (SignalConso) of a site that deceives consumers.
    Report,
    /// If the card is used again: Perceval (card still held).
    CardReuse,
    Mediation,
    Cec,
    Conciliation,
    Court,
    Resolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Done,
    Current,
    Upcoming,
    NotApplicable,
}

/// An article (or official page) that a rule rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LegalRef {
    /// Stable id of the rule in the rules table (`rules::law`). The four texts are the table's own
    /// (borrowed, never copied: an assessment cites dozens of rules, and the list assesses a page).
    pub rule: &'static str,
    /// "Code de la consommation, art. L216-6"
    pub citation: &'static str,
    /// What it says, in one plain sentence.
    pub summary: &'static str,
    pub url: &'static str,
    /// False when the domain reference marks the fact as unverified: the UI says "à vérifier".
    pub verified: bool,
}

/// An official website the step opens (from Rust, never a URL chosen by the page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteRef {
    pub site: super::sites::OfficialSite,
    pub label: String,
    pub url: String,
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Step {
    pub id: StepId,
    pub status: StepStatus,
    /// Why it has this status (always said for `not_applicable`).
    pub reason: String,
    pub title: String,
    /// Runs beside the main ladder (payment remedies) rather than in its order.
    pub parallel: bool,
    pub law: String,
    pub what_to_do: String,
    pub to_whom: String,
    pub how: String,
    pub cost: String,
    /// The deadline (by id) that matters for this step, if any.
    pub deadline: Option<String>,
    pub legal: Vec<LegalRef>,
    pub sites: Vec<SiteRef>,
    /// The events that record this step being done.
    pub record: Vec<EventKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Deadline {
    pub id: String,
    pub date: NaiveDate,
    /// The article it comes from, e.g. "L216-1".
    pub basis: String,
    /// Strictly before today.
    pub passed: bool,
    pub label: String,
    /// Counted from a sending date while the receipt is not recorded: the real date can only be
    /// later (« au plus tôt le … »); recording the avis de réception fixes it.
    pub earliest: bool,
    pub legal: LegalRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Penalty {
    /// "L241-4" or "L242-4"
    pub basis: String,
    pub due_date: NaiveDate,
    /// The refund date, or null while not refunded (then `today` counts).
    pub refunded_on: Option<NaiveDate>,
    #[ts(type = "number")]
    pub days_late: i64,
    /// 0 while only the legal interest applies.
    pub rate_percent: u32,
    pub legal_interest: bool,
    /// Legal interest rate used, in hundredths of a percent (667 = 6,67 %), when it applies.
    pub legal_interest_rate_bp: Option<u32>,
    #[ts(type = "number")]
    pub principal_cents: i64,
    #[ts(type = "number")]
    pub increase_cents: i64,
    #[ts(type = "number")]
    pub total_due_cents: i64,
    /// How the figure is reached, in French.
    pub explanation: String,
    pub verified: bool,
    pub legal: LegalRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CourtRoute {
    InjonctionDePayer,
    InjonctionDeFaire,
    EuropeanSmallClaims,
    Requete,
    /// Ordinary claim over 5 000 € and up to 10 000 €: summons by a commissaire de justice, no lawyer needed.
    Assignation,
    LawyerRequired,
    /// A sum owed by a merchant in another EU country (not Denmark), over 5 000 €: Reg. 1896/2006.
    EuropeanOrderForPayment,
    /// A merchant outside the EU: no simple route; advice first.
    ForeignMerchant,
    /// A merchant in Denmark: in the EU, but outside Reg. 861/2007 and 1896/2006.
    Denmark,
    /// A refund for a non-conforming good is owed only once the sale is résolue (L217-14).
    ResolutionFirst,
    /// No one identified to summon (a fake shop): the criminal complaint is the way.
    NoDefendant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Court {
    pub route: CourtRoute,
    /// Art. 750-1 CPC: a conciliation, mediation or participatory procedure must come first.
    pub pre_action_required: bool,
    /// A conciliation or mediation has been asked for.
    pub pre_action_done: bool,
    pub lawyer_required: bool,
    pub title: String,
    pub explanation: String,
    /// The official form, e.g. "Cerfa 12948*06".
    pub form: Option<String>,
    /// The 50 € contribution pour l'aide juridique, in cents (0 when exempt).
    #[ts(type = "number")]
    pub contribution_cents: i64,
    pub contribution_verified: bool,
    pub where_to_file: String,
    pub legal: Vec<LegalRef>,
    pub sites: Vec<SiteRef>,
}

/// A point the person should know that is not a step (e.g. who bears the transport risk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Note {
    pub text: String,
    pub legal: Vec<LegalRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Assessment {
    pub today: NaiveDate,
    pub problem: Problem,
    /// Which body of law applies (from the seller's status).
    pub regime: Regime,
    pub seller_status: SellerStatus,
    pub current_step: StepId,
    pub steps: Vec<Step>,
    pub deadlines: Vec<Deadline>,
    /// The first deadline that is not passed, if any.
    pub next_deadline: Option<Deadline>,
    pub penalty: Option<Penalty>,
    pub court: Court,
    pub notes: Vec<Note>,
}
