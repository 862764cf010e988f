use recours_core::info::AppInfo;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> IpcResult<AppInfo> {
    state
        .with_store(|s| {
            Ok(AppInfo {
                version: env!("CARGO_PKG_VERSION").to_owned(),
                data_dir: s.data_dir().display().to_string(),
                schema_version: s.schema_version()?,
            })
        })
        .await
}

/// The page calls this once the dossier list is painted, with its own milestones of the start
/// (epoch milliseconds). The startup benchmark sets `RECOURS_READY_FILE` to learn when that
/// happened, and `RECOURS_STARTUP_TRACE` for the milestones; otherwise it does nothing more.
#[tauri::command]
pub fn app_ready(app: tauri::AppHandle, marks: Option<Vec<(String, f64)>>) {
    crate::startup_trace::write(&marks.unwrap_or_default());
    crate::startup_trace::mark("ready");
    // The first screen is up: the pieces' files not yet read for search are read now, quietly.
    crate::search_indexer::spawn(&app);
    if let Some(path) = crate::test_env::var_os("RECOURS_READY_FILE") {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        // Best effort: a benchmark that cannot read the file will say so itself.
        let _ = std::fs::write(path, millis.to_string());
    }
}

/// What opening the data repaired (an interrupted restore finished or undone), once; null otherwise.
#[tauri::command]
pub fn startup_notice(state: State<'_, AppState>) -> Option<String> {
    state.take_notice()
}
