use recours_core::dossier::{Dossier, DossierInput, DossierPage, DossierQuery, StatusChange};
use tauri::State;

use super::{today, valid_id};
use crate::error::IpcResult;
use crate::state::AppState;

/// A page of the list (the page asks for as many rows as it shows), with its counts.
#[tauri::command]
pub async fn list_dossiers(
    state: State<'_, AppState>,
    query: DossierQuery,
) -> IpcResult<DossierPage> {
    state
        .with_store(move |s| Ok(s.list_page(&query, today())?))
        .await
}

#[tauri::command]
pub async fn get_dossier(state: State<'_, AppState>, id: i64) -> IpcResult<Dossier> {
    let id = valid_id(id)?;
    state.with_store(move |s| Ok(s.get_dossier(id)?)).await
}

#[tauri::command]
pub async fn create_dossier(state: State<'_, AppState>, input: DossierInput) -> IpcResult<Dossier> {
    state
        .with_store(move |s| Ok(s.create_dossier(&input, today())?))
        .await
}

#[tauri::command]
pub async fn update_dossier(
    state: State<'_, AppState>,
    id: i64,
    input: DossierInput,
) -> IpcResult<Dossier> {
    let id = valid_id(id)?;
    state
        .with_store(move |s| Ok(s.update_dossier(id, &input, today())?))
        .await
}

#[tauri::command]
pub async fn set_dossier_status(
    state: State<'_, AppState>,
    id: i64,
    change: StatusChange,
) -> IpcResult<Dossier> {
    let id = valid_id(id)?;
    state
        .with_store(move |s| Ok(s.set_status(id, &change, today())?))
        .await
}

#[tauri::command]
pub async fn delete_dossier(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    let id = valid_id(id)?;
    state.with_store(move |s| Ok(s.delete_dossier(id)?)).await
}
