//! The SQLite store: one database file in the data directory, WAL, foreign keys on, migrated at open
//! after a backup copy of any existing database.

pub mod backup;
mod dossiers;
mod events;
mod letters;
pub use letters::DossierSnapshot;
pub(crate) mod fold;
pub mod migrations;
mod pieces;
mod reminders;
mod settings;

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;

use crate::error::{CoreError, CoreResult};
use crate::paths::{BACKUP_DIR, DATABASE_FILE};

pub use events::facts_of;
pub use fold::fold;
pub use pieces::{ingest_source, OPENED_COPIES};
pub use reminders::Reminder;
pub use settings::Settings;

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir` and brings its schema up to date.
    pub fn open(data_dir: &Path) -> CoreResult<Store> {
        Self::open_with(data_dir, migrations::all())
    }

    pub(crate) fn open_with(
        data_dir: &Path,
        migration_list: Vec<rusqlite_migration::M<'static>>,
    ) -> CoreResult<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| data_dir_error(data_dir, &e))?;
        let db_path = data_dir.join(DATABASE_FILE);
        let mut conn = Connection::open(&db_path)?;
        configure(&conn)?;

        let known = migration_list.len() as i64;
        let found = migrations::user_version(&conn)?;
        if found > known {
            return Err(CoreError::SchemaTooNew { found, known });
        }
        if found > 0 && found < known {
            backup_before_migration(&conn, data_dir, found)?;
        }
        migrations::migrate(&mut conn, migration_list)?;
        Ok(Store {
            conn,
            data_dir: data_dir.to_path_buf(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    pub fn schema_version(&self) -> CoreResult<i64> {
        migrations::user_version(&self.conn)
    }
}

fn configure(conn: &Connection) -> CoreResult<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL lets the CLI read while the app writes; FULL sync because a dossier may be court evidence.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::Database(format!(
            "le mode WAL n'a pas pu être activé (mode {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    fold::register(conn)?;
    Ok(())
}

/// `VACUUM INTO` a dated copy under `sauvegardes/` before any schema change.
fn backup_before_migration(
    conn: &Connection,
    data_dir: &Path,
    version: i64,
) -> CoreResult<PathBuf> {
    let dir = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| data_dir_error(&dir, &e))?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S%3f");
    let path = dir.join(format!(
        "avant-mise-a-jour-schema-v{version}-{stamp}.sqlite3"
    ));
    let target = path.to_str().ok_or_else(|| CoreError::DataDir {
        path: dir.display().to_string(),
        reason: "le chemin contient des caractères non pris en charge".into(),
    })?;
    conn.execute("VACUUM INTO ?1", [target])?;
    Ok(path)
}

fn data_dir_error(path: &Path, err: &std::io::Error) -> CoreError {
    CoreError::DataDir {
        path: path.display().to_string(),
        reason: match err.kind() {
            std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
            std::io::ErrorKind::NotFound => "introuvable".to_owned(),
            _ => err.to_string(),
        },
    }
}

/// Timestamps are stored as RFC 3339 UTC with milliseconds, so that text order is time order.
pub(crate) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests;
