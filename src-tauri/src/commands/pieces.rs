//! Evidence commands. Paths never come from the page: files arrive through the drop event or the
//! file dialog, both staged by Rust under a token that the page confirms or cancels.

use std::path::PathBuf;

use base64::Engine;
use recours_core::evidence::blobs::display_name;
use recours_core::evidence::opening::{make_opened_copy, OpenOutcome};
use recours_core::evidence::preview::{self, PREVIEW_LIMIT};
use recours_core::evidence::staging::StagedDrop;
use recours_core::evidence::{AttachOutcome, IntegrityReport, Piece, PieceEdit};
use recours_core::store::ingest_source;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;

use super::valid_id;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

pub const PROGRESS_EVENT: &str = "recours://attach-progress";

#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub token: String,
    pub index: usize,
    pub total: usize,
    pub name: String,
    /// "copying" then "done"
    pub state: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachReport {
    pub name: String,
    pub outcome: AttachOutcome,
}

fn bad_token() -> IpcError {
    IpcError::new(
        "invalid_input",
        "Ces fichiers ne sont plus en attente : déposez-les à nouveau.",
    )
}

/// Opens the system's file dialog (from Rust) and stages what the person chose.
#[tauri::command]
pub async fn pick_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<StagedDrop>> {
    // End-to-end tests go through the same staging with files named here instead of a dialog.
    let paths: Option<Vec<PathBuf>> = match crate::test_env::var_os("RECOURS_TEST_PICK_FILES") {
        Some(list) => Some(std::env::split_paths(&list).collect()),
        None => tauri::async_runtime::spawn_blocking(move || {
            app.dialog()
                .file()
                .set_title("Ajouter des pièces au dossier")
                .blocking_pick_files()
                .map(|files| {
                    files
                        .into_iter()
                        .filter_map(|f| f.into_path().ok())
                        .collect()
                })
        })
        .await
        .map_err(|_| IpcError::internal())?,
    };
    Ok(paths
        .filter(|p| !p.is_empty())
        .map(|p| state.staging.stage(p)))
}

/// A staged folder is replaced by the files it holds (after the person agreed).
#[tauri::command]
pub fn stage_folder_contents(
    state: State<'_, AppState>,
    token: String,
    index: usize,
) -> IpcResult<StagedDrop> {
    state
        .staging
        .expand_folder(&token, index)
        .ok_or_else(bad_token)
}

#[tauri::command]
pub fn cancel_staged(state: State<'_, AppState>, token: String) {
    state.staging.take(&token);
}

/// Adds the staged files to a dossier, one by one, telling the page where it is.
#[tauri::command]
pub async fn attach_staged(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    dossier_id: i64,
) -> IpcResult<Vec<AttachReport>> {
    let id = valid_id(dossier_id)?;
    let paths = state.staging.take(&token).ok_or_else(bad_token)?;
    let total = paths.len();
    let mut reports = Vec::with_capacity(total);
    for (index, path) in paths.into_iter().enumerate() {
        let name = display_name(&path);
        let progress = |state| Progress {
            token: token.clone(),
            index,
            total,
            name: name.clone(),
            state,
        };
        let _ = app.emit(PROGRESS_EVENT, progress("copying"));
        let outcome = copy_into_store(&state, id, path)
            .await
            // One file's failure must not lose the results of the others.
            .unwrap_or_else(|e| AttachOutcome::Refused {
                name: name.clone(),
                code: e.0.code.clone(),
                message: e.0.message.clone(),
            });
        let _ = app.emit(PROGRESS_EVENT, progress("done"));
        reports.push(AttachReport { name, outcome });
    }
    crate::search_indexer::spawn(&app);
    Ok(reports)
}

/// Copies a file into the store and records it as a piece of the dossier. The copy runs outside the
/// store's lock: a large file does not hold up the rest of the app.
pub(crate) async fn copy_into_store(
    state: &State<'_, AppState>,
    id: i64,
    path: PathBuf,
) -> IpcResult<AttachOutcome> {
    let source = path.clone();
    let (blobs, limit, known_size) = state
        .with_store(move |s| {
            s.get_dossier(id)?;
            Ok((
                s.blob_store(),
                s.piece_limit_bytes()?,
                s.size_is_known(&source)?,
            ))
        })
        .await?;
    let source = path.clone();
    let ingested = tauri::async_runtime::spawn_blocking(move || {
        ingest_source(&blobs, &source, limit, known_size)
    })
    .await
    .map_err(|_| IpcError::internal())?;
    state
        .with_store(move |s| Ok(s.record_attachment(id, &path, ingested, limit)?))
        .await
}

#[tauri::command]
pub async fn list_pieces(state: State<'_, AppState>, dossier_id: i64) -> IpcResult<Vec<Piece>> {
    let id = valid_id(dossier_id)?;
    state.with_store(move |s| Ok(s.list_pieces(id)?)).await
}

#[tauri::command]
pub async fn update_piece(
    state: State<'_, AppState>,
    id: i64,
    edit: PieceEdit,
) -> IpcResult<Piece> {
    let id = valid_id(id)?;
    state
        .with_store(move |s| Ok(s.update_piece(id, &edit)?))
        .await
}

#[tauri::command]
pub async fn remove_piece(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    let id = valid_id(id)?;
    state.with_store(move |s| Ok(s.remove_piece(id)?)).await
}

/// A small preview of a piece (an image as it is, a PDF's first page drawn), as a data: URL (the
/// CSP allows data: images only). Drawing runs off the store's lock.
#[tauri::command]
pub async fn piece_preview(state: State<'_, AppState>, id: i64) -> IpcResult<Option<String>> {
    let id = valid_id(id)?;
    let (piece, path) = state
        .with_store(move |s| {
            let piece = s.get_piece(id)?;
            let path = s.blob_store().path_of(&piece.sha256);
            Ok((piece, path))
        })
        .await?;
    if piece.size > PREVIEW_LIMIT || !preview::has_thumbnail(&piece.mime) {
        return Ok(None);
    }
    let thumbnail = tauri::async_runtime::spawn_blocking(move || -> IpcResult<Option<String>> {
        let bytes = std::fs::read(path).map_err(|_| {
            IpcError::new(
                "missing",
                "Le fichier de cette pièce est introuvable : lancez la vérification des pièces.",
            )
        })?;
        Ok(preview::thumbnail(&piece.mime, bytes).map(|(mime, data)| {
            format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(data)
            )
        }))
    })
    .await
    .map_err(|_| IpcError::internal())??;
    Ok(thumbnail)
}

/// Opens a piece in the system's viewer: a fresh read-only copy with its original name made valid
/// everywhere (so the viewer knows its type), marked as downloaded; the stored file itself is never
/// handed out. A copy the system would run (a program, a script, a shortcut, a document with
/// macros) is not opened: its folder is shown, and the page says why.
#[tauri::command]
pub async fn open_piece(state: State<'_, AppState>, id: i64) -> IpcResult<OpenOutcome> {
    let id = valid_id(id)?;
    let copy = state
        .with_store(move |s| {
            let piece = s.get_piece(id)?;
            make_opened_copy(&s.blob_store(), s.data_dir(), &piece).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => IpcError::new(
                    "missing",
                    "Le fichier de cette pièce est introuvable : lancez la vérification des pièces.",
                ),
                std::io::ErrorKind::StorageFull => IpcError::new(
                    "disk_full",
                    "Le disque est plein : la pièce n'a pas pu être ouverte.",
                ),
                _ => IpcError::internal(),
            })
        })
        .await?;
    if copy.show_folder_only {
        let folder = copy
            .path
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default();
        super::open_path(&folder, "Aucun gestionnaire de fichiers n'a pu s'ouvrir.")?;
        return Ok(OpenOutcome::FolderShown);
    }
    super::open_path(&copy.path, "Aucun logiciel n'a pu ouvrir cette pièce.")?;
    Ok(OpenOutcome::Opened)
}

/// `full`: hash every file again (slow on many pieces); otherwise sizes and existence.
#[tauri::command]
pub async fn check_integrity(state: State<'_, AppState>, full: bool) -> IpcResult<IntegrityReport> {
    state
        .with_store(move |s| Ok(s.check_integrity(full)?))
        .await
}
