//! Settings kept in the database (so that a backup carries them): the sender identity printed on
//! letters, holiday region, reminders, the largest piece accepted.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::NaiveDate;

use super::Store;
use crate::dossier::{DossierPage, DossierQuery};
use crate::error::CoreResult;
use crate::letters::SenderIdentity;
use crate::rules::calendar::HolidayRegion;

/// What the settings page shows and saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Who writes the letters: name, postal address, e-mail, phone.
    #[serde(default)]
    pub sender: SenderIdentity,
    /// Desktop notifications when a deadline falls due (opt-in).
    pub reminders_enabled: bool,
    /// Where the person lives, for the public holidays that extend a period.
    pub holiday_region: HolidayRegion,
    /// The largest file accepted as a piece, in megabytes (1 000 = 1 GB by default).
    pub max_piece_mb: u32,
    /// The first-run welcome was seen (or skipped).
    #[serde(default)]
    pub welcome_done: bool,
}

/// Bounds for `max_piece_mb`: at least 1 MB, at most 100 GB.
pub const MAX_PIECE_MB_RANGE: (u32, u32) = (1, 100_000);

const HOLIDAY_REGION: &str = "holiday_region";
const REMINDERS: &str = "reminders_enabled";
const MAX_PIECE_MB: &str = "max_piece_mb";
const SENDER: &str = "sender";
const WELCOME_DONE: &str = "welcome_done";

/// The first screen's data, asked for before the window's app is even mounted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartScreen {
    /// A first run: show the welcome instead of the list.
    pub welcome_needed: bool,
    /// The list's first page.
    pub page: DossierPage,
}

impl Store {
    fn setting(&self, key: &str) -> CoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn set_setting(&mut self, key: &str, value: &str) -> CoreResult<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn holiday_region(&self) -> CoreResult<HolidayRegion> {
        Ok(self
            .setting(HOLIDAY_REGION)?
            .as_deref()
            .and_then(HolidayRegion::parse)
            .unwrap_or_default())
    }

    pub fn set_holiday_region(&mut self, region: HolidayRegion) -> CoreResult<()> {
        self.set_setting(HOLIDAY_REGION, region.as_str())
    }

    /// Everything the first screen needs, in one call: the list's first page and whether to welcome
    /// (a first run: the welcome never seen and no dossier yet). Counts, never an assessment of all.
    pub fn start_screen(&self, query: &DossierQuery, today: NaiveDate) -> CoreResult<StartScreen> {
        let page = self.list_page(query, today)?;
        let welcome_needed =
            page.total_all == 0 && self.setting(WELCOME_DONE)?.as_deref() != Some("1");
        Ok(StartScreen {
            welcome_needed,
            page,
        })
    }

    pub fn settings(&self) -> CoreResult<Settings> {
        Ok(Settings {
            sender: self.sender()?,
            reminders_enabled: self.reminders_enabled()?,
            holiday_region: self.holiday_region()?,
            max_piece_mb: self.max_piece_mb()?,
            welcome_done: self.setting(WELCOME_DONE)?.as_deref() == Some("1"),
        })
    }

    pub fn max_piece_mb(&self) -> CoreResult<u32> {
        Ok(self
            .setting(MAX_PIECE_MB)?
            .and_then(|v| v.parse().ok())
            .unwrap_or((crate::evidence::DEFAULT_LIMIT_BYTES / 1_000_000) as u32))
    }

    /// The size limit for new pieces, in bytes.
    pub fn piece_limit_bytes(&self) -> CoreResult<u64> {
        Ok(u64::from(self.max_piece_mb()?) * 1_000_000)
    }

    /// The identity printed on letters (empty fields until the person fills them in).
    pub fn sender(&self) -> CoreResult<SenderIdentity> {
        Ok(self
            .setting(SENDER)?
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    /// Saves the sender identity alone (the CLI's `sender` command).
    pub fn save_sender(&mut self, sender: &SenderIdentity) -> CoreResult<SenderIdentity> {
        let mut settings = self.settings()?;
        settings.sender = sender.clone();
        Ok(self.save_settings(&settings)?.sender)
    }

    /// Saves every setting in one transaction, or none when one is not valid.
    pub fn save_settings(&mut self, settings: &Settings) -> CoreResult<Settings> {
        let (low, high) = MAX_PIECE_MB_RANGE;
        let mut errors = match settings.sender.normalized() {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        if !(low..=high).contains(&settings.max_piece_mb) {
            errors.push(crate::error::FieldError::new(
                "max_piece_mb",
                format!(
                    "La taille maximale d'une pièce doit être comprise entre {low} et {high} Mo."
                ),
            ));
        }
        let sender = match settings.sender.normalized() {
            Ok(sender) if errors.is_empty() => sender,
            _ => return Err(crate::error::CoreError::Validation(errors)),
        };
        let sender = serde_json::to_string(&sender)
            .map_err(|e| crate::error::CoreError::InvalidInput(e.to_string()))?;
        let mb = settings.max_piece_mb.to_string();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (key, value) in [
            (
                REMINDERS,
                if settings.reminders_enabled { "1" } else { "0" },
            ),
            (HOLIDAY_REGION, settings.holiday_region.as_str()),
            (MAX_PIECE_MB, mb.as_str()),
            (SENDER, sender.as_str()),
            (WELCOME_DONE, if settings.welcome_done { "1" } else { "0" }),
        ] {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        tx.commit()?;
        self.settings()
    }

    /// Desktop reminders are opt-in: off until the person turns them on.
    pub fn reminders_enabled(&self) -> CoreResult<bool> {
        Ok(self.setting(REMINDERS)?.as_deref() == Some("1"))
    }

    pub fn set_reminders_enabled(&mut self, on: bool) -> CoreResult<()> {
        self.set_setting(REMINDERS, if on { "1" } else { "0" })
    }
}
