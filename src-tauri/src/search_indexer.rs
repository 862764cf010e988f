//! The pieces' files read into the search index in the background: once the first screen is painted,
//! and after files are added. Each file is read outside the store's lock, so the window never waits
//! for a long PDF; a file that cannot be read is recorded as having no text (never read again).

use recours_core::store::search::read_piece_text;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// Pieces read per turn of the store's lock.
const BATCH: u32 = 16;

async fn index_pending(state: &AppState) {
    loop {
        let Ok((todo, blobs)) = state
            .with_store(|s| Ok((s.pieces_without_text(BATCH)?, s.blob_store())))
            .await
        else {
            return;
        };
        if todo.is_empty() {
            return;
        }
        for (id, sha256, size) in todo {
            let blobs = blobs.clone();
            let text = tauri::async_runtime::spawn_blocking(move || {
                read_piece_text(&blobs, &sha256, size)
            })
            .await
            .unwrap_or_default();
            if state
                .with_store(move |s| Ok(s.save_piece_text(id, &text)?))
                .await
                .is_err()
            {
                return;
            }
        }
    }
}

/// Starts reading what is not indexed yet, without waiting for it.
pub fn spawn<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        if let Some(state) = app.try_state::<AppState>() {
            index_pending(&state).await;
        }
    });
}
