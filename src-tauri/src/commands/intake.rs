//! Intake: a staged document (dropped, or chosen in the dialog) read into a proposed dossier, and
//! the dossier created from it with the document as its first piece. The file's path comes from the
//! staging, never from the page; reading runs off the window's thread.

use std::path::PathBuf;

use recours_core::dossier::{Dossier, DossierInput};
use recours_core::events::{Event, EventInput};
use recours_core::evidence::category::Category;
use recours_core::evidence::{AttachOutcome, PieceEdit};
use recours_core::intake::{self, EventProposal, Proposal};
use recours_core::CoreError;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::{today, valid_id};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

fn not_staged() -> IpcError {
    IpcError::new(
        "invalid_input",
        "Ce document n'est plus en attente : déposez-le à nouveau.",
    )
}

/// Reads the staged document and proposes a dossier; nothing is saved.
#[tauri::command]
pub async fn propose_staged(
    state: State<'_, AppState>,
    token: String,
    index: usize,
) -> IpcResult<Proposal> {
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    tauri::async_runtime::spawn_blocking(move || -> IpcResult<Proposal> {
        let bytes = intake::read_file(&path)?;
        Ok(intake::propose(&bytes).map_err(CoreError::from)?)
    })
    .await
    .map_err(|_| IpcError::internal())?
}

#[derive(Debug, Clone, Serialize)]
pub struct CreatedFromDocument {
    pub dossier: Dossier,
    /// The document kept as the first piece (or why it could not be: the dossier exists anyway).
    pub piece: AttachOutcome,
}

/// Creates the dossier the person confirmed, then keeps the document as its first piece
/// (« confirmation de commande »).
#[tauri::command]
pub async fn create_from_document(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    index: usize,
    input: DossierInput,
) -> IpcResult<CreatedFromDocument> {
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    let dossier = state
        .with_store(move |s| Ok(s.create_dossier(&input, today())?))
        .await?;
    state.staging.take(&token);
    let piece = keep_as_piece(&state, dossier.id, path, Category::OrderConfirmation).await?;
    crate::search_indexer::spawn(&app);
    Ok(CreatedFromDocument { dossier, piece })
}

/// Copies a staged file into the store as a piece of the dossier, in the given category. The copy
/// runs outside the store's lock (as for any attached file).
async fn keep_as_piece(
    state: &State<'_, AppState>,
    id: i64,
    path: PathBuf,
    category: Category,
) -> IpcResult<AttachOutcome> {
    let outcome = super::pieces::copy_into_store(state, id, path).await?;
    let AttachOutcome::Stored { piece } = outcome else {
        return Ok(outcome);
    };
    let edit = PieceEdit {
        category,
        title: piece.title.clone(),
        description: piece.description.clone(),
        document_date: piece.document_date,
    };
    state
        .with_store(move |s| {
            Ok(AttachOutcome::Stored {
                piece: s.update_piece(piece.id, &edit)?,
            })
        })
        .await
}

/// An e-mail dropped on a dossier: the journal entry it proposes (the merchant's answer, or the
/// person's own complaint when it was sent from their address). Nothing is saved.
#[tauri::command]
pub async fn propose_event_staged(
    state: State<'_, AppState>,
    token: String,
    index: usize,
) -> IpcResult<EventProposal> {
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    let own = state.with_store(|s| Ok(s.sender()?.email)).await?;
    tauri::async_runtime::spawn_blocking(move || -> IpcResult<EventProposal> {
        let bytes = intake::read_file(&path)?;
        let doc = intake::read_document(&bytes).map_err(CoreError::from)?;
        let own = Some(own.trim()).filter(|o| !o.is_empty());
        intake::propose_event(&doc, own).ok_or_else(|| {
            IpcError::new(
                "document_refused",
                "Ce fichier n'est pas un e-mail enregistré (.eml) : ajoutez-le comme pièce.",
            )
        })
    })
    .await
    .map_err(|_| IpcError::internal())?
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordedEmail {
    pub event: Event,
    /// The e-mail kept as a piece (« correspondance »), or why it could not be.
    pub piece: AttachOutcome,
}

/// Records the journal entry the person confirmed, then keeps the e-mail itself as a piece.
#[tauri::command]
pub async fn record_email(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    index: usize,
    dossier_id: i64,
    input: EventInput,
) -> IpcResult<RecordedEmail> {
    let id = valid_id(dossier_id)?;
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    let event = state
        .with_store(move |s| Ok(s.add_event(id, &input, today())?))
        .await?;
    state.staging.take(&token);
    let piece = keep_as_piece(&state, id, path, Category::Correspondence).await?;
    crate::search_indexer::spawn(&app);
    Ok(RecordedEmail { event, piece })
}
