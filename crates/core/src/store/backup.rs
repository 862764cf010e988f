//! Backup and restore: one `.recours` file (a ZIP) holding a consistent snapshot of the database
//! (`VACUUM INTO`), every blob it refers to, and a manifest with each file's SHA-256 and the schema
//! version. The archive is sealed: its last 64 bytes (the ZIP comment) are the SHA-256 of the whole
//! file with those bytes zeroed, so a single flipped byte or a cut anywhere is detected before
//! anything is touched. Restoring keeps the current data as a backup of its own first.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zip::write::SimpleFileOptions;

use super::{migrations, Store};
use crate::error::{CoreError, CoreResult};
use crate::evidence::blobs::{hex, stream};
use crate::paths::{BACKUP_DIR, DATABASE_FILE};

const FORMAT: &str = "recours-sauvegarde";
const FORMAT_VERSION: u32 = 1;
const MANIFEST: &str = "manifest.json";
const DB_ENTRY: &str = "recours.sqlite3";
const SEAL_LEN: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ManifestFile {
    path: String,
    size: u64,
    sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Manifest {
    format: String,
    format_version: u32,
    app_version: String,
    schema_version: i64,
    created_at: String,
    files: Vec<ManifestFile>,
}

/// What a backup or a restore did, for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupReport {
    /// The backup file written (or, for a restore, the backup of the data it replaced).
    pub path: String,
    #[ts(type = "number")]
    pub dossiers: i64,
    #[ts(type = "number")]
    pub pieces: i64,
    #[ts(type = "number")]
    pub bytes: u64,
}

fn damaged(detail: &str) -> CoreError {
    CoreError::InvalidInput(format!(
        "Cette sauvegarde est endommagée ou incomplète ({detail}) : elle n'a pas été restaurée et vos données actuelles n'ont pas été touchées."
    ))
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "introuvable".to_owned(),
        io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        io::ErrorKind::StorageFull => {
            "le disque est plein : libérez de la place ou choisissez un autre emplacement"
                .to_owned()
        }
        // EFBIG: e.g. a USB key formatted in FAT32, whose files stop at 4 GB.
        io::ErrorKind::FileTooLarge => {
            "ce support n'accepte pas un fichier aussi gros (une clé USB \
             formatée en FAT32 s'arrête à 4 Go) : choisissez un autre emplacement"
                .to_owned()
        }
        _ => e.to_string(),
    }
}

fn io_err(path: &Path, e: &io::Error) -> CoreError {
    CoreError::InvalidInput(format!("« {} » : {}.", path.display(), io_reason(e)))
}

/// Writing the backup failed: named by where it was going, not by its temporary name.
fn write_err(out: &Path, e: &io::Error) -> CoreError {
    CoreError::InvalidInput(format!(
        "La sauvegarde n'a pas pu être écrite dans « {} » : {}. Vos données n'ont pas changé.",
        out.display(),
        io_reason(e)
    ))
}

fn zip_err(out: &Path, e: zip::result::ZipError) -> CoreError {
    match e {
        zip::result::ZipError::Io(e) => write_err(out, &e),
        other => CoreError::InvalidInput(format!("Sauvegarde impossible : {other}.")),
    }
}

/// "recours-2026-11-24.recours"
pub fn default_backup_name(today: chrono::NaiveDate) -> String {
    format!("recours-{}.recours", today.format("%Y-%m-%d"))
}

/// Streams `reader` into `writer` while hashing; returns (size, sha256).
fn copy_hashing(reader: &mut impl Read, writer: &mut impl Write) -> io::Result<(u64, String)> {
    let streamed = stream(reader, |chunk| writer.write_all(chunk))?;
    Ok((streamed.size, streamed.sha256))
}

/// SHA-256 of the file with its last `SEAL_LEN` bytes read as zeros, and those bytes.
fn seal_of(path: &Path) -> io::Result<(String, Vec<u8>)> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    if len < SEAL_LEN as u64 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "trop court"));
    }
    let body = len - SEAL_LEN as u64;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut left = body;
    while left > 0 {
        let want = left.min(buf.len() as u64) as usize;
        let n = f.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "coupé"));
        }
        hasher.update(&buf[..n]);
        left -= n as u64;
    }
    hasher.update([0u8; SEAL_LEN]);
    let mut tail = vec![0u8; SEAL_LEN];
    f.read_exact(&mut tail)?;
    Ok((hex(&hasher.finalize()), tail))
}

/// A blob's path inside the archive, refusing anything that is not `blobs/sha256/ab/<62 hex>`.
fn blob_entry(sha: &str) -> String {
    format!("blobs/sha256/{}/{}", &sha[..2], &sha[2..])
}

fn is_sha(text: &str) -> bool {
    text.len() == 64
        && text
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

impl Store {
    /// Writes a sealed backup to `out` (through a temporary file beside it, renamed at the end).
    pub fn backup_to(&self, out: &Path) -> CoreResult<BackupReport> {
        let dir = out.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, &e))?;
        let stamp = Utc::now().format("%Y%m%d%H%M%S%3f");
        let snapshot = dir.join(format!(".recours-instantane-{stamp}.sqlite3"));
        let partial = dir.join(format!(".recours-sauvegarde-{stamp}.partiel"));
        let result = self.write_backup(&snapshot, &partial, out);
        let _ = std::fs::remove_file(&snapshot);
        match result {
            Ok(mut report) => {
                std::fs::rename(&partial, out).map_err(|e| {
                    let _ = std::fs::remove_file(&partial);
                    io_err(out, &e)
                })?;
                report.path = out.display().to_string();
                Ok(report)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                Err(e)
            }
        }
    }

    fn write_backup(
        &self,
        snapshot: &Path,
        partial: &Path,
        out: &Path,
    ) -> CoreResult<BackupReport> {
        let target = snapshot.to_str().ok_or_else(|| {
            CoreError::InvalidInput("Ce chemin contient des caractères non pris en charge.".into())
        })?;
        // A consistent copy of the database as it is now, even while the app writes.
        self.conn.execute("VACUUM INTO ?1", [target])?;
        let snap = rusqlite::Connection::open(snapshot)?;
        let schema_version = migrations::user_version(&snap)?;
        let dossiers: i64 = snap.query_row("SELECT count(*) FROM dossier", [], |r| r.get(0))?;
        let pieces: i64 = snap.query_row("SELECT count(*) FROM piece", [], |r| r.get(0))?;
        let shas: Vec<String> = {
            let mut stmt = snap.prepare("SELECT sha256 FROM blob ORDER BY sha256")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        drop(snap);

        let file = File::create(partial).map_err(|e| write_err(out, &e))?;
        let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
        let stored = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(true);
        let mut files = Vec::new();
        let mut bytes = 0u64;
        let mut add = |zip: &mut zip::ZipWriter<BufWriter<File>>,
                       name: String,
                       source: &Path|
         -> CoreResult<()> {
            let mut input = File::open(source).map_err(|e| io_err(source, &e))?;
            zip.start_file(name.as_str(), stored)
                .map_err(|e| zip_err(out, e))?;
            let (size, sha256) = copy_hashing(&mut input, zip).map_err(|e| write_err(out, &e))?;
            bytes += size;
            files.push(ManifestFile {
                path: name,
                size,
                sha256,
            });
            Ok(())
        };
        add(&mut zip, DB_ENTRY.to_owned(), snapshot)?;
        let blobs = self.blob_store();
        for sha in &shas {
            let path = blobs.path_of(sha);
            if !path.exists() {
                return Err(CoreError::InvalidInput(format!(
                    "Le fichier d'une pièce est introuvable ({}…) : lancez la vérification des pièces avant de sauvegarder.",
                    &sha[..12.min(sha.len())]
                )));
            }
            add(&mut zip, blob_entry(sha), &path)?;
        }
        let manifest = Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            schema_version,
            created_at: super::timestamp(Utc::now()),
            files,
        };
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| CoreError::InvalidInput(e.to_string()))?;
        let zerr = |e: zip::result::ZipError| zip_err(out, e);
        zip.start_file(MANIFEST, SimpleFileOptions::default())
            .map_err(zerr)?;
        zip.write_all(&json).map_err(|e| write_err(out, &e))?;
        zip.set_comment("0".repeat(SEAL_LEN)).map_err(zerr)?;
        let writer = zip.finish().map_err(zerr)?;
        let mut file = writer.into_inner().map_err(|e| write_err(out, e.error()))?;
        file.flush().map_err(|e| write_err(out, &e))?;
        // Seal: the hash of the whole file, written over the zeros of the comment.
        let (seal, _) = seal_of(partial).map_err(|e| write_err(out, &e))?;
        file.seek(SeekFrom::End(-(SEAL_LEN as i64)))
            .map_err(|e| write_err(out, &e))?;
        file.write_all(seal.as_bytes())
            .map_err(|e| write_err(out, &e))?;
        file.sync_all().map_err(|e| write_err(out, &e))?;
        Ok(BackupReport {
            path: String::new(),
            dossiers,
            pieces,
            bytes,
        })
    }

    /// Replaces the data with a backup's, after checking all of it; the current data is first saved
    /// as `sauvegardes/avant-restauration-….recours`. The store is reopened on the restored data.
    pub fn restore_from(&mut self, backup: &Path) -> CoreResult<BackupReport> {
        let data_dir = self.data_dir.clone();
        let staging = data_dir.join(format!(
            ".restauration-{}",
            Utc::now().format("%Y%m%d%H%M%S%3f")
        ));
        let _ = std::fs::remove_dir_all(&staging);
        let checked = verify_and_unpack(backup, &staging);
        let counts = match checked {
            Ok(ok) => ok,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        // The data being replaced is kept, whole, before anything moves.
        let keep = data_dir.join(BACKUP_DIR).join(format!(
            "avant-restauration-{}.recours",
            Utc::now().format("%Y-%m-%d-%H%M%S")
        ));
        if let Err(e) = self.backup_to(&keep) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        // Close the database, swap the files, reopen.
        self.conn = rusqlite::Connection::open_in_memory()?;
        let old = data_dir.join(format!(".ancien-{}", Utc::now().format("%Y%m%d%H%M%S%3f")));
        let swap = swap_in(&data_dir, &staging, &old);
        let reopened = swap.and_then(|()| Store::open(&data_dir));
        match reopened {
            Ok(store) => {
                *self = store;
                let _ = std::fs::remove_dir_all(&old);
                let _ = std::fs::remove_dir_all(&staging);
                Ok(BackupReport {
                    path: keep.display().to_string(),
                    dossiers: counts.0,
                    pieces: counts.1,
                    bytes: counts.2,
                })
            }
            Err(e) => {
                // Put the previous data back where it was.
                let _ = swap_back(&data_dir, &old);
                let _ = std::fs::remove_dir_all(&staging);
                if let Ok(store) = Store::open(&data_dir) {
                    *self = store;
                }
                Err(e)
            }
        }
    }
}

const DATA_ENTRIES: [&str; 4] = [
    DATABASE_FILE,
    "recours.sqlite3-wal",
    "recours.sqlite3-shm",
    "blobs",
];

fn swap_in(data_dir: &Path, staging: &Path, old: &Path) -> CoreResult<()> {
    std::fs::create_dir_all(old).map_err(|e| io_err(old, &e))?;
    for name in DATA_ENTRIES {
        let current = data_dir.join(name);
        if current.exists() {
            std::fs::rename(&current, old.join(name)).map_err(|e| io_err(&current, &e))?;
        }
    }
    for name in [DATABASE_FILE, "blobs"] {
        let new = staging.join(name);
        if new.exists() {
            std::fs::rename(&new, data_dir.join(name)).map_err(|e| io_err(&new, &e))?;
        }
    }
    Ok(())
}

fn swap_back(data_dir: &Path, old: &Path) -> io::Result<()> {
    for name in DATA_ENTRIES {
        let kept = old.join(name);
        if kept.exists() {
            let target = data_dir.join(name);
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            } else if target.exists() {
                std::fs::remove_file(&target)?;
            }
            std::fs::rename(&kept, &target)?;
        }
    }
    Ok(())
}

/// Checks the seal, the manifest, every file's size and SHA-256 and the database itself, unpacking
/// into `staging`. Returns (dossiers, pieces, bytes).
fn verify_and_unpack(backup: &Path, staging: &Path) -> CoreResult<(i64, i64, u64)> {
    let (seal, tail) = seal_of(backup).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => damaged("fichier trop court"),
        _ => io_err(backup, &e),
    })?;
    if tail != seal.as_bytes() {
        return Err(damaged(
            "son empreinte ne correspond pas : fichier coupé ou modifié",
        ));
    }
    let file = File::open(backup).map_err(|e| io_err(backup, &e))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|_| damaged("ce n'est pas une archive lisible"))?;
    let manifest: Manifest = {
        let mut entry = archive
            .by_name(MANIFEST)
            .map_err(|_| damaged("manifeste absent"))?;
        let mut text = Vec::new();
        entry
            .read_to_end(&mut text)
            .map_err(|_| damaged("manifeste illisible"))?;
        serde_json::from_slice(&text).map_err(|_| damaged("manifeste illisible"))?
    };
    if manifest.format != FORMAT || manifest.format_version > FORMAT_VERSION {
        return Err(CoreError::InvalidInput(
            "Ce fichier n'est pas une sauvegarde que cette version de Recours sait lire. Vos données n'ont pas été touchées.".into(),
        ));
    }
    let known = migrations::all().len() as i64;
    if manifest.schema_version > known {
        return Err(CoreError::SchemaTooNew {
            found: manifest.schema_version,
            known,
        });
    }
    std::fs::create_dir_all(staging).map_err(|e| io_err(staging, &e))?;
    let mut bytes = 0u64;
    let mut has_db = false;
    for f in &manifest.files {
        let target = if f.path == DB_ENTRY {
            has_db = true;
            staging.join(DATABASE_FILE)
        } else {
            let parts: Vec<&str> = f.path.split('/').collect();
            match parts.as_slice() {
                ["blobs", "sha256", dir, rest]
                    if dir.len() == 2
                        && is_sha(&format!("{dir}{rest}"))
                        && f.sha256 == format!("{dir}{rest}") =>
                {
                    staging.join("blobs").join("sha256").join(dir).join(rest)
                }
                _ => return Err(damaged("entrée inattendue")),
            }
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err(parent, &e))?;
        }
        let mut entry = archive
            .by_name(&f.path)
            .map_err(|_| damaged("fichier manquant"))?;
        let mut out = File::create(&target).map_err(|e| io_err(&target, &e))?;
        let (size, sha) =
            copy_hashing(&mut entry, &mut out).map_err(|_| damaged("contenu illisible"))?;
        if size != f.size || sha != f.sha256 {
            return Err(damaged("un fichier n'a pas l'empreinte attendue"));
        }
        out.sync_all().map_err(|e| io_err(&target, &e))?;
        bytes += size;
    }
    if !has_db {
        return Err(damaged("base de données absente"));
    }
    // The database must be sound and match the manifest.
    let conn = rusqlite::Connection::open(staging.join(DATABASE_FILE))?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" || migrations::user_version(&conn)? != manifest.schema_version {
        return Err(damaged("base de données incohérente"));
    }
    let dossiers: i64 = conn.query_row("SELECT count(*) FROM dossier", [], |r| r.get(0))?;
    let pieces: i64 = conn
        .query_row("SELECT count(*) FROM piece", [], |r| r.get(0))
        .unwrap_or(0);
    Ok((dossiers, pieces, bytes))
}

/// Where the app keeps the automatic backups (and the "before restore" copies).
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}
