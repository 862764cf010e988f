//! The dossier's journal: what happened and when (letters sent, replies, refunds…). The rules engine
//! recomputes everything from these events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dossier::validate::{fr_date, MAX_LONG};
use crate::error::{CoreError, CoreResult, FieldError};
use crate::rules::model::{EventFact, EventKind};
use crate::rules::MAX_NOTICE_DAYS;

/// What a person records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    pub kind: EventKind,
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
    /// For a refund: the amount received, in cents.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
    /// For a formal notice: the days granted (8 when left empty).
    #[serde(default)]
    pub deadline_days: Option<u32>,
    /// For a registered letter: its 13-character number (spaces are ignored).
    #[serde(default)]
    pub tracking_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub dossier_id: i64,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub note: String,
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
    pub deadline_days: Option<u32>,
    pub tracking_number: Option<String>,
    pub created_at: String,
}

impl From<&Event> for EventFact {
    fn from(e: &Event) -> Self {
        EventFact {
            kind: e.kind,
            date: e.date,
            deadline_days: e.deadline_days,
            amount_cents: e.amount_cents,
        }
    }
}

/// The kinds that are a letter sent by registered mail, which may carry its number.
pub fn is_letter(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::ComplaintSent
            | EventKind::FormalNoticeSent
            | EventKind::TerminationNotified
            | EventKind::WithdrawalNotified
            | EventKind::GoodsReturned
    )
}

/// A registered-letter number: 13 letters and digits once spaces are removed (no prefix check:
/// no authoritative list of prefixes exists). Returns it upper-cased without spaces.
pub fn normalize_tracking_number(text: &str) -> Option<String> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    (clean.len() == 13 && clean.chars().all(|c| c.is_ascii_alphanumeric())).then_some(clean)
}

/// Checks an event against the dossier's order date and today; returns it normalized.
pub fn validate(
    input: &EventInput,
    order_date: NaiveDate,
    today: NaiveDate,
) -> CoreResult<EventInput> {
    let mut e = input.clone();
    e.note = e.note.trim().to_owned();
    e.tracking_number = e
        .tracking_number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| errors.push(FieldError::new(field, message));
    if e.date > today {
        err(
            "date",
            "Cette date est dans le futur : notez les événements une fois qu'ils ont eu lieu."
                .into(),
        );
    } else if e.date < order_date {
        err(
            "date",
            format!(
                "Cette date est avant la commande ({}).",
                fr_date(order_date)
            ),
        );
    }
    if e.note.chars().count() > MAX_LONG {
        err("note", format!("La note dépasse {MAX_LONG} caractères."));
    }
    if let Some(amount) = e.amount_cents {
        if amount < 0 {
            err(
                "amount_cents",
                "Un montant ne peut pas être négatif. Exemple : 49,90".into(),
            );
        }
    }
    if let Some(days) = e.deadline_days {
        if e.kind != EventKind::FormalNoticeSent {
            e.deadline_days = None;
        } else if days == 0 || days > MAX_NOTICE_DAYS {
            err(
                "deadline_days",
                format!("Le délai accordé doit être compris entre 1 et {MAX_NOTICE_DAYS} jours (8 en général)."),
            );
        }
    }
    if let Some(number) = e.tracking_number.clone() {
        if !is_letter(e.kind) {
            e.tracking_number = None;
        } else {
            match normalize_tracking_number(&number) {
                Some(clean) => e.tracking_number = Some(clean),
                None => err(
                    "tracking_number",
                    "Le numéro de lettre recommandée compte 13 lettres et chiffres (les espaces ne comptent pas). Exemple : 1A 123 456 7890 1".into(),
                ),
            }
        }
    }
    if e.kind != EventKind::RefundReceived && e.kind != EventKind::MerchantReplied {
        // Only a refund (or an offer in a reply) carries an amount.
        e.amount_cents = e.amount_cents.filter(|_| false);
    }
    if errors.is_empty() {
        Ok(e)
    } else {
        Err(CoreError::Validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_numbers() {
        assert_eq!(
            normalize_tracking_number("1A 123 456 7890 1").as_deref(),
            Some("1A12345678901")
        );
        assert_eq!(
            normalize_tracking_number("2c12345678901").as_deref(),
            Some("2C12345678901")
        );
        assert_eq!(normalize_tracking_number("1A 123"), None);
        assert_eq!(normalize_tracking_number("1A-123-456-789"), None);
    }
}
