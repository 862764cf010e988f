//! Backup, restore and the data folder. Paths come from dialogs opened by Rust, never from the page.

use std::path::PathBuf;

use recours_core::store::backup::{default_backup_name, BackupReport};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::today;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// "Sauvegarder": asks where (the save dialog proposes recours-AAAA-MM-JJ.recours), then writes it.
/// Null when the person cancels.
#[tauri::command]
pub async fn backup_data(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<BackupReport>> {
    let name = default_backup_name(today());
    // End-to-end tests name a folder instead of answering the dialog.
    let target: Option<PathBuf> = match crate::test_env::var_os("RECOURS_TEST_SAVE_DIR") {
        Some(dir) => Some(PathBuf::from(dir).join(&name)),
        None => tauri::async_runtime::spawn_blocking(move || {
            app.dialog()
                .file()
                .set_title("Sauvegarder les données de Recours")
                .set_file_name(name)
                .add_filter("Sauvegarde Recours", &["recours"])
                .blocking_save_file()
                .and_then(|f| f.into_path().ok())
        })
        .await
        .map_err(|_| IpcError::internal())?,
    };
    let Some(target) = target else {
        return Ok(None);
    };
    let report = state.with_store(move |s| Ok(s.backup_to(&target)?)).await?;
    Ok(Some(report))
}

/// "Restaurer": picks a .recours file, checks it whole, keeps the current data, replaces it and
/// reopens the database. Works when the database could not be opened. Null when the person cancels.
#[tauri::command]
pub async fn restore_data(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<BackupReport>> {
    let source: Option<PathBuf> = match crate::test_env::var_os("RECOURS_TEST_RESTORE_FILE") {
        Some(file) => Some(PathBuf::from(file)),
        None => tauri::async_runtime::spawn_blocking(move || {
            app.dialog()
                .file()
                .set_title("Restaurer une sauvegarde de Recours")
                .add_filter("Sauvegarde Recours", &["recours"])
                .blocking_pick_file()
                .and_then(|f| f.into_path().ok())
        })
        .await
        .map_err(|_| IpcError::internal())?,
    };
    let Some(source) = source else {
        return Ok(None);
    };
    let report = state.restore(source).await?;
    state.wake_reminders();
    Ok(Some(report))
}

/// Shows the data folder in the file manager.
#[tauri::command]
pub async fn reveal_data_dir(state: State<'_, AppState>) -> IpcResult<()> {
    let dir = state.with_store(|s| Ok(s.data_dir().to_path_buf())).await?;
    super::open_path(&dir, "Aucun gestionnaire de fichiers n'a pu s'ouvrir.")
}
