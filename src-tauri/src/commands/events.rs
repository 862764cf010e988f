use recours_core::events::{Event, EventInput};
use recours_core::rules::model::Assessment;
use tauri::State;

use super::{today, valid_id};
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_events(state: State<'_, AppState>, dossier_id: i64) -> IpcResult<Vec<Event>> {
    let id = valid_id(dossier_id)?;
    state.with_store(move |s| Ok(s.list_events(id)?)).await
}

#[tauri::command]
pub async fn add_event(
    state: State<'_, AppState>,
    dossier_id: i64,
    input: EventInput,
) -> IpcResult<Event> {
    let id = valid_id(dossier_id)?;
    state
        .with_store(move |s| Ok(s.add_event(id, &input, today())?))
        .await
}

#[tauri::command]
pub async fn update_event(
    state: State<'_, AppState>,
    id: i64,
    input: EventInput,
) -> IpcResult<Event> {
    let id = valid_id(id)?;
    state
        .with_store(move |s| Ok(s.update_event(id, &input, today())?))
        .await
}

#[tauri::command]
pub async fn delete_event(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    let id = valid_id(id)?;
    state.with_store(move |s| Ok(s.delete_event(id)?)).await
}

/// Where the dossier stands today: the same `assess` as `recours-cli assess --dossier`.
#[tauri::command]
pub async fn assess_dossier(state: State<'_, AppState>, id: i64) -> IpcResult<Assessment> {
    let id = valid_id(id)?;
    state
        .with_store(move |s| Ok(s.assess_dossier(id, today())?))
        .await
}
