//! Letters and court field sheets. The page sends a dossier id, a letter kind and the edited text;
//! Rust composes, typesets (outside the store's lock) and keeps the PDF as a piece.

use recours_core::evidence::Piece;
use recours_core::letters::docs::{field_sheet, CourtForm};
use recours_core::letters::kinds::LetterOption;
use recours_core::letters::{LetterDraft, LetterEdit, LetterKind, SavedLetterEdit};
use recours_documents::letters::{letter_pdf, save_letter_piece, write_new_file};
use recours_documents::render;
use tauri::State;

use super::{today, valid_id};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

#[tauri::command]
pub async fn letter_options(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> IpcResult<Vec<LetterOption>> {
    let id = valid_id(dossier_id)?;
    state
        .with_store(move |s| Ok(LetterOption::for_dossier(&s.get_dossier(id)?)))
        .await
}

#[tauri::command]
pub async fn draft_letter(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: LetterKind,
) -> IpcResult<LetterDraft> {
    let id = valid_id(dossier_id)?;
    state
        .with_store(move |s| Ok(s.draft_letter(id, kind, today())?))
        .await
}

/// Keeps the person's edit, so that closing the window or the app never loses it.
#[tauri::command]
pub async fn save_letter_edit(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: LetterKind,
    edit: LetterEdit,
) -> IpcResult<SavedLetterEdit> {
    let id = valid_id(dossier_id)?;
    state
        .with_store(move |s| Ok(s.save_letter_edit(id, kind, &edit)?))
        .await
}

/// Forgets the person's edit: « Repartir du texte proposé ».
#[tauri::command]
pub async fn discard_letter_edit(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: LetterKind,
) -> IpcResult<()> {
    let id = valid_id(dossier_id)?;
    state
        .with_store(move |s| Ok(s.discard_letter_edit(id, kind)?))
        .await
}

/// Typesets the edited letter and keeps it in the dossier; returns the new piece.
#[tauri::command]
pub async fn produce_letter(
    state: State<'_, AppState>,
    dossier_id: i64,
    kind: LetterKind,
    edit: LetterEdit,
) -> IpcResult<Piece> {
    let id = valid_id(dossier_id)?;
    let day = today();
    let snap = state
        .with_store(move |s| Ok(s.dossier_snapshot(id, day)?))
        .await?;
    let (draft, pdf) =
        tauri::async_runtime::spawn_blocking(move || letter_pdf(&snap, kind, Some(&edit)))
            .await
            .map_err(|_| IpcError::internal())??;
    state
        .with_store(move |s| Ok(save_letter_piece(s, id, &draft, &pdf, day)?))
        .await
}

/// Makes the "aide au remplissage" of a court form and opens it in the system's PDF viewer.
#[tauri::command]
pub async fn open_field_sheet(
    state: State<'_, AppState>,
    dossier_id: i64,
    form: CourtForm,
) -> IpcResult<()> {
    let id = valid_id(dossier_id)?;
    let day = today();
    let (snap, dir) = state
        .with_store(move |s| Ok((s.dossier_snapshot(id, day)?, s.documents_dir(id))))
        .await?;
    let path = tauri::async_runtime::spawn_blocking(move || -> IpcResult<std::path::PathBuf> {
        let pdf = render::field_sheet(&field_sheet(form, &snap.facts(), &snap.pieces))?;
        recours_core::fsx::create_private_dir_all(&dir).map_err(|_| {
            IpcError::new(
                "document",
                "Impossible de préparer le document (dossier de données).",
            )
        })?;
        let path = dir.join(format!(
            "Aide-{}-{}.pdf",
            form.as_str(),
            day.format("%Y-%m-%d")
        ));
        write_new_file(&path, &pdf)?;
        Ok(path)
    })
    .await
    .map_err(|_| IpcError::internal())??;
    super::open_path(&path, "Aucun logiciel n'a pu ouvrir le PDF.")
}
