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
