//! Settings kept in the database (so that a backup carries them): holiday region, reminders.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::CoreResult;
use crate::rules::calendar::HolidayRegion;

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
        let value = match region {
            HolidayRegion::Metropole => "metropole",
            HolidayRegion::AlsaceMoselle => "alsace_moselle",
        };
        self.set_setting(HOLIDAY_REGION, value)
    }

    /// Desktop reminders are opt-in: off until the person turns them on.
    pub fn reminders_enabled(&self) -> CoreResult<bool> {
        Ok(self.setting(REMINDERS)?.as_deref() == Some("1"))
    }

    pub fn set_reminders_enabled(&mut self, on: bool) -> CoreResult<()> {
        self.set_setting(REMINDERS, if on { "1" } else { "0" })
    }
}
