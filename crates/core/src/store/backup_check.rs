//! Reading a backup as untrusted input. People restore files others send them ("your dossier,
//! prepared by the association"), and anyone can recompute a seal: so before anything is unpacked,
//! the archive must be exactly what Recours writes (uncompressed entries of the declared sizes, no
//! duplicates, a bounded manifest, nothing unlisted), and before anything is swapped in, its database
//! must have exactly Recours' own schema for its version, pass SQLite's checks and every row must read
//! back as Recours' types. A refusal says why, in French, and leaves the data as it was.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::Connection;

use super::backup::{
    blob_entry, io_err, seal_of, Manifest, DB_ENTRY, FORMAT, FORMAT_VERSION, MANIFEST,
};
use super::migrations;
use crate::error::{CoreError, CoreResult};
use crate::evidence::blobs::stream;
use crate::evidence::Sha256Hex;
use crate::fsx;
use crate::hooks::checkpoint;
use crate::paths::DATABASE_FILE;

/// A manifest line is about 150 bytes: 64 MiB holds far more pieces than anyone keeps.
const MAX_MANIFEST_BYTES: u64 = 64 << 20;
const MAX_FILES: usize = 250_000;
/// Room kept free on the disk after unpacking (the database's journal, the system's own needs).
const SPACE_MARGIN: u64 = 64 << 20;

/// What a checked backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unpacked {
    pub dossiers: i64,
    pub pieces: i64,
    pub bytes: u64,
    pub schema_version: i64,
}

pub(super) fn refused(detail: &str) -> CoreError {
    CoreError::BackupRefused(format!(
        "Cette sauvegarde n'a pas été restaurée : {detail}. Vos données actuelles n'ont pas été touchées."
    ))
}

fn damaged(detail: &str) -> CoreError {
    refused(&format!(
        "elle est endommagée, incomplète ou n'a pas été faite par Recours ({detail})"
    ))
}

/// Checks everything that can be checked before unpacking, then unpacks into `staging` (a folder
/// that must not exist), hashing every byte, then checks the database. `space_of` is a folder on
/// the disk that will hold the data.
pub(super) fn verify_and_unpack(
    backup: &Path,
    staging: &Path,
    space_of: &Path,
) -> CoreResult<Unpacked> {
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
    if archive.has_duplicate_names() {
        return Err(damaged("des fichiers y figurent deux fois"));
    }
    if archive
        .has_overlapping_entries()
        .map_err(|_| damaged("archive illisible"))?
    {
        return Err(damaged("des fichiers s'y chevauchent"));
    }
    let manifest = read_manifest(&mut archive)?;
    check_listing(&manifest, &mut archive)?;

    let total = manifest
        .files
        .iter()
        .try_fold(0u64, |sum, f| sum.checked_add(f.size))
        .ok_or_else(|| damaged("tailles incohérentes"))?;
    if let Some(free) = fsx::available_space(space_of) {
        if free < total.saturating_add(SPACE_MARGIN) {
            return Err(refused(&format!(
                "il faudrait {} Mo libres sur le disque pour la déballer, il y en a {} : libérez de la place et recommencez",
                total.saturating_add(SPACE_MARGIN) / 1_000_000 + 1,
                free / 1_000_000
            )));
        }
    }

    unpack(&manifest, &mut archive, staging)?;
    let db = staging.join(DATABASE_FILE);
    let (dossiers, pieces) = check_database(&db, &manifest)?;
    Ok(Unpacked {
        dossiers,
        pieces,
        bytes: total,
        schema_version: manifest.schema_version,
    })
}

fn read_manifest(archive: &mut zip::ZipArchive<File>) -> CoreResult<Manifest> {
    let mut entry = archive
        .by_name(MANIFEST)
        .map_err(|_| damaged("manifeste absent"))?;
    if entry.size() > MAX_MANIFEST_BYTES {
        return Err(damaged("manifeste démesuré"));
    }
    // Read through a bound whatever the entry declares: a compressed manifest cannot inflate past it.
    let mut text = Vec::new();
    (&mut entry)
        .take(MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(|_| damaged("manifeste illisible"))?;
    if text.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(damaged("manifeste démesuré"));
    }
    let manifest: Manifest =
        serde_json::from_slice(&text).map_err(|_| damaged("manifeste illisible"))?;
    if manifest.format != FORMAT || manifest.format_version > FORMAT_VERSION {
        return Err(refused(
            "ce fichier n'est pas une sauvegarde que cette version de Recours sait lire",
        ));
    }
    let known = migrations::latest_version();
    if manifest.schema_version > known {
        return Err(CoreError::SchemaTooNew {
            found: manifest.schema_version,
            known,
        });
    }
    if manifest.schema_version < 1 {
        return Err(damaged("version de schéma invalide"));
    }
    if manifest.files.len() > MAX_FILES {
        return Err(damaged("trop de fichiers"));
    }
    Ok(manifest)
}

/// The archive holds exactly the manifest's files and the manifest: the database once, each blob
/// once under the name of its own hash, every one stored uncompressed at its declared size.
fn check_listing(manifest: &Manifest, archive: &mut zip::ZipArchive<File>) -> CoreResult<()> {
    let mut names = HashSet::with_capacity(manifest.files.len());
    let mut databases = 0;
    for f in &manifest.files {
        if f.path == DB_ENTRY {
            databases += 1;
        } else if f.path != blob_entry(&f.sha256) {
            return Err(damaged("entrée inattendue"));
        }
        if !names.insert(f.path.as_str()) {
            return Err(damaged("des fichiers y figurent deux fois"));
        }
    }
    if databases != 1 {
        return Err(damaged("base de données absente"));
    }
    if archive.len() != manifest.files.len() + 1 {
        return Err(damaged("fichiers non déclarés"));
    }
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|_| damaged("archive illisible"))?;
        let name = entry.name().map_err(|_| damaged("nom illisible"))?;
        if name != MANIFEST && !names.contains(&*name) {
            return Err(damaged("fichiers non déclarés"));
        }
    }
    for f in &manifest.files {
        let entry = archive
            .by_name(&f.path)
            .map_err(|_| damaged("fichier manquant"))?;
        if entry.compression() != zip::CompressionMethod::Stored
            || entry.encrypted()
            || !entry.is_file()
        {
            return Err(damaged("fichier compressé ou chiffré"));
        }
        if entry.size() != f.size || entry.compressed_size() != f.size {
            return Err(damaged("taille déclarée incohérente"));
        }
    }
    Ok(())
}

fn unpack(
    manifest: &Manifest,
    archive: &mut zip::ZipArchive<File>,
    staging: &Path,
) -> CoreResult<()> {
    fsx::create_private_dir_all(staging).map_err(|e| io_err(staging, &e))?;
    let blobs_root = staging.join("blobs").join("sha256");
    let mut folders: HashSet<String> = HashSet::new();
    for f in &manifest.files {
        let target = if f.path == DB_ENTRY {
            staging.join(DATABASE_FILE)
        } else {
            let (dir, rest) = f.sha256.split();
            if folders.insert(dir.to_owned()) {
                let folder = blobs_root.join(dir);
                fsx::create_private_dir_all(&folder).map_err(|e| io_err(&folder, &e))?;
            }
            blobs_root.join(dir).join(rest)
        };
        let mut entry = archive
            .by_name(&f.path)
            .map_err(|_| damaged("fichier manquant"))?;
        let mut out = fsx::new_private_file()
            .open(&target)
            .map_err(|e| io_err(&target, &e))?;
        // Never more than declared, whatever the entry holds.
        let mut bounded = (&mut entry).take(f.size);
        let streamed = stream(&mut bounded, |chunk| io::Write::write_all(&mut out, chunk))
            .map_err(|e| match e.kind() {
                io::ErrorKind::StorageFull => refused("le disque est plein"),
                _ => damaged("contenu illisible"),
            })?;
        if streamed.size != f.size || streamed.sha256 != f.sha256 {
            return Err(damaged("un fichier n'a pas l'empreinte attendue"));
        }
        out.sync_all().map_err(|e| io_err(&target, &e))?;
        checkpoint("restore:unpack-file");
    }
    for dir in &folders {
        fsx::sync_dir(&blobs_root.join(dir)).map_err(|e| io_err(staging, &e))?;
    }
    for dir in [blobs_root.as_path(), &staging.join("blobs"), staging] {
        if dir.exists() {
            fsx::sync_dir(dir).map_err(|e| io_err(staging, &e))?;
        }
    }
    Ok(())
}

/// Opens a database that came from outside with SQLite's defences for untrusted files on.
pub(super) fn open_untrusted(db: &Path) -> CoreResult<Connection> {
    let conn = Connection::open(db)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "cell_size_check", "ON")?;
    conn.pragma_update(None, "mmap_size", 0)?;
    Ok(conn)
}

/// One entry of `sqlite_schema`: type, name, table, SQL text.
pub(super) type SchemaEntry = (String, String, String, Option<String>);

/// The schema as SQLite records it: every table, index, trigger and view with its SQL text.
pub(super) fn schema_of(conn: &Connection) -> CoreResult<Vec<SchemaEntry>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name, tbl_name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The database must be sound, have exactly the schema Recours makes for its version and point only
/// to blobs of the manifest. (Once migrated, the restore reads it back whole through Recours' types.)
fn inconsistent<E>(_: E) -> CoreError {
    damaged("base de données incohérente")
}

fn check_database(db: &Path, manifest: &Manifest) -> CoreResult<(i64, i64)> {
    let conn = open_untrusted(db).map_err(inconsistent)?;
    let version = migrations::user_version(&conn).map_err(inconsistent)?;
    if version != manifest.schema_version {
        return Err(damaged("base de données incohérente"));
    }
    let expected = migrations::reference_schema(version)?;
    if schema_of(&conn).map_err(inconsistent)? != expected {
        return Err(damaged(
            "sa base de données n'a pas la structure de celle de Recours",
        ));
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(inconsistent)?;
    if check != "ok" {
        return Err(damaged("base de données incohérente"));
    }
    let fk_problem: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_foreign_key_check)",
            [],
            |r| r.get(0),
        )
        .map_err(inconsistent)?;
    if fk_problem {
        return Err(damaged("base de données incohérente"));
    }
    // Every recorded blob is a hash of the manifest, and every blob of the manifest is recorded.
    let listed: HashSet<&Sha256Hex> = manifest
        .files
        .iter()
        .filter(|f| f.path != DB_ENTRY)
        .map(|f| &f.sha256)
        .collect();
    let mut recorded = 0usize;
    if version >= 3 {
        let mut stmt = conn
            .prepare("SELECT sha256 FROM blob")
            .map_err(inconsistent)?;
        let mut rows = stmt.query([]).map_err(inconsistent)?;
        while let Some(row) = rows.next().map_err(inconsistent)? {
            let sha: Sha256Hex = row
                .get(0)
                .map_err(|_| damaged("une pièce y est désignée par un nom invalide"))?;
            if !listed.contains(&sha) {
                return Err(damaged("une pièce y est désignée sans son fichier"));
            }
            recorded += 1;
        }
    }
    if recorded != listed.len() {
        return Err(damaged("fichiers non déclarés"));
    }
    let dossiers: i64 = conn
        .query_row("SELECT count(*) FROM dossier", [], |r| r.get(0))
        .map_err(inconsistent)?;
    let pieces: i64 = if version >= 3 {
        conn.query_row("SELECT count(*) FROM piece", [], |r| r.get(0))
            .map_err(inconsistent)?
    } else {
        0
    };
    Ok((dossiers, pieces))
}
