//! Dossier rows: create, read, list, edit, close, delete. Every write is validated first and runs
//! in one transaction; a rejected write leaves the database exactly as it was.

use chrono::{DateTime, NaiveDate, SubsecRound, TimeDelta, Utc};
use rusqlite::{params, OptionalExtension, Row};

use rusqlite::types::Value;

use super::search::fts_query;
use super::{fold, timestamp, Store};
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

/// The list's filter and its parameters. A status alone reads the `dossier_by_status` index; a search
/// looks in the title, the seller and the reference (anywhere in them, accents and case ignored) and,
/// through the full-text index, in the pieces, the journal's notes and the letters.
fn list_filter(query: &DossierQuery) -> (String, Vec<Value>) {
    let status = query.status.map(|s| Value::Text(s.as_str().to_owned()));
    match (search_text(query), status) {
        (None, None) => (String::new(), Vec::new()),
        (None, Some(status)) => ("WHERE status = ?1".to_owned(), vec![status]),
        (Some(text), status) => {
            let mut values = vec![
                status.unwrap_or(Value::Null),
                Value::Text(fold::contains_pattern(text)),
            ];
            let inside = match fts_query(text) {
                Some(fts) => {
                    values.push(Value::Text(fts));
                    " OR id IN (SELECT dossier_id FROM search_index WHERE search_index MATCH ?3)"
                }
                None => "",
            };
            (
                format!(
                    "WHERE (?1 IS NULL OR status = ?1)
                       AND (recours_fold(title) LIKE ?2 ESCAPE '\\'
                            OR recours_fold(merchant_name) LIKE ?2 ESCAPE '\\'
                            OR recours_fold(coalesce(order_reference, '')) LIKE ?2 ESCAPE '\\'{inside})"
                ),
                values,
            )
        }
    }
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
        let mut rows = self.list_rows(query)?;
        // Only the rows asked for are assessed, together: a page stays quick with thousands of dossiers.
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut assessed = self.assess_ids(&ids, today)?;
        // Where the search matched outside the row's own columns: shown under the row.
        let mut hits = match search_text(query).and_then(fts_query) {
            Some(fts) => self.search_hits(&fts, &ids)?,
            None => Default::default(),
        };
        for row in &mut rows {
            row.search_hit = hits.remove(&row.id);
            if let Some(a) = assessed.remove(&row.id) {
                row.current_step = Some(a.current_step);
                row.next_deadline = a.next_deadline.map(|d| DeadlineBrief {
                    id: d.id,
                    date: d.date,
                    label: d.label,
                });
            }
        }
        Ok(rows)
    }

    pub(super) fn list_rows(&self, query: &DossierQuery) -> CoreResult<Vec<DossierSummary>> {
        let (filter, params) = list_filter(query);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, title, problem, merchant_name, order_reference, order_date, amount_cents,
                    status, updated_at
             FROM dossier {filter}
             ORDER BY updated_at DESC, id DESC
             LIMIT {}",
            // A number made here, never text from outside; SQLite reads -1 as "no limit".
            query.limit.map_or(-1, i64::from)
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
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
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many dossiers match the query's search and status (its limit aside).
    pub fn count_matching(&self, query: &DossierQuery) -> CoreResult<i64> {
        let (filter, params) = list_filter(query);
        if filter.is_empty() {
            return self.count_dossiers();
        }
        Ok(self.conn.query_row(
            &format!("SELECT count(*) FROM dossier {filter}"),
            rusqlite::params_from_iter(params),
            |r| r.get(0),
        )?)
    }

    /// A page of the list, with how many dossiers match and how many there are in all.
    pub fn list_page(&self, query: &DossierQuery, today: NaiveDate) -> CoreResult<DossierPage> {
        let total_all = self.count_dossiers()?;
        let filtered = query.status.is_some() || search_text(query).is_some();
        Ok(DossierPage {
            dossiers: self.list_dossiers(query, today)?,
            total_matching: if filtered {
                self.count_matching(query)?
            } else {
                total_all
            },
            total_all,
        })
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
