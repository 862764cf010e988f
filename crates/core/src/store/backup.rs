//! Backups: one `.recours` file (a ZIP) holding a consistent snapshot of the database (`VACUUM INTO`),
//! every blob it refers to, and a manifest with each file's SHA-256 and the schema version. Every
//! entry is stored uncompressed. The archive is sealed: its last 64 bytes (the ZIP comment) are the
//! SHA-256 of the whole file with those bytes zeroed, so a flipped byte or a cut is detected before
//! anything is touched. The seal proves the file is whole, not who made it: restoring reads a backup
//! as untrusted input (`backup_check`), whatever its seal says.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zip::write::SimpleFileOptions;

use super::{migrations, Store};
use crate::error::{CoreError, CoreResult};
use crate::evidence::blobs::{hex, stream, BlobStore};
use crate::evidence::Sha256Hex;
use crate::fsx;
use crate::hooks::checkpoint;
use crate::paths::BACKUP_DIR;

pub(super) const FORMAT: &str = "recours-sauvegarde";
pub(super) const FORMAT_VERSION: u32 = 1;
pub(super) const MANIFEST: &str = "manifest.json";
pub(super) const DB_ENTRY: &str = "recours.sqlite3";
pub(super) const SEAL_LEN: usize = 64;
/// Prefixes of the temporary files a backup writes beside its destination.
pub(super) const SNAPSHOT_PREFIX: &str = ".recours-instantane-";
pub(super) const PARTIAL_PREFIX: &str = ".recours-sauvegarde-";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: Sha256Hex,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub schema_version: i64,
    pub created_at: String,
    pub files: Vec<ManifestFile>,
}

/// What a backup or a restore did, for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupReport {
    /// The backup file written (or, for a restore, where the data it replaced was kept).
    pub path: String,
    #[ts(type = "number")]
    pub dossiers: i64,
    #[ts(type = "number")]
    pub pieces: i64,
    #[ts(type = "number")]
    pub bytes: u64,
}

pub(super) fn io_reason(e: &io::Error) -> String {
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

pub(super) fn io_err(path: &Path, e: &io::Error) -> CoreError {
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

/// SHA-256 of the file with its last `SEAL_LEN` bytes read as zeros, and those bytes.
pub(super) fn seal_of(path: &Path) -> io::Result<(String, Vec<u8>)> {
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
        let n = f.read(buf.get_mut(..want).unwrap_or_default())?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "coupé"));
        }
        hasher.update(buf.get(..n).unwrap_or_default());
        left -= n as u64;
    }
    hasher.update([0u8; SEAL_LEN]);
    let mut tail = vec![0u8; SEAL_LEN];
    f.read_exact(&mut tail)?;
    Ok((hex(&hasher.finalize()), tail))
}

/// A blob's entry inside the archive: `blobs/sha256/ab/<62 hex>`.
pub(super) fn blob_entry(sha: &Sha256Hex) -> String {
    let (dir, rest) = sha.split();
    format!("blobs/sha256/{dir}/{rest}")
}

/// A time-based name part, unique enough for the temporary files of one folder.
fn stamp() -> String {
    Utc::now().format("%Y%m%d%H%M%S%3f").to_string()
}

impl Store {
    /// Writes a sealed backup to `out` (through a temporary file beside it, renamed at the end).
    pub fn backup_to(&self, out: &Path) -> CoreResult<BackupReport> {
        write_backup(&self.conn, &self.blob_store(), out)
    }
}

/// Writes a sealed backup of the database open on `conn` and of its blobs to `out`. Refuses when a
/// recorded blob is missing: a backup is whole or is not made.
pub(super) fn write_backup(
    conn: &Connection,
    blobs: &BlobStore,
    out: &Path,
) -> CoreResult<BackupReport> {
    let dir = out.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_err(dir, &e))?;
    let stamp = stamp();
    let snapshot = dir.join(format!("{SNAPSHOT_PREFIX}{stamp}.sqlite3"));
    let partial = dir.join(format!("{PARTIAL_PREFIX}{stamp}.partiel"));
    let result = write_parts(conn, blobs, &snapshot, &partial, out);
    let _ = std::fs::remove_file(&snapshot);
    match result {
        Ok(mut report) => {
            fsx::durable_rename(&partial, out).map_err(|e| {
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

fn write_parts(
    conn: &Connection,
    blobs: &BlobStore,
    snapshot: &Path,
    partial: &Path,
    out: &Path,
) -> CoreResult<BackupReport> {
    let target = snapshot.to_str().ok_or_else(|| {
        CoreError::InvalidInput("Ce chemin contient des caractères non pris en charge.".into())
    })?;
    // A consistent copy of the database as it is now, even while the app writes.
    conn.execute("VACUUM INTO ?1", [target])?;
    checkpoint("backup:snapshot");
    let snap = Connection::open(snapshot)?;
    let schema_version = migrations::user_version(&snap)?;
    let dossiers: i64 = snap.query_row("SELECT count(*) FROM dossier", [], |r| r.get(0))?;
    let pieces: i64 = snap.query_row("SELECT count(*) FROM piece", [], |r| r.get(0))?;
    let shas: Vec<Sha256Hex> = {
        let mut stmt = snap.prepare("SELECT sha256 FROM blob ORDER BY sha256")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    drop(snap);

    let file = fsx::create_private_file(partial).map_err(|e| write_err(out, &e))?;
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
        let streamed =
            stream(&mut input, |chunk| zip.write_all(chunk)).map_err(|e| write_err(out, &e))?;
        bytes += streamed.size;
        files.push(ManifestFile {
            path: name,
            size: streamed.size,
            sha256: streamed.sha256,
        });
        Ok(())
    };
    add(&mut zip, DB_ENTRY.to_owned(), snapshot)?;
    for sha in &shas {
        let path = blobs.path_of(sha);
        if !path.exists() {
            return Err(CoreError::InvalidInput(format!(
                "Le fichier d'une pièce est introuvable ({}…) : lancez la vérification des pièces avant de sauvegarder.",
                sha.abbrev()
            )));
        }
        add(&mut zip, blob_entry(sha), &path)?;
        checkpoint("backup:blob");
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version,
        created_at: super::timestamp(Utc::now()),
        files,
    };
    let json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| CoreError::InvalidInput(e.to_string()))?;
    let zerr = |e: zip::result::ZipError| zip_err(out, e);
    zip.start_file(MANIFEST, stored).map_err(zerr)?;
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
    checkpoint("backup:sealed");
    Ok(BackupReport {
        path: String::new(),
        dossiers,
        pieces,
        bytes,
    })
}

/// Where the app keeps the automatic backups (and the "before restore" copies).
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}
