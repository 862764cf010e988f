//! Dossier rows: create, read, list, edit, close, delete. Every write is validated first and runs
//! in one transaction; a rejected write leaves the database exactly as it was.

use chrono::{DateTime, NaiveDate, SubsecRound, TimeDelta, Utc};
use rusqlite::{params, OptionalExtension, Row};

use rusqlite::types::Value;

use super::search::{id_array, Found};
use super::{timestamp, Store};
use crate::dossier::{
    normalize_and_validate, validate_outcome, DeadlineBrief, Dossier, DossierInput, DossierPage,
    DossierQuery, DossierSummary, Problem, Status, StatusChange, StoredFacts,
};
use crate::error::{CoreError, CoreResult};
use crate::rules::model::{CarrierChoice, Goal};

/// The query's search text, if it has one.
fn search_text(query: &DossierQuery) -> Option<&str> {
    query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Found dossiers at most this many are put in order by reading their rows; more, by walking the
/// activity index (already in order) until the page is full, which reads no row it does not show
/// (`walk_found`).
const FEW_FOUND: usize = 256;

/// The list's status filter and its parameter (a status alone reads the `dossier_by_status` index).
fn status_filter(query: &DossierQuery) -> (&'static str, Vec<Value>) {
    match query.status {
        None => ("", Vec::new()),
        Some(s) => (
            "WHERE status = ?1",
            vec![Value::Text(s.as_str().to_owned())],
        ),
    }
}

const SUMMARY_COLUMNS: &str = "id, title, problem, merchant_name, order_reference, order_date, \
    amount_cents, status, updated_at";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<DossierSummary> {
    Ok(DossierSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        problem: parse_column(row, 2, Problem::parse)?,
        merchant_name: row.get(3)?,
        order_reference: row.get(4)?,
        order_date: row.get(5)?,
        amount_cents: row.get(6)?,
        status: parse_column(row, 7, Status::parse)?,
        updated_at: row.get(8)?,
        current_step: None,
        next_deadline: None,
        search_hit: None,
    })
}

pub(super) const DOSSIER_COLUMNS: &str =
    "id, title, problem, description, goal, carrier_chosen_by, \
    facts, status, outcome_note, closed_on, created_at, updated_at";

/// The dossier's facts as the JSON its row keeps.
fn facts_json(d: &DossierInput) -> CoreResult<String> {
    serde_json::to_string(&StoredFacts {
        merchant: d.merchant.clone(),
        platform: d.platform.clone(),
        order: d.order.clone(),
    })
    .map_err(|e| CoreError::Database(e.to_string()))
}

impl Store {
    pub fn create_dossier(
        &mut self,
        input: &DossierInput,
        today: NaiveDate,
    ) -> CoreResult<Dossier> {
        let d = normalize_and_validate(input, today)?;
        let facts = facts_json(&d)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute(
            "INSERT INTO dossier (title, problem, description, goal, carrier_chosen_by, facts,
                status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?7)",
            params![
                d.title,
                d.problem.as_str(),
                d.description,
                d.goal.as_str(),
                d.carrier_chosen_by.map(CarrierChoice::as_str),
                facts,
                now,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.get_dossier(id)
    }

    pub fn get_dossier(&self, id: i64) -> CoreResult<Dossier> {
        self.conn
            .query_row(
                &format!("SELECT {DOSSIER_COLUMNS} FROM dossier WHERE id = ?1"),
                [id],
                dossier_from_row,
            )
            .optional()?
            .ok_or(CoreError::DossierNotFound(id))
    }

    /// Replaces the facts of a dossier (its status and outcome are changed by `set_status`).
    pub fn update_dossier(
        &mut self,
        id: i64,
        input: &DossierInput,
        today: NaiveDate,
    ) -> CoreResult<Dossier> {
        let d = normalize_and_validate(input, today)?;
        let facts = facts_json(&d)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        let changed = tx.execute(
            "UPDATE dossier SET title = ?2, problem = ?3, description = ?4, goal = ?5,
                carrier_chosen_by = ?6, facts = ?7, updated_at = max(?8, created_at)
             WHERE id = ?1",
            params![
                id,
                d.title,
                d.problem.as_str(),
                d.description,
                d.goal.as_str(),
                d.carrier_chosen_by.map(CarrierChoice::as_str),
                facts,
                now,
            ],
        )?;
        if changed == 0 {
            return Err(CoreError::DossierNotFound(id));
        }
        tx.commit()?;
        self.get_dossier(id)
    }

    /// Closes a dossier as resolved or abandoned (with what came of it) on `today`, or reopens it.
    pub fn set_status(
        &mut self,
        id: i64,
        change: &StatusChange,
        today: NaiveDate,
    ) -> CoreResult<Dossier> {
        let change = validate_outcome(change)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        let closed_on = (change.status != Status::Open).then_some(today);
        let changed = tx.execute(
            "UPDATE dossier SET status = ?2, outcome_note = ?3, updated_at = max(?4, created_at),
                 closed_on = CASE WHEN ?5 IS NULL THEN NULL
                                  WHEN status = ?2 AND closed_on IS NOT NULL THEN closed_on
                                  ELSE max(?5, order_date) END
             WHERE id = ?1",
            params![
                id,
                change.status.as_str(),
                change.outcome_note,
                now,
                closed_on
            ],
        )?;
        if changed == 0 {
            return Err(CoreError::DossierNotFound(id));
        }
        tx.commit()?;
        self.get_dossier(id)
    }

    pub fn delete_dossier(&mut self, id: i64) -> CoreResult<()> {
        let changed = self
            .conn
            .execute("DELETE FROM dossier WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(CoreError::DossierNotFound(id));
        }
        // Its pieces went with it: remove the files no other dossier uses, and what was made for it.
        self.collect_unused_blobs()?;
        let _ = crate::fsx::remove_own_folder(&self.documents_dir(id));
        Ok(())
    }

    /// Where documents made for a dossier outside its pieces are written (removed with it).
    pub fn documents_dir(&self, id: i64) -> std::path::PathBuf {
        self.data_dir()
            .join(crate::paths::DOCUMENTS_DIR)
            .join(id.to_string())
    }

    /// The dossier list, most recent activity first, each with where it stands today.
    pub fn list_dossiers(
        &self,
        query: &DossierQuery,
        today: NaiveDate,
    ) -> CoreResult<Vec<DossierSummary>> {
        Ok(self.list_page(query, today)?.dossiers)
    }

    /// A page of the list, with how many dossiers match and how many there are in all. Only the
    /// rows shown are assessed, together: a page stays quick with thousands of dossiers.
    pub fn list_page(&self, query: &DossierQuery, today: NaiveDate) -> CoreResult<DossierPage> {
        let total_all = self.count_dossiers()?;
        let (mut rows, total_matching) = match search_text(query) {
            None => {
                let rows = self.list_rows(query)?;
                let matching = match query.status {
                    None => total_all,
                    Some(s) => self.conn.query_row(
                        "SELECT count(*) FROM dossier WHERE status = ?1",
                        [s.as_str()],
                        |r| r.get(0),
                    )?,
                };
                (rows, matching)
            }
            Some(text) => {
                let found = self.find(text)?;
                let (ids, matching) = self.order_found(&found, query)?;
                let mut rows = self.rows_by_id(&ids)?;
                // Where the search matched outside the row's own columns: shown under the row.
                let mut hits = self.search_hits(text, &found, &ids)?;
                for row in &mut rows {
                    row.search_hit = hits.remove(&row.id);
                }
                (rows, matching)
            }
        };
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut assessed = self.assess_ids(&ids, today)?;
        for row in &mut rows {
            if let Some(a) = assessed.remove(&row.id) {
                row.current_step = Some(a.current_step);
                row.next_deadline = a.next_deadline.map(|d| DeadlineBrief {
                    id: d.id,
                    date: d.date,
                    label: d.label,
                });
            }
        }
        Ok(DossierPage {
            dossiers: rows,
            total_matching,
            total_all,
        })
    }

    /// Of the dossiers a search found, those with the status asked, most recent activity first, at
    /// most the query's limit; and how many there are in all.
    fn order_found(&self, found: &Found, query: &DossierQuery) -> CoreResult<(Vec<i64>, i64)> {
        if found.ids.is_empty() {
            return Ok((Vec::new(), 0));
        }
        if found.ids.len() > FEW_FOUND {
            return self.walk_found(found, query);
        }
        // A number made here, never text from outside; SQLite reads -1 as "no limit".
        let limit = query.limit.map_or(-1, i64::from);
        let status = query.status.map(|s| s.as_str());
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id FROM dossier
                 WHERE id IN rarray(?1) AND (?2 IS NULL OR status = ?2)
                 ORDER BY updated_at DESC, id DESC LIMIT {limit}"
            ))?;
            let rows = stmt.query_map(params![found.id_array(), status], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let matching = match status {
            None => found.ids.len() as i64,
            Some(_) if (ids.len() as i64) < limit || limit < 0 => ids.len() as i64,
            Some(status) => self.conn.query_row(
                "SELECT count(*) FROM dossier WHERE status = ?2 AND id IN rarray(?1)",
                params![found.id_array(), status],
                |r| r.get(0),
            )?,
        };
        Ok((ids, matching))
    }

    /// Many found: the activity index (of the status asked) walked in order, each id looked up
    /// in the found ids (sorted), until the page is full — or to the end when the status's count
    /// is needed. No set of thousands of ids is built inside SQLite, and no row is read.
    fn walk_found(&self, found: &Found, query: &DossierQuery) -> CoreResult<(Vec<i64>, i64)> {
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        let mut ids = Vec::new();
        let mut matching: i64 = 0;
        let mut take = |id: i64| {
            if found.ids.binary_search(&id).is_err() {
                return true;
            }
            matching += 1;
            if ids.len() < limit {
                ids.push(id);
            }
            // Without a status, every found dossier matches: the count is known, stop at a full page.
            query.status.is_some() || ids.len() < limit
        };
        match query.status {
            None => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id FROM dossier INDEXED BY dossier_by_activity
                     ORDER BY updated_at DESC, id DESC",
                )?;
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    if !take(r.get(0)?) {
                        break;
                    }
                }
            }
            Some(status) => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id FROM dossier INDEXED BY dossier_by_status
                     WHERE status = ?1 ORDER BY updated_at DESC, id DESC",
                )?;
                let mut rows = stmt.query([status.as_str()])?;
                while let Some(r) = rows.next()? {
                    take(r.get(0)?);
                }
            }
        }
        let matching = match query.status {
            None => found.ids.len() as i64,
            Some(_) => matching,
        };
        Ok((ids, matching))
    }

    /// The list's rows of these dossiers, in the order given.
    fn rows_by_id(&self, ids: &[i64]) -> CoreResult<Vec<DossierSummary>> {
        let array = id_array(ids);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM dossier WHERE id IN rarray(?1)"
        ))?;
        let rows = stmt.query_map([array], summary_from_row)?;
        let mut by_id: std::collections::HashMap<i64, DossierSummary> = rows
            .map(|r| r.map(|s| (s.id, s)))
            .collect::<Result<_, _>>()?;
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// The list's rows with the query's status (its search aside), most recent activity first.
    pub(super) fn list_rows(&self, query: &DossierQuery) -> CoreResult<Vec<DossierSummary>> {
        let (filter, params) = status_filter(query);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}
             FROM dossier {filter}
             ORDER BY updated_at DESC, id DESC
             LIMIT {}",
            // A number made here, never text from outside; SQLite reads -1 as "no limit".
            query.limit.map_or(-1, i64::from)
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_dossiers(&self) -> CoreResult<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM dossier", [], |r| r.get(0))?)
    }
}

/// The time of a write, made strictly later than any activity already recorded so that the list's
/// "last activity first" order never ties (two writes can fall in the same millisecond).
/// Moves a dossier's last activity to `now` (inside the caller's transaction).
pub(super) fn touch_dossier(
    conn: &rusqlite::Connection,
    dossier_id: i64,
    now: &str,
) -> CoreResult<()> {
    conn.execute(
        "UPDATE dossier SET updated_at = ?2 WHERE id = ?1",
        params![dossier_id, now],
    )?;
    Ok(())
}

pub(super) fn activity_stamp(conn: &rusqlite::Connection) -> CoreResult<String> {
    // Stored times keep milliseconds: compare at that precision, or two writes could still tie.
    let now = Utc::now().trunc_subsecs(3);
    let latest: Option<String> =
        conn.query_row("SELECT max(updated_at) FROM dossier", [], |r| r.get(0))?;
    let latest = latest
        .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&Utc));
    Ok(timestamp(match latest {
        Some(latest) if latest >= now => latest + TimeDelta::milliseconds(1),
        _ => now,
    }))
}

pub(super) fn dossier_from_row(row: &Row<'_>) -> rusqlite::Result<Dossier> {
    let facts_text: String = row.get(6)?;
    let facts: StoredFacts = serde_json::from_str(&facts_text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            rusqlite::types::Type::Text,
            format!("faits du dossier illisibles : {e}").into(),
        )
    })?;
    Ok(Dossier {
        id: row.get(0)?,
        title: row.get(1)?,
        problem: parse_column(row, 2, Problem::parse)?,
        description: row.get(3)?,
        goal: parse_column(row, 4, Goal::parse)?,
        carrier_chosen_by: match row.get::<_, Option<String>>(5)? {
            Some(_) => Some(parse_column(row, 5, CarrierChoice::parse)?),
            None => None,
        },
        merchant: facts.merchant,
        platform: facts.platform,
        order: facts.order,
        status: parse_column(row, 7, Status::parse)?,
        outcome_note: row.get(8)?,
        closed_on: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

pub(super) fn parse_column<T>(
    row: &Row<'_>,
    idx: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("valeur inconnue « {text} »").into(),
        )
    })
}
