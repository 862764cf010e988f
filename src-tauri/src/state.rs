//! The app's state: the store, opened once at start. If it cannot be opened (unusable folder, data
//! from a newer version), every command answers with that error so the page can explain it.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use recours_core::evidence::staging::Staging;
use recours_core::{ErrorPayload, Store};

use crate::error::{IpcError, IpcResult};

pub struct AppState {
    store: Result<Arc<Mutex<Store>>, ErrorPayload>,
    /// Files dropped or picked, waiting for the page to confirm them.
    pub staging: Staging,
    reminders: Mutex<Option<Sender<()>>>,
}

impl AppState {
    pub fn open(data_dir: Option<PathBuf>) -> AppState {
        let store = match data_dir {
            Some(dir) => Store::open(&dir)
                .map(|s| Arc::new(Mutex::new(s)))
                .map_err(|e| ErrorPayload::from(&e)),
            None => Err(ErrorPayload {
                code: "data_dir".into(),
                message: "Impossible de trouver le dossier de données de l'application. \
                          Définissez RECOURS_DATA_DIR pour en choisir un."
                    .into(),
                fields: Vec::new(),
            }),
        };
        AppState {
            store,
            staging: Staging::default(),
            reminders: Mutex::new(None),
        }
    }

    /// The opened store, for background work (reminders).
    pub fn store(&self) -> Option<Arc<Mutex<Store>>> {
        self.store.as_ref().ok().cloned()
    }

    pub fn set_reminder_waker(&self, waker: Sender<()>) {
        *self.reminders.lock().unwrap_or_else(|p| p.into_inner()) = Some(waker);
    }

    /// Asks the reminder thread to check now.
    pub fn wake_reminders(&self) {
        if let Some(waker) = self
            .reminders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            let _ = waker.send(());
        }
    }

    /// Runs `work` on the store off the main thread, so the window never waits on the disk.
    pub async fn with_store<T, F>(&self, work: F) -> IpcResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> IpcResult<T> + Send + 'static,
    {
        let store = self.store.clone().map_err(IpcError)?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command must not lock the person out of their dossiers.
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard)
        })
        .await
        .map_err(|_| IpcError::internal())?
    }
}
