//! Intake: a staged document (dropped, or chosen in the dialog) read into a proposed dossier, and
//! the dossier created from it with the document as its first piece. The file's path comes from the
//! staging, never from the page; reading runs off the window's thread.

use std::path::PathBuf;

use recours_core::dossier::{Dossier, DossierInput};
use recours_core::events::{Event, EventInput};
use recours_core::evidence::category::Category;
use recours_core::evidence::{AttachOutcome, PieceEdit};
use recours_core::intake::{self, Attachment, EventProposal, Proposal};
use recours_core::CoreError;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::pieces::AttachReport;
use super::{today, valid_id};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

fn not_staged() -> IpcError {
    IpcError::new(
        "invalid_input",
        "Ce document n'est plus en attente : déposez-le à nouveau.",
    )
}

pub const PROGRESS_EVENT: &str = "recours://intake-progress";

/// How far the reading of a long document is (a PDF's pages).
#[derive(Debug, Clone, Serialize)]
pub struct ReadProgress {
    pub token: String,
    pub read: usize,
    pub total: usize,
}

/// Reads the staged document and proposes a dossier; nothing is saved. A PDF of several pages
/// reports each page read.
#[tauri::command]
pub async fn propose_staged(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    index: usize,
) -> IpcResult<Proposal> {
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    tauri::async_runtime::spawn_blocking(move || -> IpcResult<Proposal> {
        let bytes = intake::read_file(&path)?;
        let mut on_page = |read: usize, total: usize| {
            if total > 1 {
                let token = token.clone();
                let _ = app.emit(PROGRESS_EVENT, ReadProgress { token, read, total });
            }
        };
        let doc = intake::read_document_with(&bytes, &mut on_page).map_err(CoreError::from)?;
        Ok(intake::propose_from(&doc))
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
    /// The attachments the person chose, each kept as a piece of its own (or why not).
    pub attachments: Vec<AttachReport>,
}

/// Records the journal entry the person confirmed, keeps the e-mail itself as a piece, and each
/// attachment the person ticked (by its place in the proposal's list) as a piece of its own.
#[tauri::command]
pub async fn record_email(
    app: AppHandle,
    state: State<'_, AppState>,
    token: String,
    index: usize,
    dossier_id: i64,
    input: EventInput,
    mut attachments: Vec<usize>,
) -> IpcResult<RecordedEmail> {
    let id = valid_id(dossier_id)?;
    attachments.sort_unstable();
    attachments.dedup();
    let path = state.staging.peek(&token, index).ok_or_else(not_staged)?;
    // The attachments are taken out before anything is saved: a wrong choice changes nothing.
    let source = path.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || -> IpcResult<Vec<Attachment>> {
        if attachments.is_empty() {
            return Ok(Vec::new());
        }
        let bytes = intake::read_file(&source)?;
        let doc = intake::read_document(&bytes).map_err(CoreError::from)?;
        let mut all = doc.email.map(|e| e.attachments).unwrap_or_default();
        let mut picked = Vec::new();
        for i in attachments {
            let attachment = all.get_mut(i).ok_or_else(|| {
                IpcError::new(
                    "invalid_input",
                    "Cette pièce jointe n'est pas dans l'e-mail.",
                )
            })?;
            picked.push(std::mem::take(attachment));
        }
        Ok(picked)
    })
    .await
    .map_err(|_| IpcError::internal())??;
    let event = state
        .with_store(move |s| Ok(s.add_event(id, &input, today())?))
        .await?;
    state.staging.take(&token);
    let piece = keep_as_piece(&state, id, path, Category::Correspondence).await?;
    let mut kept = Vec::new();
    for attachment in chosen {
        let name = attachment.name.clone();
        let outcome = state
            .with_store(move |s| {
                let limit = s.piece_limit_bytes()?;
                Ok(s.attach_bytes(id, &attachment.name, &attachment.bytes, limit)?)
            })
            .await?;
        kept.push(AttachReport { name, outcome });
    }
    crate::search_indexer::spawn(&app);
    Ok(RecordedEmail {
        event,
        piece,
        attachments: kept,
    })
}
