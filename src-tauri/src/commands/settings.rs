use recours_core::store::Settings;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

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

/// Whether to show the first-run welcome: never seen, and no dossier yet (someone upgrading is not
/// welcomed again). End-to-end tests that start from an empty folder set RECOURS_SKIP_WELCOME.
#[tauri::command]
pub async fn welcome_needed(state: State<'_, AppState>) -> IpcResult<bool> {
    if std::env::var_os("RECOURS_SKIP_WELCOME").is_some_and(|v| !v.is_empty()) {
        return Ok(false);
    }
    state
        // A count, not a listing: a listing assesses every dossier, at every start.
        .with_store(|s| Ok(!s.settings()?.welcome_done && s.count_dossiers()? == 0))
        .await
}
