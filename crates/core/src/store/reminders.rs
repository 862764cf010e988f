//! Desktop reminders: a deadline of an open dossier that falls due is announced once. A deadline
//! missed while the app was closed is still announced within a week.

use chrono::{NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::{timestamp, Store};
use crate::dossier::{DossierQuery, Status};
use crate::error::CoreResult;
use crate::rules::calendar::add_days;

/// How long after its date a deadline is still worth announcing.
const GRACE_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    #[ts(type = "number")]
    pub dossier_id: i64,
    pub dossier_title: String,
    pub deadline_id: String,
    pub label: String,
    pub date: NaiveDate,
}

impl Store {
    /// The reminders due on `today` that were not shown yet; they are marked as shown.
    pub fn take_due_reminders(&mut self, today: NaiveDate) -> CoreResult<Vec<Reminder>> {
        let open = self.list_rows(&DossierQuery {
            search: None,
            status: Some(Status::Open),
            limit: None,
        })?;
        let mut assessed = self.assess_all(today)?;
        let mut due = Vec::new();
        for summary in open {
            let Some(assessment) = assessed.remove(&summary.id) else {
                continue;
            };
            for d in assessment.deadlines {
                if d.date <= today && d.date >= add_days(today, -GRACE_DAYS) {
                    due.push(Reminder {
                        dossier_id: summary.id,
                        dossier_title: summary.title.clone(),
                        deadline_id: d.id,
                        label: d.label,
                        date: d.date,
                    });
                }
            }
        }
        let now = timestamp(Utc::now());
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut fresh = Vec::new();
        for r in due {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO reminder_sent (dossier_id, deadline_id, deadline_date, sent_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![r.dossier_id, r.deadline_id, r.date, now],
            )?;
            if inserted == 1 {
                fresh.push(r);
            }
        }
        tx.commit()?;
        Ok(fresh)
    }
}
