use recours_core::dossier::DossierQuery;
use recours_core::store::{Settings, StartScreen};
use tauri::State;

use super::today;
use crate::error::IpcResult;
use crate::state::AppState;
use crate::window_memory::WindowMemory;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> IpcResult<Settings> {
    state.with_store(|s| Ok(s.settings()?)).await
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> IpcResult<Settings> {
    let saved = state
        .with_store(move |s| Ok(s.save_settings(&settings)?))
        .await?;
    // Turning reminders on shows what is already due, without waiting for the next check.
    state.wake_reminders();
    Ok(saved)
}

/// The first screen in one call, asked before the window's app mounts: the list's first page and
/// whether to show the first-run welcome (never seen, and no dossier yet: someone upgrading is not
/// welcomed again). Counts only, never an assessment of every dossier. End-to-end tests that start
/// from an empty folder set RECOURS_SKIP_WELCOME.
#[tauri::command]
pub async fn start_screen(
    state: State<'_, AppState>,
    memory: State<'_, WindowMemory>,
    query: DossierQuery,
) -> IpcResult<StartScreen> {
    crate::startup_trace::mark("ipc:start_screen");
    memory.page_up();
    let skip = std::env::var_os("RECOURS_SKIP_WELCOME").is_some_and(|v| !v.is_empty());
    state
        .with_store(move |s| {
            let mut start = s.start_screen(&query, today())?;
            start.welcome_needed &= !skip;
            crate::startup_trace::mark("ipc:start_screen:read");
            Ok(start)
        })
        .await
}
