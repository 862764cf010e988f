//! The SQLite store: one database file in the data directory, WAL, foreign keys on, migrated at open
//! after a backup copy of any existing database.

pub mod backup;
mod backup_check;
mod dossiers;
mod events;
mod letters;
pub use letters::DossierSnapshot;
pub(crate) mod fold;
pub mod lock;
pub mod migrations;
mod pieces;
mod readback;
mod reminders;
pub mod restore;
pub mod search;
mod search_keys;
mod settings;

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;

use crate::error::{CoreError, CoreResult};
use crate::fsx;
use crate::paths::{BACKUP_DIR, DATABASE_FILE};
use lock::DataLock;

pub use events::facts_of;
pub use fold::fold;
pub use pieces::ingest_source;
pub use reminders::Reminder;
pub use settings::{Settings, StartScreen};

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
    /// Shared while the store is open: no restore can swap the files under it.
    lock: Option<DataLock>,
    /// What the opening found and did (an interrupted restore finished or undone), for the person.
    recovery_note: Option<String>,
    /// The dossiers' folded keys, read again whenever the database changed (search_keys.rs).
    keys: std::cell::RefCell<search_keys::DossierKeys>,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir` and brings its schema up to date.
    pub fn open(data_dir: &Path) -> CoreResult<Store> {
        Self::open_with(data_dir, migrations::all())
    }

    pub(crate) fn open_with(
        data_dir: &Path,
        migration_list: Vec<migrations::M>,
    ) -> CoreResult<Store> {
        fsx::create_private_dir_all(data_dir).map_err(|e| data_dir_error(data_dir, &e))?;
        let db_path = data_dir.join(DATABASE_FILE);
        let known = migration_list.len() as i64;
        let mut recovery_note = None;
        // Alone with the data (no other window or command has it open): finish or undo an
        // interrupted restore, clear leftovers, and change the schema if needed.
        if let Some(alone) = DataLock::try_exclusive(data_dir)? {
            recovery_note = restore::recover(data_dir)?;
            let mut conn = open_connection(&db_path)?;
            let found = migrations::user_version(&conn)?;
            if found > known {
                return Err(CoreError::SchemaTooNew { found, known });
            }
            if found > 0 && found < known {
                backup_before_migration(&conn, data_dir, found)?;
            }
            migrations::migrate(&mut conn, migration_list)?;
            if known >= migrations::SEARCH_VERSION {
                search::repair_if_lost(&conn)?;
            }
            drop(conn);
            drop(alone);
        }
        // Then shared with the others, for as long as the store is open. The connection is made
        // only now: whatever happened in between (a restore elsewhere), it sees the data in place.
        let lock = DataLock::shared(data_dir)?;
        if restore::journal_exists(data_dir) {
            return Err(lock::busy_restoring());
        }
        let conn = open_connection(&db_path)?;
        let found = migrations::user_version(&conn)?;
        if found > known {
            return Err(CoreError::SchemaTooNew { found, known });
        }
        if found < known {
            return Err(lock::busy_in_use());
        }
        Ok(Store {
            conn,
            data_dir: data_dir.to_path_buf(),
            lock: Some(lock),
            recovery_note,
            keys: Default::default(),
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

    /// What opening the store found and repaired (an interrupted restore), to tell the person once.
    pub fn recovery_note(&self) -> Option<&str> {
        self.recovery_note.as_deref()
    }

    /// Replaces the data with a backup's (see `restore::restore`): this store lets go of the data
    /// for the time of the restore, then opens it again, restored or not.
    pub fn restore_from(&mut self, backup: &Path) -> CoreResult<backup::BackupReport> {
        let data_dir = self.data_dir.clone();
        self.conn = Connection::open_in_memory()?;
        self.lock = None;
        let result = restore::restore(&data_dir, backup);
        let reopened = Store::open(&data_dir)?;
        *self = reopened;
        result
    }
}

/// Opens the database file; a new one is created private (0600 on Unix), and SQLite gives its
/// journal files the same permissions.
fn open_connection(db_path: &Path) -> CoreResult<Connection> {
    if !db_path.exists() {
        match fsx::new_private_file().open(db_path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(data_dir_error(db_path, &e)),
        }
    }
    let conn = Connection::open(db_path)?;
    configure(&conn)?;
    Ok(conn)
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
    // `rarray(?)`: a set of ids passed to a query as one value (the dossiers a search found).
    rusqlite::vtab::array::load_module(conn)?;
    Ok(())
}

/// `VACUUM INTO` a dated copy under `sauvegardes/` before any schema change.
fn backup_before_migration(
    conn: &Connection,
    data_dir: &Path,
    version: i64,
) -> CoreResult<PathBuf> {
    let dir = data_dir.join(BACKUP_DIR);
    fsx::create_private_dir_all(&dir).map_err(|e| data_dir_error(&dir, &e))?;
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
