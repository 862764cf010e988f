//! "Exporter le dossier": a folder or a ZIP holding 00-synthese.pdf, 01-bordereau-de-pieces.pdf and
//! every chosen piece as Piece-NN-<slug>.<ext>, in the chosen order. Each copy is hashed while it is
//! written and must match the SHA-256 printed on the bordereau; the result appears under its final
//! name only when complete.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use recours_core::evidence::blobs::{stream, BlobStore};
use recours_core::letters::docs::{self, export_entries, ExportEntry};
pub use recours_core::letters::docs::{ExportProgress, ExportReport};
use recours_core::store::DossierSnapshot;
use recours_core::{CoreError, CoreResult};

use crate::render;

pub const SUMMARY_NAME: &str = "00-synthese.pdf";
pub const BORDEREAU_NAME: &str = "01-bordereau-de-pieces.pdf";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A new folder is made inside this one.
    Folder(PathBuf),
    /// This ZIP file (replaced if it exists: the save dialog asked).
    Zip(PathBuf),
}

/// "Recours - Colis jamais livre - 2026-11-24"
pub fn export_name(snap: &DossierSnapshot) -> String {
    format!(
        "Recours-{}-{}",
        docs::slug(&snap.dossier.title),
        snap.today.format("%Y-%m-%d")
    )
}

/// The ZIP file for a name chosen in the save dialog. The dialog asked before replacing that very
/// name; a name without `.zip` gets it added, and if that other file exists, a free name is taken
/// (« … (2).zip ») rather than replace a file nobody confirmed.
pub fn zip_path_for(chosen: PathBuf) -> PathBuf {
    if chosen
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        return chosen;
    }
    let name = chosen
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_owned());
    let dir = chosen.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut candidate = dir.join(format!("{name}.zip"));
    let mut n = 2;
    while std::fs::symlink_metadata(&candidate).is_ok() {
        candidate = dir.join(format!("{name} ({n}).zip"));
        n += 1;
    }
    candidate
}

fn io_failure(what: &Path, e: &io::Error) -> CoreError {
    let reason = match e.kind() {
        io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        io::ErrorKind::StorageFull => "le disque est plein".to_owned(),
        _ => e.to_string(),
    };
    CoreError::Document(format!(
        "L'export a échoué sur « {} » : {reason}. Rien n'a été laissé à moitié écrit ; vos données ne sont pas touchées.",
        what.display()
    ))
}

/// Where the bytes go: files in a folder, or entries of a ZIP.
trait Sink {
    fn start(&mut self, name: &str, compress: bool) -> CoreResult<()>;
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
    fn finish_file(&mut self) -> io::Result<()>;
    /// Everything on disk (a ZIP writes its central directory here).
    fn close(self: Box<Self>) -> io::Result<()>;
}

struct FolderSink {
    dir: PathBuf,
    current: Option<BufWriter<File>>,
}

impl Sink for FolderSink {
    fn start(&mut self, name: &str, _compress: bool) -> CoreResult<()> {
        let path = self.dir.join(name);
        let file = File::create(&path).map_err(|e| io_failure(&path, &e))?;
        self.current = Some(BufWriter::with_capacity(1 << 20, file));
        Ok(())
    }
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.current {
            Some(w) => w.write_all(bytes),
            None => Err(io::Error::other("aucun fichier ouvert")),
        }
    }
    fn finish_file(&mut self) -> io::Result<()> {
        if let Some(w) = self.current.take() {
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        Ok(())
    }
    fn close(mut self: Box<Self>) -> io::Result<()> {
        self.finish_file()
    }
}

struct ZipSink {
    zip: zip::ZipWriter<BufWriter<File>>,
    prefix: String,
    /// Every entry is dated the day of the export (a ZIP stores no time zone).
    modified: zip::DateTime,
}

impl Sink for ZipSink {
    fn start(&mut self, name: &str, compress: bool) -> CoreResult<()> {
        let options = SimpleFileOptions::default()
            .compression_method(if compress {
                CompressionMethod::Deflated
            } else {
                CompressionMethod::Stored
            })
            .large_file(true)
            .last_modified_time(self.modified)
            .unix_permissions(0o644);
        self.zip
            .start_file(format!("{}/{name}", self.prefix), options)
            .map_err(|e| CoreError::Document(format!("L'export a échoué : {e}.")))
    }
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.zip.write_all(bytes)
    }
    fn finish_file(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn close(self: Box<Self>) -> io::Result<()> {
        let writer = self.zip.finish().map_err(io::Error::other)?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    }
}

/// Already-compressed formats are stored as they are; deflating them costs time for nothing.
fn worth_compressing(entry: &ExportEntry) -> bool {
    matches!(
        entry.piece.mime.as_str(),
        "text/plain" | "message/rfc822" | "text/html" | "application/octet-stream"
    )
}

/// Makes the export. `progress` is called often enough for a bar (every few megabytes).
pub fn export(
    snap: &DossierSnapshot,
    piece_ids: Option<&[i64]>,
    blobs: &BlobStore,
    target: &Target,
    progress: &mut dyn FnMut(ExportProgress),
) -> CoreResult<ExportReport> {
    let entries = export_entries(snap.select_pieces(piece_ids)?);
    let facts = snap.facts();
    let summary = render::summary(&docs::summary(&facts))?;
    let bordereau = render::bordereau(&docs::bordereau(&facts, &entries))?;
    let total: u64 = entries.iter().map(|e| e.piece.size).sum::<u64>()
        + (summary.len() + bordereau.len()) as u64;
    let name = export_name(snap);
    let (final_path, partial) = match target {
        Target::Folder(parent) => {
            let mut path = parent.join(&name);
            let mut n = 2;
            while path.exists() {
                path = parent.join(format!("{name} ({n})"));
                n += 1;
            }
            let partial = parent.join(format!(".{name}.partiel"));
            (path, partial)
        }
        Target::Zip(file) => {
            let dir = file.parent().unwrap_or_else(|| Path::new("."));
            let fname = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| format!("{name}.zip"));
            (file.clone(), dir.join(format!(".{fname}.partiel")))
        }
    };
    let _ = std::fs::remove_dir_all(&partial);
    let _ = std::fs::remove_file(&partial);
    let result = (|| -> CoreResult<u64> {
        let mut sink: Box<dyn Sink> = match target {
            Target::Folder(_) => {
                std::fs::create_dir_all(&partial).map_err(|e| io_failure(&partial, &e))?;
                Box::new(FolderSink {
                    dir: partial.clone(),
                    current: None,
                })
            }
            Target::Zip(_) => {
                let file = File::create(&partial).map_err(|e| io_failure(&partial, &e))?;
                Box::new(ZipSink {
                    zip: zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, file)),
                    prefix: name.clone(),
                    modified: zip_date(snap.today),
                })
            }
        };
        let mut done = 0u64;
        for (file_name, bytes) in [(SUMMARY_NAME, &summary), (BORDEREAU_NAME, &bordereau)] {
            sink.start(file_name, false)?;
            sink.write(bytes)
                .and_then(|_| sink.finish_file())
                .map_err(|e| io_failure(Path::new(file_name), &e))?;
            done += bytes.len() as u64;
        }
        for entry in &entries {
            progress(ExportProgress {
                done_bytes: done,
                total_bytes: total,
                current: entry.file_name.clone(),
            });
            let source = blobs.path_of(&entry.piece.sha256);
            let mut input = File::open(&source).map_err(|_| {
                CoreError::Document(format!(
                    "La pièce « {} » est introuvable dans le coffre : lancez la vérification des pièces. L'export est annulé.",
                    entry.piece.title
                ))
            })?;
            sink.start(&entry.file_name, worth_compressing(entry))?;
            let mut since_report = 0u64;
            let copied = stream(&mut input, |chunk| {
                sink.write(chunk)?;
                done += chunk.len() as u64;
                since_report += chunk.len() as u64;
                if since_report >= 8 << 20 {
                    since_report = 0;
                    progress(ExportProgress {
                        done_bytes: done,
                        total_bytes: total,
                        current: entry.file_name.clone(),
                    });
                }
                Ok(())
            })
            .map_err(|e| io_failure(Path::new(&entry.file_name), &e))?;
            sink.finish_file()
                .map_err(|e| io_failure(Path::new(&entry.file_name), &e))?;
            let hash = copied.sha256;
            if hash != entry.piece.sha256 {
                return Err(CoreError::Document(format!(
                    "La pièce « {} » n'a plus le contenu enregistré (empreinte différente) : elle n'est pas exportée. Lancez la vérification des pièces et ajoutez de nouveau l'original. L'export est annulé.",
                    entry.piece.title
                )));
            }
        }
        sink.close().map_err(|e| io_failure(&partial, &e))?;
        Ok(done)
    })();
    let done = match result {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, &final_path).map_err(|e| {
        let _ = std::fs::remove_dir_all(&partial);
        let _ = std::fs::remove_file(&partial);
        io_failure(&final_path, &e)
    })?;
    progress(ExportProgress {
        done_bytes: done,
        total_bytes: total,
        current: String::new(),
    });
    Ok(ExportReport {
        path: final_path.display().to_string(),
        pieces: entries.len(),
        bytes: done,
    })
}

fn zip_date(day: chrono::NaiveDate) -> zip::DateTime {
    use chrono::Datelike;
    zip::DateTime::from_date_and_time(
        u16::try_from(day.year()).unwrap_or(1980),
        day.month() as u8,
        day.day() as u8,
        12,
        0,
        0,
    )
    .unwrap_or_default()
}
