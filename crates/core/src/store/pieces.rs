//! Pieces of a dossier: the blob is placed in the store first, then recorded with its piece in one
//! transaction. A row never points to a missing blob; a blob no piece uses is removed with it.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{params, OptionalExtension, Row};

use super::dossiers::{activity_stamp, parse_column, touch_dossier};
use super::Store;
use crate::dossier::validate::MAX_LONG;
use crate::error::{CoreError, CoreResult, FieldError};
use crate::evidence::blobs::{self, display_name, BlobStore, Ingested, StoreFile};
use crate::evidence::{category, AttachOutcome, Category, IntegrityReport, Piece, PieceEdit};
use crate::evidence::{opening, EvidenceError, Sha256Hex};

/// Copies (or, for a file the size of one already stored, first hashes) `source` into the blob store.
/// Needs no database: the app runs it outside the store's lock.
pub fn ingest_source(
    blobs: &BlobStore,
    source: &Path,
    limit: u64,
    size_is_known: bool,
) -> Result<Ingested, EvidenceError> {
    // A re-dropped file costs one reading pass: it is hashed, and copied only if it is new.
    if size_is_known {
        match blobs.hash_only(source, limit) {
            Ok(h) if h.already_stored => return Ok(h),
            Ok(_) => {}
            Err(e) => return Err(e),
        }
    }
    blobs.ingest(source, limit)
}

/// Why recording a piece did not happen (nothing was committed).
enum RecordFailure {
    /// The blob's file vanished before the record (another process collected it).
    BlobGone,
    Failed(CoreError),
}
use RecordFailure::{BlobGone, Failed};

pub(super) const PIECE_COLUMNS: &str =
    "p.id, p.dossier_id, p.blob_sha256, b.size, b.mime, p.original_name, \
    p.category, p.title, p.description, p.document_date, p.position, p.added_at";

pub(super) fn piece_from_row(row: &Row<'_>) -> rusqlite::Result<Piece> {
    Ok(Piece {
        id: row.get(0)?,
        dossier_id: row.get(1)?,
        sha256: row.get(2)?,
        size: row.get::<_, i64>(3)?.max(0) as u64,
        mime: row.get(4)?,
        original_name: row.get(5)?,
        category: parse_column(row, 6, Category::parse)?,
        title: row.get(7)?,
        description: row.get(8)?,
        document_date: row.get(9)?,
        position: row.get(10)?,
        added_at: row.get(11)?,
    })
}

/// "Facture mars.pdf" → "Facture mars"
fn title_from_name(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => name,
    };
    let t: String = stem.trim().chars().take(200).collect();
    if t.is_empty() {
        "Pièce".into()
    } else {
        t
    }
}

impl Store {
    pub fn blob_store(&self) -> BlobStore {
        BlobStore::new(self.data_dir())
    }

    pub fn list_pieces(&self, dossier_id: i64) -> CoreResult<Vec<Piece>> {
        self.get_dossier(dossier_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PIECE_COLUMNS} FROM piece p JOIN blob b ON b.sha256 = p.blob_sha256
             WHERE p.dossier_id = ?1 ORDER BY p.position, p.id"
        ))?;
        let rows = stmt.query_map([dossier_id], piece_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_piece(&self, id: i64) -> CoreResult<Piece> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {PIECE_COLUMNS} FROM piece p JOIN blob b ON b.sha256 = p.blob_sha256 WHERE p.id = ?1"
                ),
                [id],
                piece_from_row,
            )
            .optional()?
            .ok_or(CoreError::PieceNotFound(id))
    }

    /// Adds a file to a dossier: stored, already there (duplicate), or refused with the reason.
    /// Only a missing dossier or a database failure is an `Err`.
    pub fn attach_file(
        &mut self,
        dossier_id: i64,
        source: &Path,
        limit: u64,
    ) -> CoreResult<AttachOutcome> {
        self.get_dossier(dossier_id)?;
        let blobs = self.blob_store();
        let known_size = self.size_is_known(source)?;
        let ingested = ingest_source(&blobs, source, limit, known_size);
        self.record_attachment(dossier_id, source, ingested, limit)
    }

    /// Whether a stored file has the size of `source` (then it is hashed before any copy).
    pub fn size_is_known(&self, source: &Path) -> CoreResult<bool> {
        let size = std::fs::metadata(source)
            .map(|m| m.len() as i64)
            .unwrap_or(-1);
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM blob WHERE size = ?1)",
            [size],
            |r| r.get(0),
        )?)
    }

    /// Records the result of `ingest_source` (which may run without the store, so that a long copy
    /// does not hold up anything else): the piece, a duplicate, or the refusal.
    pub fn record_attachment(
        &mut self,
        dossier_id: i64,
        source: &Path,
        ingested: Result<Ingested, EvidenceError>,
        limit: u64,
    ) -> CoreResult<AttachOutcome> {
        let blobs = self.blob_store();
        self.record_ingested(dossier_id, &display_name(source), ingested, || {
            blobs.ingest(source, limit)
        })
    }

    /// Adds bytes already in memory (an attachment taken out of an e-mail) as a piece named `name`.
    pub fn attach_bytes(
        &mut self,
        dossier_id: i64,
        name: &str,
        bytes: &[u8],
        limit: u64,
    ) -> CoreResult<AttachOutcome> {
        self.get_dossier(dossier_id)?;
        let blobs = self.blob_store();
        let ingested = blobs.ingest_bytes(bytes, name, limit);
        self.record_ingested(dossier_id, name, ingested, || {
            blobs.ingest_bytes(bytes, name, limit)
        })
    }

    /// The piece for what was ingested, a duplicate, or the refusal; `again` copies the bytes once
    /// more if another process removed the blob between the copy and the record.
    fn record_ingested(
        &mut self,
        dossier_id: i64,
        name: &str,
        ingested: Result<Ingested, EvidenceError>,
        again: impl FnOnce() -> Result<Ingested, EvidenceError>,
    ) -> CoreResult<AttachOutcome> {
        let refused = |e: EvidenceError| AttachOutcome::Refused {
            name: name.to_owned(),
            code: e.code().to_owned(),
            message: e.to_string(),
        };
        let ingested = match ingested {
            Ok(i) => i,
            Err(e) => return Ok(refused(e)),
        };
        let mut recorded = self.record_piece(dossier_id, name, &ingested);
        if let Err(BlobGone) = recorded {
            let again = match again() {
                Ok(i) => i,
                Err(e) => return Ok(refused(e)),
            };
            recorded = self.record_piece(dossier_id, name, &again);
        }
        let (id, duplicate) = match recorded {
            Ok(done) => done,
            Err(failure) => {
                // Nothing was committed: remove a blob this attach created rather than leave an orphan.
                if !ingested.already_stored {
                    let _ = self.remove_blob_if_unrecorded(&ingested.sha256);
                }
                return Err(match failure {
                    BlobGone => CoreError::Database("le fichier copié a disparu".into()),
                    Failed(e) => e,
                });
            }
        };
        let piece = self.get_piece(id)?;
        Ok(if duplicate {
            AttachOutcome::Duplicate { piece }
        } else {
            AttachOutcome::Stored { piece }
        })
    }

    /// Deletes a blob's file when no row records it, holding the write lock so that no other
    /// process can record it meanwhile.
    fn remove_blob_if_unrecorded(&mut self, sha256: &Sha256Hex) -> CoreResult<bool> {
        let blobs = self.blob_store();
        let opened = opening::opened_dir(self.data_dir(), sha256);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let recorded: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM blob WHERE sha256 = ?1)",
            [sha256],
            |r| r.get(0),
        )?;
        if !recorded {
            let _ = blobs.remove(sha256);
            let _ = crate::fsx::remove_own_folder(&opened);
        }
        tx.commit()?;
        Ok(!recorded)
    }

    /// Records the piece (and its blob) in one transaction; returns its id and whether it was
    /// already in the dossier. Nothing is committed when it fails.
    fn record_piece(
        &mut self,
        dossier_id: i64,
        name: &str,
        ingested: &crate::evidence::blobs::Ingested,
    ) -> Result<(i64, bool), RecordFailure> {
        let blob_path = self.blob_store().path_of(&ingested.sha256);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| Failed(e.into()))?;
        // Under the write lock, no other process can remove the file before this commit.
        if !blob_path.exists() {
            return Err(BlobGone);
        }
        let now = activity_stamp(&tx).map_err(Failed)?;
        tx.execute(
            "INSERT OR IGNORE INTO blob (sha256, size, mime, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![ingested.sha256, ingested.size as i64, ingested.mime, now],
        )
        .map_err(|e| Failed(e.into()))?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM piece WHERE dossier_id = ?1 AND blob_sha256 = ?2",
                params![dossier_id, ingested.sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| Failed(e.into()))?;
        if let Some(id) = existing {
            tx.commit().map_err(|e| Failed(e.into()))?;
            return Ok((id, true));
        }
        let position: i64 = tx
            .query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM piece WHERE dossier_id = ?1",
                [dossier_id],
                |r| r.get(0),
            )
            .map_err(|e| Failed(e.into()))?;
        tx.execute(
            "INSERT INTO piece (dossier_id, blob_sha256, original_name, category, title, position, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                dossier_id,
                ingested.sha256,
                name,
                category::guess(name, &ingested.mime).as_str(),
                title_from_name(name),
                position,
                now
            ],
        )
        .map_err(|e| Failed(e.into()))?;
        let id = tx.last_insert_rowid();
        touch_dossier(&tx, dossier_id, &now).map_err(Failed)?;
        tx.commit().map_err(|e| Failed(e.into()))?;
        Ok((id, false))
    }

    /// Changes what a piece is called and when it is dated; its bytes never change.
    pub fn update_piece(&mut self, id: i64, edit: &PieceEdit) -> CoreResult<Piece> {
        let title = edit.title.trim();
        let mut errors = Vec::new();
        if title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Donnez un titre à la pièce. Exemple : « Facture du 12 mars ».".to_owned(),
            ));
        } else if title.chars().count() > 200 {
            errors.push(FieldError::new(
                "title",
                "Le titre dépasse 200 caractères.".to_owned(),
            ));
        }
        if edit.description.chars().count() > MAX_LONG {
            errors.push(FieldError::new(
                "description",
                format!("La description dépasse {MAX_LONG} caractères."),
            ));
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        let old = self.get_piece(id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute(
            "UPDATE piece SET category = ?2, title = ?3, description = ?4, document_date = ?5 WHERE id = ?1",
            params![id, edit.category.as_str(), title, edit.description.trim(), edit.document_date],
        )?;
        touch_dossier(&tx, old.dossier_id, &now)?;
        tx.commit()?;
        self.get_piece(id)
    }

    /// Removes a piece from its dossier; its file goes too when no other piece uses it.
    pub fn remove_piece(&mut self, id: i64) -> CoreResult<()> {
        let old = self.get_piece(id)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = activity_stamp(&tx)?;
        tx.execute("DELETE FROM piece WHERE id = ?1", [id])?;
        touch_dossier(&tx, old.dossier_id, &now)?;
        tx.commit()?;
        self.collect_unused_blobs()?;
        Ok(())
    }

    /// Deletes the blob rows no piece uses, then their files (a crash in between leaves an orphan
    /// file, which the integrity check reports).
    pub(crate) fn collect_unused_blobs(&mut self) -> CoreResult<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let unused: Vec<Sha256Hex> = {
            let mut stmt = tx.prepare(
                "SELECT sha256 FROM blob WHERE NOT EXISTS (SELECT 1 FROM piece WHERE blob_sha256 = blob.sha256)",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for sha in &unused {
            tx.execute("DELETE FROM blob WHERE sha256 = ?1", [sha])?;
        }
        tx.commit()?;
        for sha in &unused {
            self.remove_blob_if_unrecorded(sha)?;
        }
        Ok(unused.len())
    }

    /// Checks the store against the database: `full` hashes every blob again, otherwise only sizes
    /// and existence are checked (quick enough for every start). Temporary files are removed.
    pub fn check_integrity(&self, full: bool) -> CoreResult<IntegrityReport> {
        let blobs = self.blob_store();
        let mut report = IntegrityReport {
            full,
            ..Default::default()
        };
        let recorded: Vec<(Sha256Hex, i64)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT sha256, size FROM blob ORDER BY sha256")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let known: HashSet<&Sha256Hex> = recorded.iter().map(|(s, _)| s).collect();
        for (sha, size) in &recorded {
            report.blobs_checked += 1;
            match std::fs::metadata(blobs.path_of(sha)) {
                Err(_) => report.missing.push(sha.to_string()),
                Ok(meta) if meta.len() as i64 != *size => report.corrupt.push(sha.to_string()),
                Ok(_) if full => {
                    if blobs.rehash(sha).ok().as_ref() != Some(sha) {
                        report.corrupt.push(sha.to_string());
                    }
                }
                Ok(_) => {}
            }
        }
        for file in blobs.files() {
            match file {
                // Only the leftovers of a copy that died: another process may be copying right now.
                StoreFile::Temp(path) if blobs::is_stale_temp(&path) => {
                    if std::fs::remove_file(&path).is_ok() {
                        report.temp_files_removed.push(path.display().to_string());
                    }
                }
                StoreFile::Blob(sha, path) if !known.contains(&sha) => {
                    report.orphan_files.push(path.display().to_string())
                }
                StoreFile::Unknown(path) => report.orphan_files.push(path.display().to_string()),
                StoreFile::Blob(..) | StoreFile::Temp(_) => {}
            }
        }
        Ok(report)
    }
}
