//! Settings kept in the database (so that a backup carries them): holiday region, reminders.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::error::CoreResult;
use crate::rules::calendar::HolidayRegion;

/// What the settings page shows and saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Desktop notifications when a deadline falls due (opt-in).
    pub reminders_enabled: bool,
    /// Where the person lives, for the public holidays that extend a period.
    pub holiday_region: HolidayRegion,
}

const HOLIDAY_REGION: &str = "holiday_region";
const REMINDERS: &str = "reminders_enabled";

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
        Ok(match self.setting(HOLIDAY_REGION)?.as_deref() {
            Some("alsace_moselle") => HolidayRegion::AlsaceMoselle,
            _ => HolidayRegion::Metropole,
        })
    }

    pub fn set_holiday_region(&mut self, region: HolidayRegion) -> CoreResult<()> {
        self.set_setting(HOLIDAY_REGION, region_text(region))
    }

    pub fn settings(&self) -> CoreResult<Settings> {
        Ok(Settings {
            reminders_enabled: self.reminders_enabled()?,
            holiday_region: self.holiday_region()?,
        })
    }

    /// Saves both settings in one transaction.
    pub fn save_settings(&mut self, settings: &Settings) -> CoreResult<Settings> {
        let tx = self.conn.transaction()?;
        for (key, value) in [
            (
                REMINDERS,
                if settings.reminders_enabled { "1" } else { "0" },
            ),
            (HOLIDAY_REGION, region_text(settings.holiday_region)),
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

fn region_text(region: HolidayRegion) -> &'static str {
    match region {
        HolidayRegion::Metropole => "metropole",
        HolidayRegion::AlsaceMoselle => "alsace_moselle",
    }
}
