//! Dossier rows: create, read, list, edit, close, delete. Every write is validated first and runs
//! in one transaction; a rejected write leaves the database exactly as it was.

use chrono::{DateTime, NaiveDate, SubsecRound, TimeDelta, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{fold, timestamp, Store};
use crate::dossier::{
    normalize_and_validate, validate_outcome, DeadlineBrief, Dossier, DossierInput, DossierPage,
    DossierQuery, DossierSummary, Merchant, Order, PaymentMethod, Problem, Status, StatusChange,
};
use crate::error::{CoreError, CoreResult};
use crate::rules::model::{CarrierChoice, Goal};

/// The LIKE pattern of the query's search, if it has one.
fn search_pattern(query: &DossierQuery) -> Option<String> {
    query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(fold::contains_pattern)
}

/// The list's search (?2, a folded LIKE pattern) and status (?1) filter, shared by the page and its count.
const LIST_FILTER: &str = "WHERE (?1 IS NULL OR status = ?1)
    AND (?2 IS NULL
         OR recours_fold(title) LIKE ?2 ESCAPE '\\'
         OR recours_fold(merchant_name) LIKE ?2 ESCAPE '\\'
         OR recours_fold(coalesce(order_reference, '')) LIKE ?2 ESCAPE '\\')";

pub(super) const DOSSIER_COLUMNS: &str = "id, title, problem, description, merchant_name, merchant_website, \
    merchant_email, merchant_phone, merchant_address, merchant_country, merchant_siren_siret, \
    order_reference, order_date, amount_cents, payment_method, promised_delivery_date, \
    delivered_date, used_goods, status, outcome_note, created_at, updated_at, goal, carrier_chosen_by, \
    merchant_fevad_mediator, merchant_mediator_name, withdrawal_info_given, closed_on, card_lost_or_stolen";

impl Store {
    pub fn create_dossier(
        &mut self,
        input: &DossierInput,
        today: NaiveDate,
    ) -> CoreResult<Dossier> {
        let d = normalize_and_validate(input, today)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute(
            "INSERT INTO dossier (title, problem, description, merchant_name, merchant_website,
                merchant_email, merchant_phone, merchant_address, merchant_country, merchant_siren_siret,
                order_reference, order_date, amount_cents, payment_method, promised_delivery_date,
                delivered_date, used_goods, status, created_at, updated_at, goal, carrier_chosen_by,
                merchant_fevad_mediator, merchant_mediator_name, withdrawal_info_given, card_lost_or_stolen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'open', ?18, ?18,
                ?19, ?20, ?21, ?22, ?23, ?24)",
            params![
                d.title,
                d.problem.as_str(),
                d.description,
                d.merchant.name,
                d.merchant.website,
                d.merchant.email,
                d.merchant.phone,
                d.merchant.postal_address,
                d.merchant.country,
                d.merchant.siren_siret,
                d.order.reference,
                d.order.date,
                d.order.amount_cents,
                d.order.payment_method.as_str(),
                d.order.promised_delivery_date,
                d.order.delivered_date,
                d.order.used_goods,
                now,
                d.goal.as_str(),
                d.carrier_chosen_by.map(CarrierChoice::as_str),
                d.merchant.fevad_mediator,
                d.merchant.mediator_name,
                d.order.withdrawal_info_given,
                d.order.card_lost_or_stolen,
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
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        let changed = tx.execute(
            "UPDATE dossier SET title = ?2, problem = ?3, description = ?4, merchant_name = ?5,
                merchant_website = ?6, merchant_email = ?7, merchant_phone = ?8, merchant_address = ?9,
                merchant_country = ?10, merchant_siren_siret = ?11, order_reference = ?12,
                order_date = ?13, amount_cents = ?14, payment_method = ?15,
                promised_delivery_date = ?16, delivered_date = ?17, used_goods = ?18,
                updated_at = max(?19, created_at), goal = ?20, carrier_chosen_by = ?21,
                merchant_fevad_mediator = ?22, merchant_mediator_name = ?23, withdrawal_info_given = ?24,
                card_lost_or_stolen = ?25
             WHERE id = ?1",
            params![
                id,
                d.title,
                d.problem.as_str(),
                d.description,
                d.merchant.name,
                d.merchant.website,
                d.merchant.email,
                d.merchant.phone,
                d.merchant.postal_address,
                d.merchant.country,
                d.merchant.siren_siret,
                d.order.reference,
                d.order.date,
                d.order.amount_cents,
                d.order.payment_method.as_str(),
                d.order.promised_delivery_date,
                d.order.delivered_date,
                d.order.used_goods,
                now,
                d.goal.as_str(),
                d.carrier_chosen_by.map(CarrierChoice::as_str),
                d.merchant.fevad_mediator,
                d.merchant.mediator_name,
                d.order.withdrawal_info_given,
                d.order.card_lost_or_stolen,
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
        // Only the rows asked for are assessed: a page of 50 stays quick with thousands of dossiers.
        for row in &mut rows {
            if let Ok(a) = self.assess_dossier(row.id, today) {
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
        let search = search_pattern(query);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, title, problem, merchant_name, order_reference, order_date, amount_cents,
                    status, updated_at
             FROM dossier {LIST_FILTER}
             ORDER BY updated_at DESC, id DESC
             LIMIT ?3"
        ))?;
        // SQLite reads a negative LIMIT as "no limit".
        let limit = query.limit.map_or(-1, i64::from);
        let rows = stmt.query_map(
            params![query.status.map(Status::as_str), search, limit],
            |row| {
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
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many dossiers match the query's search and status (its limit aside).
    pub fn count_matching(&self, query: &DossierQuery) -> CoreResult<i64> {
        let search = search_pattern(query);
        Ok(self.conn.query_row(
            &format!("SELECT count(*) FROM dossier {LIST_FILTER}"),
            params![query.status.map(Status::as_str), search],
            |r| r.get(0),
        )?)
    }

    /// A page of the list, with how many dossiers match and how many there are in all.
    pub fn list_page(&self, query: &DossierQuery, today: NaiveDate) -> CoreResult<DossierPage> {
        Ok(DossierPage {
            dossiers: self.list_dossiers(query, today)?,
            total_matching: self.count_matching(query)?,
            total_all: self.count_dossiers()?,
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
    Ok(Dossier {
        id: row.get(0)?,
        title: row.get(1)?,
        problem: parse_column(row, 2, Problem::parse)?,
        description: row.get(3)?,
        goal: parse_column(row, 22, Goal::parse)?,
        carrier_chosen_by: match row.get::<_, Option<String>>(23)? {
            Some(_) => Some(parse_column(row, 23, CarrierChoice::parse)?),
            None => None,
        },
        merchant: Merchant {
            name: row.get(4)?,
            website: row.get(5)?,
            email: row.get(6)?,
            phone: row.get(7)?,
            postal_address: row.get(8)?,
            country: row.get(9)?,
            siren_siret: row.get(10)?,
            fevad_mediator: row.get(24)?,
            mediator_name: row.get(25)?,
        },
        order: Order {
            reference: row.get(11)?,
            date: row.get(12)?,
            amount_cents: row.get(13)?,
            payment_method: parse_column(row, 14, PaymentMethod::parse)?,
            promised_delivery_date: row.get(15)?,
            delivered_date: row.get(16)?,
            used_goods: row.get(17)?,
            withdrawal_info_given: row.get(26)?,
            card_lost_or_stolen: row.get(28)?,
        },
        status: parse_column(row, 18, Status::parse)?,
        outcome_note: row.get(19)?,
        closed_on: row.get(27)?,
        created_at: row.get(20)?,
        updated_at: row.get(21)?,
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
