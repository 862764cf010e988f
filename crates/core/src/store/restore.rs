//! Restoring a backup: it works without an open store (the database in place may be broken, a
//! piece file may be missing), with the data folder to itself (the exclusive data lock), and it is
//! crash-safe. The backup is checked and unpacked beside the data, its database migrated and read
//! back whole; the current data is kept (as a sealed backup, or — when it cannot be backed up whole —
//! as the folder itself, moved aside intact); then a journal, fsync'd, records the swap of the two
//! by renames, each one fsync'd. Whenever the process stops, the next start finds the journal and
//! either undoes the swap (it was not finished) or completes it (it was): the data is always the
//! old set or the new one, whole, and nothing is left behind.
//!
//! Nothing read from the journal becomes a path except through types that cannot hold one: a
//! stamp of digits and dashes, and the names of a fixed list of entries.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::Connection;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::backup::{io_err, write_backup, BackupReport, PARTIAL_PREFIX, SNAPSHOT_PREFIX};
use super::backup_check::{open_untrusted, refused, verify_and_unpack, Unpacked};
use super::lock::DataLock;
use super::{migrations, readback};
use crate::error::{CoreError, CoreResult};
use crate::evidence::blobs::BlobStore;
use crate::fsx;
use crate::hooks::checkpoint;
use crate::paths::{BACKUP_DIR, DATABASE_FILE};

pub const JOURNAL: &str = "restauration-en-cours.json";
const STAGING_PREFIX: &str = ".restauration-";
const OLD_PREFIX: &str = ".ancien-";
pub const KEPT_PREFIX: &str = "avant-restauration-";
const MAX_JOURNAL: u64 = 64 << 10;

/// What a restore replaces in the data folder. `sauvegardes/`, the lock and the journal stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Entry {
    Database,
    Wal,
    Shm,
    Blobs,
    OpenedCopies,
    Documents,
}

impl Entry {
    const ALL: [Entry; 6] = [
        Entry::Database,
        Entry::Wal,
        Entry::Shm,
        Entry::Blobs,
        Entry::OpenedCopies,
        Entry::Documents,
    ];

    fn name(self) -> &'static str {
        match self {
            Entry::Database => DATABASE_FILE,
            Entry::Wal => "recours.sqlite3-wal",
            Entry::Shm => "recours.sqlite3-shm",
            Entry::Blobs => "blobs",
            Entry::OpenedCopies => crate::evidence::opening::OPENED_COPIES,
            Entry::Documents => "documents",
        }
    }
}

/// Names one restore's folders: `AAAAMMJJ-HHMMSS-mmm`, digits and dashes only.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(String);

impl Stamp {
    fn now() -> Stamp {
        Stamp(Utc::now().format("%Y%m%d-%H%M%S-%3f").to_string())
    }

    fn parse(text: &str) -> Option<Stamp> {
        let b = text.as_bytes();
        let shape = b.len() == 19
            && b.iter().enumerate().all(|(i, c)| match i {
                8 | 15 => *c == b'-',
                _ => c.is_ascii_digit(),
            });
        shape.then(|| Stamp(text.to_owned()))
    }

    fn staging(&self, data_dir: &Path) -> PathBuf {
        data_dir.join(format!("{STAGING_PREFIX}{}", self.0))
    }

    fn old(&self, data_dir: &Path) -> PathBuf {
        data_dir.join(format!("{OLD_PREFIX}{}", self.0))
    }

    fn kept_backup(&self, data_dir: &Path) -> PathBuf {
        data_dir
            .join(BACKUP_DIR)
            .join(format!("{KEPT_PREFIX}{}.recours", self.0))
    }

    fn kept_folder(&self, data_dir: &Path) -> PathBuf {
        data_dir
            .join(BACKUP_DIR)
            .join(format!("{KEPT_PREFIX}{}", self.0))
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Stamp::parse(&text).ok_or_else(|| serde::de::Error::custom("horodatage invalide"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Phase {
    /// Renames under way: undo them.
    Swapping,
    /// Every rename done: finish.
    Committed,
}

/// How the replaced data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kept {
    /// As a sealed backup, written before the swap.
    Backup,
    /// As the folder itself, moved aside intact (it could not be backed up whole).
    Folder,
    /// There was nothing to keep.
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Journal {
    stamp: Stamp,
    phase: Phase,
    /// Entries that were in the data folder, moved into `.ancien-<stamp>`.
    moved: Vec<Entry>,
    /// Entries the backup brings, moved from `.restauration-<stamp>`.
    brought: Vec<Entry>,
    kept: Kept,
}

fn write_journal(data_dir: &Path, journal: &Journal) -> CoreResult<()> {
    let json = serde_json::to_vec(journal).map_err(|e| CoreError::InvalidInput(e.to_string()))?;
    let path = data_dir.join(JOURNAL);
    fsx::write_atomic(&path, &json).map_err(|e| io_err(&path, &e))
}

fn remove_journal(data_dir: &Path) -> CoreResult<()> {
    let path = data_dir.join(JOURNAL);
    match fs::remove_file(&path) {
        Ok(()) => fsx::sync_dir(data_dir).map_err(|e| io_err(data_dir, &e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(&path, &e)),
    }
}

/// Whether a restore journal is present (a restore is running, or was interrupted).
pub fn journal_exists(data_dir: &Path) -> bool {
    data_dir.join(JOURNAL).exists()
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn rename(from: &Path, to: &Path) -> CoreResult<()> {
    fs::rename(from, to).map_err(|e| io_err(from, &e))
}

fn sync(dir: &Path) -> CoreResult<()> {
    fsx::sync_dir(dir).map_err(|e| io_err(dir, &e))
}

/// Removes a folder Recours made for a restore (its path is built from a stamp, never read).
fn remove_tree(dir: &Path) -> CoreResult<()> {
    fsx::remove_tree(dir).map_err(|e| io_err(dir, &e))
}

/// Replaces the data in `data_dir` by the backup's, after checking all of it. Needs the data alone
/// (refused clearly when a window or a command has it open). Returns what was restored, with
/// where the replaced data was kept (empty when there was none).
pub fn restore(data_dir: &Path, backup: &Path) -> CoreResult<BackupReport> {
    fsx::create_private_dir_all(data_dir).map_err(|e| io_err(data_dir, &e))?;
    let _alone = DataLock::exclusive(data_dir)?;
    recover(data_dir)?;
    let stamp = Stamp::now();
    let staging = stamp.staging(data_dir);
    let unpacked = match prepare(data_dir, backup, &staging) {
        Ok(u) => u,
        Err(e) => {
            let _ = remove_tree(&staging);
            return Err(e);
        }
    };
    checkpoint("restore:prepared");
    let kept = keep_current(data_dir, &stamp);
    checkpoint("restore:kept");
    let mut journal = Journal {
        moved: Entry::ALL
            .into_iter()
            .filter(|e| exists(&data_dir.join(e.name())))
            .collect(),
        brought: Entry::ALL
            .into_iter()
            .filter(|e| exists(&staging.join(e.name())))
            .collect(),
        stamp,
        phase: Phase::Swapping,
        kept,
    };
    if let Err(e) = write_journal(data_dir, &journal) {
        undo(data_dir, &journal)?;
        return Err(e);
    }
    checkpoint("restore:journal");
    let swapped = swap(data_dir, &journal).and_then(|()| {
        journal.phase = Phase::Committed;
        write_journal(data_dir, &journal)
    });
    if let Err(e) = swapped {
        undo(data_dir, &journal)?;
        return Err(e);
    }
    checkpoint("restore:committed");
    finish(data_dir, &journal)?;
    Ok(BackupReport {
        path: match kept {
            Kept::Backup => journal.stamp.kept_backup(data_dir).display().to_string(),
            Kept::Folder => journal.stamp.kept_folder(data_dir).display().to_string(),
            Kept::Nothing => String::new(),
        },
        dossiers: unpacked.dossiers,
        pieces: unpacked.pieces,
        bytes: unpacked.bytes,
    })
}

/// Checks and unpacks the backup into `staging`, brings its database to the current schema and
/// reads every row back through Recours' types.
fn prepare(data_dir: &Path, backup: &Path, staging: &Path) -> CoreResult<Unpacked> {
    let unpacked = verify_and_unpack(backup, staging, data_dir)?;
    let db = staging.join(DATABASE_FILE);
    let mut conn = open_untrusted(&db).map_err(|_| refused("sa base de données ne s'ouvre pas"))?;
    migrations::migrate(&mut conn, migrations::all())?;
    readback::read_everything(&conn).map_err(|detail| {
        refused(&format!(
            "une partie de son contenu n'est pas lisible par Recours ({detail})"
        ))
    })?;
    // The search index and the pieces' texts are derived data: a backup's own are never trusted
    // (they could say what the files do not). The index is made again from the rows, and the texts
    // are read again from the stored files once the data is in place.
    conn.execute("DELETE FROM piece_text", [])
        .and_then(|_| super::search::rebuild(&conn))
        .map_err(|_| refused("sa base de données ne s'ouvre pas"))?;
    conn.close().map_err(|(_, e)| CoreError::from(e))?;
    for leftover in [
        "recours.sqlite3-journal",
        "recours.sqlite3-wal",
        "recours.sqlite3-shm",
    ] {
        let _ = fs::remove_file(staging.join(leftover));
    }
    sync(staging)?;
    Ok(unpacked)
}

/// Keeps the data about to be replaced: a sealed backup when it can be made whole, else the folder
/// itself will be moved aside intact.
fn keep_current(data_dir: &Path, stamp: &Stamp) -> Kept {
    let db = data_dir.join(DATABASE_FILE);
    if !exists(&db) && !exists(&data_dir.join("blobs")) {
        return Kept::Nothing;
    }
    let out = stamp.kept_backup(data_dir);
    let written = fsx::create_private_dir_all(&data_dir.join(BACKUP_DIR))
        .map_err(|e| io_err(data_dir, &e))
        .and_then(|()| Ok(Connection::open(&db)?))
        .and_then(|conn| write_backup(&conn, &BlobStore::new(data_dir), &out));
    match written {
        Ok(_) => Kept::Backup,
        // A missing piece, a database that will not open, no room: the folder is kept as it is.
        Err(_) => Kept::Folder,
    }
}

fn swap(data_dir: &Path, journal: &Journal) -> CoreResult<()> {
    let old = journal.stamp.old(data_dir);
    let staging = journal.stamp.staging(data_dir);
    fsx::create_private_dir_all(&old).map_err(|e| io_err(&old, &e))?;
    sync(data_dir)?;
    for e in &journal.moved {
        rename(&data_dir.join(e.name()), &old.join(e.name()))?;
        checkpoint("restore:moved");
    }
    sync(&old)?;
    sync(data_dir)?;
    for e in &journal.brought {
        rename(&staging.join(e.name()), &data_dir.join(e.name()))?;
        checkpoint("restore:brought");
    }
    sync(data_dir)?;
    sync(&staging)
}

/// Puts the data folder back as it was before the swap and forgets the attempt.
fn undo(data_dir: &Path, journal: &Journal) -> CoreResult<()> {
    let old = journal.stamp.old(data_dir);
    let staging = journal.stamp.staging(data_dir);
    // What came from the backup goes back to the staging folder (then away with it).
    for e in &journal.brought {
        let here = data_dir.join(e.name());
        let original_still_here = journal.moved.contains(e) && !exists(&old.join(e.name()));
        if exists(&here) && !original_still_here && !exists(&staging.join(e.name())) {
            rename(&here, &staging.join(e.name()))?;
        }
    }
    sync(data_dir)?;
    for e in &journal.moved {
        let kept = old.join(e.name());
        if exists(&kept) {
            rename(&kept, &data_dir.join(e.name()))?;
            checkpoint("restore:undo");
        }
    }
    sync(data_dir)?;
    remove_tree(&staging)?;
    if exists(&old) {
        // Empty by now; anything else in it is kept rather than deleted.
        if fs::remove_dir(&old).is_err() {
            keep_folder(data_dir, &old, &journal.stamp)?;
        }
    }
    if journal.kept == Kept::Backup {
        // Its data is back in place, unchanged.
        let _ = fs::remove_file(journal.stamp.kept_backup(data_dir));
    }
    sync(data_dir)?;
    remove_journal(data_dir)
}

/// Completes a swap that was done: keeps or removes the replaced data, removes the staging folder.
fn finish(data_dir: &Path, journal: &Journal) -> CoreResult<()> {
    let old = journal.stamp.old(data_dir);
    if exists(&old) {
        match journal.kept {
            Kept::Folder => keep_folder(data_dir, &old, &journal.stamp)?,
            Kept::Backup | Kept::Nothing => remove_tree(&old)?,
        }
        checkpoint("restore:old-handled");
    }
    remove_tree(&journal.stamp.staging(data_dir))?;
    sync(data_dir)?;
    remove_journal(data_dir)
}

fn keep_folder(data_dir: &Path, folder: &Path, stamp: &Stamp) -> CoreResult<()> {
    let backups = data_dir.join(BACKUP_DIR);
    fsx::create_private_dir_all(&backups).map_err(|e| io_err(&backups, &e))?;
    let mut target = stamp.kept_folder(data_dir);
    let mut n = 2;
    while exists(&target) {
        target = backups.join(format!("{KEPT_PREFIX}{}-{n}", stamp.0));
        n += 1;
    }
    rename(folder, &target)?;
    sync(&backups)?;
    sync(data_dir)
}

fn read_journal(data_dir: &Path) -> Option<Journal> {
    let file = fs::File::open(data_dir.join(JOURNAL)).ok()?;
    let mut text = Vec::new();
    file.take(MAX_JOURNAL).read_to_end(&mut text).ok()?;
    serde_json::from_slice(&text).ok()
}

/// At start, with the data alone: finishes or undoes an interrupted restore, and clears what an
/// interrupted backup or restore left behind. Returns what to tell the person, if anything.
pub fn recover(data_dir: &Path) -> CoreResult<Option<String>> {
    let mut note = None;
    if journal_exists(data_dir) {
        match read_journal(data_dir) {
            Some(journal) if journal.phase == Phase::Swapping => {
                undo(data_dir, &journal)?;
                note = Some(
                    "Une restauration de sauvegarde avait été interrompue (Recours ou l'ordinateur s'est arrêté) : \
                     elle a été annulée. Vos données sont celles d'avant, intactes."
                        .to_owned(),
                );
            }
            Some(journal) => {
                finish(data_dir, &journal)?;
                note = Some(
                    "Une restauration de sauvegarde avait été interrompue juste avant la fin : elle a été terminée. \
                     Vos données sont celles de la sauvegarde ; les précédentes sont gardées dans le dossier « sauvegardes »."
                        .to_owned(),
                );
            }
            None => {
                // Unreadable (it is written atomically, so this is damage): set it aside, and let
                // the leftovers' handling below put any moved data back rather than guess.
                let aside = data_dir.join(format!("{JOURNAL}.illisible"));
                rename(&data_dir.join(JOURNAL), &aside)?;
            }
        }
    }
    if let Some(more) = clear_leftovers(data_dir)? {
        note = Some(match note {
            Some(n) => format!("{n} {more}"),
            None => more,
        });
    }
    Ok(note)
}

/// Leftovers with no journal: a staging folder (a copy of a backup that is still where it was) is
/// removed; a folder of replaced data (from an older version's restore) is never deleted: anything
/// missing from the data folder is put back from it, and the rest is kept under `sauvegardes/`.
/// Temporary files of a backup written into `sauvegardes/` are removed.
fn clear_leftovers(data_dir: &Path) -> CoreResult<Option<String>> {
    let mut kept_any = false;
    let Ok(entries) = fs::read_dir(data_dir) else {
        return Ok(None);
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir {
            if name.starts_with(&format!(".{JOURNAL}.tmp")) {
                let _ = fs::remove_file(entry.path());
            }
            continue;
        }
        if let Some(stamp) = name.strip_prefix(STAGING_PREFIX).and_then(Stamp::parse) {
            remove_tree(&stamp.staging(data_dir))?;
        } else if name.starts_with(OLD_PREFIX) {
            let old = entry.path();
            for e in Entry::ALL {
                if !exists(&data_dir.join(e.name())) && exists(&old.join(e.name())) {
                    rename(&old.join(e.name()), &data_dir.join(e.name()))?;
                }
            }
            keep_folder(data_dir, &old, &Stamp::now())?;
            kept_any = true;
        }
    }
    let backups = data_dir.join(BACKUP_DIR);
    if let Ok(entries) = fs::read_dir(&backups) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // The snapshot and its journal (`-journal`), the archive being written.
            let temp = name.starts_with(SNAPSHOT_PREFIX)
                || (name.starts_with(PARTIAL_PREFIX) && name.ends_with(".partiel"));
            if temp && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(kept_any.then(|| {
        "Des données laissées par une restauration interrompue ont été retrouvées : elles sont gardées dans le dossier « sauvegardes »."
            .to_owned()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_digits_and_dashes_only() {
        assert!(Stamp::parse(&Stamp::now().0).is_some());
        for bad in [
            "",
            "../../../../etc/x",
            "20261130-195600-12",
            "20261130/195600-123",
            "2026113a-195600-123",
            "/tmp/20261130-1956",
        ] {
            assert!(Stamp::parse(bad).is_none(), "{bad}");
        }
        let json =
            r#"{"stamp":"../../x","phase":"swapping","moved":[],"brought":[],"kept":"nothing"}"#;
        assert!(serde_json::from_str::<Journal>(json).is_err());
        let json = r#"{"stamp":"20261130-195600-123","phase":"swapping","moved":["blobs"],"brought":["/etc"],"kept":"nothing"}"#;
        assert!(serde_json::from_str::<Journal>(json).is_err());
    }
}
