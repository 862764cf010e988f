//! "Exporter le dossier": the destination is chosen in a dialog opened by Rust (the page never names
//! a path); progress goes back through a channel for the bar.

use std::path::PathBuf;
use std::sync::Mutex;

use recours_documents::export::{
    export, export_name, zip_path_for, ExportProgress, ExportReport, Target,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{today, valid_id};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// The last export made, the only path `reveal_export` may open.
static LAST_EXPORT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Exports the chosen pieces (in the given order). Returns null when the person cancels the dialog.
#[tauri::command]
pub async fn export_dossier(
    app: AppHandle,
    state: State<'_, AppState>,
    dossier_id: i64,
    piece_ids: Vec<i64>,
    zip: bool,
    on_progress: Channel<ExportProgress>,
) -> IpcResult<Option<ExportReport>> {
    let id = valid_id(dossier_id)?;
    if piece_ids.len() > 100_000 {
        return Err(IpcError::new("invalid_input", "Trop de pièces choisies."));
    }
    let day = today();
    let (snap, blobs) = state
        .with_store(move |s| Ok((s.dossier_snapshot(id, day)?, s.blob_store())))
        .await?;
    let name = export_name(&snap);
    // End-to-end tests name a folder instead of answering a dialog.
    let target = match crate::test_env::var_os("RECOURS_TEST_EXPORT_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            Some(if zip {
                Target::Zip(dir.join(format!("{name}.zip")))
            } else {
                Target::Folder(dir)
            })
        }
        None => {
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || {
                let dialog = app.dialog().file().set_title("Exporter le dossier");
                if zip {
                    dialog
                        .set_file_name(format!("{name}.zip"))
                        .add_filter("Archive ZIP", &["zip"])
                        .blocking_save_file()
                        .and_then(|f| f.into_path().ok())
                        .map(|p| Target::Zip(zip_path_for(p)))
                } else {
                    dialog
                        .blocking_pick_folder()
                        .and_then(|f| f.into_path().ok())
                        .map(Target::Folder)
                }
            })
            .await
            .map_err(|_| IpcError::internal())?
        }
    };
    let Some(target) = target else {
        return Ok(None);
    };
    let report = tauri::async_runtime::spawn_blocking(move || {
        export(&snap, Some(&piece_ids), &blobs, &target, &mut |p| {
            let _ = on_progress.send(p);
        })
    })
    .await
    .map_err(|_| IpcError::internal())??;
    *LAST_EXPORT.lock().unwrap_or_else(|p| p.into_inner()) = Some(PathBuf::from(&report.path));
    Ok(Some(report))
}

/// Shows the last export in the file manager (its folder, or the folder holding the ZIP).
#[tauri::command]
pub fn reveal_export() -> IpcResult<()> {
    let last = LAST_EXPORT
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or_else(|| IpcError::new("invalid_input", "Aucun export à montrer."))?;
    let folder = if last.is_dir() {
        last
    } else {
        last.parent().map(PathBuf::from).unwrap_or(last)
    };
    super::open_path(&folder, "Aucun gestionnaire de fichiers n'a pu s'ouvrir.")
}
