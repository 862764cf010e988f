//! The events journal and the assessment of stored dossiers.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;
use rusqlite::{params, types::Value, OptionalExtension, Row};

use super::dossiers::{
    activity_stamp, dossier_from_row, parse_column, touch_dossier, DOSSIER_COLUMNS,
};
use super::Store;
use crate::dossier::{Dossier, Status};
use crate::error::{CoreError, CoreResult};
use crate::events::{self, Event, EventInput};
use crate::rules::{
    self,
    calendar::HolidayRegion,
    model::{Assessment, EventFact, EventKind, Facts},
};

pub(super) const EVENT_COLUMNS: &str =
    "id, dossier_id, kind, date, note, amount_cents, deadline_days, tracking_number, created_at";

pub(super) fn event_from_row(row: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: row.get(0)?,
        dossier_id: row.get(1)?,
        kind: parse_column(row, 2, EventKind::parse)?,
        date: row.get(3)?,
        note: row.get(4)?,
        amount_cents: row.get(5)?,
        deadline_days: row.get(6)?,
        tracking_number: row.get(7)?,
        created_at: row.get(8)?,
    })
}

impl Store {
    pub fn list_events(&self, dossier_id: i64) -> CoreResult<Vec<Event>> {
        self.get_dossier(dossier_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM event WHERE dossier_id = ?1 ORDER BY date, id"
        ))?;
        let rows = stmt.query_map([dossier_id], event_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_event(&self, id: i64) -> CoreResult<Event> {
        self.conn
            .query_row(
                &format!("SELECT {EVENT_COLUMNS} FROM event WHERE id = ?1"),
                [id],
                event_from_row,
            )
            .optional()?
            .ok_or(CoreError::EventNotFound(id))
    }

    /// Records an event; the dossier's last activity moves to now.
    pub fn add_event(
        &mut self,
        dossier_id: i64,
        input: &EventInput,
        today: NaiveDate,
    ) -> CoreResult<Event> {
        let dossier = self.get_dossier(dossier_id)?;
        let e = events::validate(input, dossier.order.date, today)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute(
            "INSERT INTO event (dossier_id, kind, date, note, amount_cents, deadline_days, tracking_number,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                dossier_id,
                e.kind.as_str(),
                e.date,
                e.note,
                e.amount_cents,
                e.deadline_days,
                e.tracking_number,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        touch_dossier(&tx, dossier_id, &now)?;
        tx.commit()?;
        self.get_event(id)
    }

    /// Corrects an event (its kind, date, note, amount…).
    pub fn update_event(
        &mut self,
        id: i64,
        input: &EventInput,
        today: NaiveDate,
    ) -> CoreResult<Event> {
        let old = self.get_event(id)?;
        let dossier = self.get_dossier(old.dossier_id)?;
        let e = events::validate(input, dossier.order.date, today)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute(
            "UPDATE event SET kind = ?2, date = ?3, note = ?4, amount_cents = ?5, deadline_days = ?6,
                tracking_number = ?7, updated_at = ?8
             WHERE id = ?1",
            params![
                id,
                e.kind.as_str(),
                e.date,
                e.note,
                e.amount_cents,
                e.deadline_days,
                e.tracking_number,
                now
            ],
        )?;
        touch_dossier(&tx, old.dossier_id, &now)?;
        tx.commit()?;
        self.get_event(id)
    }

    pub fn delete_event(&mut self, id: i64) -> CoreResult<()> {
        let old = self.get_event(id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute("DELETE FROM event WHERE id = ?1", [id])?;
        touch_dossier(&tx, old.dossier_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Where a stored dossier stands on `today`.
    pub fn assess_dossier(&self, id: i64, today: NaiveDate) -> CoreResult<Assessment> {
        let dossier = self.get_dossier(id)?;
        let events = self.list_events(id)?;
        rules::assess(&facts_of(&dossier, &events, self.holiday_region()?), today)
    }

    /// Every dossier's assessment, by id (for the reminders). Dossiers that cannot be assessed are left out.
    pub(super) fn assess_all(&self, today: NaiveDate) -> CoreResult<HashMap<i64, Assessment>> {
        self.assess_where(None, today)
    }

    /// These dossiers' assessments, by id (a page of the list): two queries for the page, not two
    /// per dossier, prepared once for every page.
    pub(super) fn assess_ids(
        &self,
        ids: &[i64],
        today: NaiveDate,
    ) -> CoreResult<HashMap<i64, Assessment>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        self.assess_where(Some(super::search::id_array(ids)), today)
    }

    /// `ids`: these dossiers (as a `rarray` value), or every dossier.
    fn assess_where(
        &self,
        ids: Option<Rc<Vec<Value>>>,
        today: NaiveDate,
    ) -> CoreResult<HashMap<i64, Assessment>> {
        let (event_filter, dossier_filter) = match ids {
            Some(_) => ("WHERE dossier_id IN rarray(?1)", "WHERE id IN rarray(?1)"),
            None => ("", ""),
        };
        // The same one parameter (or none) for both queries.
        let params: Vec<Rc<Vec<Value>>> = ids.into_iter().collect();
        let mut events: HashMap<i64, Vec<Event>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM event {event_filter} ORDER BY date, id"
        ))?;
        for e in stmt.query_map(rusqlite::params_from_iter(params.iter()), event_from_row)? {
            let e = e?;
            events.entry(e.dossier_id).or_default().push(e);
        }
        let region = self.holiday_region()?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOSSIER_COLUMNS} FROM dossier {dossier_filter}"
        ))?;
        let mut out = HashMap::new();
        for d in stmt.query_map(rusqlite::params_from_iter(params.iter()), dossier_from_row)? {
            let d = d?;
            let list = events.remove(&d.id).unwrap_or_default();
            if let Ok(a) = rules::assess(&facts_of(&d, &list, region), today) {
                out.insert(d.id, a);
            }
        }
        Ok(out)
    }
}

/// The facts the rules engine reads from a stored dossier and its events. A dossier closed as
/// resolved counts as a `resolved` event on its last activity.
pub fn facts_of(d: &Dossier, events: &[Event], region: HolidayRegion) -> Facts {
    let mut list: Vec<EventFact> = events.iter().map(EventFact::from).collect();
    if d.status == Status::Resolved && !list.iter().any(|e| e.kind == EventKind::Resolved) {
        let day = d.closed_on.unwrap_or(d.order.date).max(d.order.date);
        list.push(EventFact {
            kind: EventKind::Resolved,
            date: day,
            deadline_days: None,
            amount_cents: None,
        });
    }
    Facts {
        problem: d.problem,
        goal: d.goal,
        merchant: d.merchant.clone(),
        platform: d.platform.clone(),
        order: d.order.clone(),
        carrier_chosen_by: d.carrier_chosen_by,
        holiday_region: region,
        events: list,
    }
}
