//! The dossier: one purchase that went wrong, with the merchant, the order and the problem.
//! These types are the JSON shape shared by the app, the CLI and the generated TypeScript.

pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use validate::{normalize_and_validate, validate_outcome};

use crate::rules::model::{CarrierChoice, Goal, StepId};

/// What went wrong. The names are part of the public JSON interface (docs/cli.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    NonDelivery,
    NonConforming,
    WithdrawalRefund,
    HiddenDefect,
    UnauthorizedPayment,
    /// A fake shop or a seller who vanished: no one to write to (no identity, no reachable address).
    Scam,
    /// A subscription or a service bought online (streaming, gym, software, a « free trial »): its
    /// `order.date` is the day the contract was concluded.
    Service,
    /// Digital content (a game, an app, an e-book, a download) that does not work.
    DigitalContent,
    Other,
}

impl Problem {
    /// A service or digital content, not goods: no delivery, no parcel; the withdrawal period runs
    /// from the contract (L221-18) and a subscription can be cancelled (L215-1-1).
    pub fn is_service(self) -> bool {
        matches!(self, Problem::Service | Problem::DigitalContent)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Card,
    Paypal,
    Transfer,
    /// Paiement fractionné (Klarna, Alma, Oney, Scalapay…): a lender pays the seller.
    Bnpl,
    Other,
}

/// Who the seller is: it decides the law (Code de la consommation for a professional, Code civil
/// only between private persons). « Je ne sais pas » is an answer of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SellerStatus {
    #[default]
    Professional,
    Private,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Resolved,
    Abandoned,
}

macro_rules! text_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];
            /// The value stored in SQLite (same as the JSON name).
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $text),+ }
            }
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(<$ty>::$variant),)+ _ => None }
            }
        }
    };
}

text_enum!(Problem {
    NonDelivery => "non_delivery",
    NonConforming => "non_conforming",
    WithdrawalRefund => "withdrawal_refund",
    HiddenDefect => "hidden_defect",
    UnauthorizedPayment => "unauthorized_payment",
    Scam => "scam",
    Service => "service",
    DigitalContent => "digital_content",
    Other => "other",
});
text_enum!(PaymentMethod {
    Card => "card",
    Paypal => "paypal",
    Transfer => "transfer",
    Bnpl => "bnpl",
    Other => "other",
});
text_enum!(SellerStatus {
    Professional => "professional",
    Private => "private",
    Unknown => "unknown",
});
text_enum!(Status {
    Open => "open",
    Resolved => "resolved",
    Abandoned => "abandoned",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Merchant {
    /// Required for a dossier (the form checks it); the rules do not read it.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
    /// ISO 3166-1 alpha-2, upper case ("FR").
    pub country: String,
    /// SIREN (9 digits) or SIRET (14 digits), when known.
    #[serde(default)]
    pub siren_siret: Option<String>,
    /// Adheres to the FEVAD e-commerce mediator (null: not known).
    #[serde(default)]
    pub fevad_mediator: Option<bool>,
    /// The consumer mediator the merchant names in its terms, when known.
    #[serde(default)]
    pub mediator_name: Option<String>,
    /// A professional (the default), a private person, or not known yet.
    #[serde(default)]
    pub status: SellerStatus,
}

/// The platform the purchase was made on, when it is not the seller itself (a marketplace: Amazon,
/// Cdiscount, Vinted, Leboncoin…). It is a party of its own: the seller sold, the platform hosts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub name: String,
    /// ISO 3166-1 alpha-2 of the entity that runs it (from the directory when chosen there).
    pub country: String,
    /// Its entry in Recours' directory of platforms (`platforms::directory()`), when chosen there.
    #[serde(default)]
    pub directory_id: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub siren_siret: Option<String>,
    #[serde(default)]
    pub mediator_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Order {
    #[serde(default)]
    pub reference: Option<String>,
    pub date: NaiveDate,
    /// Amount paid, in euro cents (4990 = 49,90 €).
    #[ts(type = "number")]
    pub amount_cents: i64,
    pub payment_method: PaymentMethod,
    #[serde(default)]
    pub promised_delivery_date: Option<NaiveDate>,
    #[serde(default)]
    pub delivered_date: Option<NaiveDate>,
    #[serde(default)]
    pub used_goods: bool,
    /// The merchant told of the right of withdrawal (if not, the period is 12 months longer);
    /// null: the person does not know. Absent from older inputs: true, as it then meant.
    #[serde(default = "yes")]
    pub withdrawal_info_given: Option<bool>,
    /// For a payment made without consent: was the card lost or stolen (L133-19)? null: not said.
    #[serde(default)]
    pub card_lost_or_stolen: Option<bool>,
    /// For a paiement fractionné: the lender (« Klarna », « Alma », « Oney »…).
    #[serde(default)]
    pub lender: Option<String>,
    /// For a service or digital content: its terms (null for goods).
    #[serde(default)]
    pub service: Option<ServiceTerms>,
}

/// What a service, a subscription or digital content adds to the order. Every answer may be « je
/// ne sais pas » (null): the rules then say what each answer would change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ServiceTerms {
    /// A subscription (renewed or paid each period), not a one-off service or purchase.
    #[serde(default)]
    pub subscription: bool,
    /// The day the service began, or the content was supplied.
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    /// The person asked for the service to start before the end of the withdrawal period (L221-25).
    #[serde(default)]
    pub early_start_requested: Option<bool>,
    /// Digital content: the person gave express consent to its supply during the period and
    /// acknowledged losing the right of withdrawal, confirmed on a durable medium (L221-28 13°).
    #[serde(default)]
    pub withdrawal_waived: Option<bool>,
    /// A subscription renewed by tacit renewal: the day it was renewed.
    #[serde(default)]
    pub renewal_date: Option<NaiveDate>,
    /// The notice of L215-1 (3 months to 1 month before the last day to refuse the renewal) came.
    #[serde(default)]
    pub renewal_notice_received: Option<bool>,
    /// The site offers the « résilier votre contrat » function (L215-1-1); false: missing or broken.
    #[serde(default)]
    pub online_cancellation: Option<bool>,
}

fn yes() -> Option<bool> {
    Some(true)
}

impl Order {
    /// The person says the merchant did not tell of the right of withdrawal (L221-20). Not knowing
    /// is not asserted: the period then ends at its earliest possible day, and a note says why.
    pub fn withdrawal_info_missing(&self) -> bool {
        self.withdrawal_info_given == Some(false)
    }
}

/// What a person types to create or edit a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DossierInput {
    pub title: String,
    pub problem: Problem,
    #[serde(default)]
    pub description: String,
    /// Money back (default) or what was bought.
    #[serde(default)]
    pub goal: Goal,
    /// Who chose the carrier (null: not asked yet).
    #[serde(default)]
    pub carrier_chosen_by: Option<CarrierChoice>,
    /// The seller.
    pub merchant: Merchant,
    /// The platform, when the purchase was made on one that is not the seller.
    #[serde(default)]
    pub platform: Option<Platform>,
    pub order: Order,
}

/// A stored dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dossier {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub problem: Problem,
    pub description: String,
    pub goal: Goal,
    pub carrier_chosen_by: Option<CarrierChoice>,
    pub merchant: Merchant,
    pub platform: Option<Platform>,
    pub order: Order,
    pub status: Status,
    pub outcome_note: Option<String>,
    /// The day it was closed (resolved or abandoned), as the person's calendar gave it.
    pub closed_on: Option<NaiveDate>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC: the last activity on the dossier.
    pub updated_at: String,
}

/// One row of the dossier list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub problem: Problem,
    pub merchant_name: String,
    pub order_reference: Option<String>,
    pub order_date: NaiveDate,
    #[ts(type = "number")]
    pub amount_cents: i64,
    pub status: Status,
    pub updated_at: String,
    /// Where the dossier stands (null when it cannot be assessed).
    pub current_step: Option<StepId>,
    /// The next legal deadline that is not passed.
    pub next_deadline: Option<DeadlineBrief>,
    /// With a search: where it matched inside the dossier (a piece, a note, a letter), if not in
    /// the row's own title, seller or reference.
    pub search_hit: Option<crate::store::search::SearchHit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineBrief {
    pub id: String,
    pub date: NaiveDate,
    pub label: String,
}

/// Search and filter for the dossier list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DossierQuery {
    /// Words looked for in the title, the seller's name and the order reference, and inside the
    /// pieces, the journal's notes and the letters (accents and case ignored).
    #[serde(default)]
    pub search: Option<String>,
    #[serde(default)]
    pub status: Option<Status>,
    /// At most this many rows (all when null).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A page of the dossier list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierPage {
    pub dossiers: Vec<DossierSummary>,
    /// Dossiers matching the search and status.
    #[ts(type = "number")]
    pub total_matching: i64,
    /// Dossiers in all.
    #[ts(type = "number")]
    pub total_all: i64,
}

/// Closing (or reopening) a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: Status,
    #[serde(default)]
    pub outcome_note: Option<String>,
}

impl From<&Dossier> for DossierInput {
    fn from(d: &Dossier) -> Self {
        DossierInput {
            title: d.title.clone(),
            problem: d.problem,
            description: d.description.clone(),
            goal: d.goal,
            carrier_chosen_by: d.carrier_chosen_by,
            merchant: d.merchant.clone(),
            platform: d.platform.clone(),
            order: d.order.clone(),
        }
    }
}

/// The facts of a dossier as one JSON value in its row: the seller, the platform and the order.
/// A new fact is a new field of these types, and nothing else (no column, no SQL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredFacts {
    pub merchant: Merchant,
    #[serde(default)]
    pub platform: Option<Platform>,
    pub order: Order,
}
