//! The app's state: the store, opened at start. If it cannot be opened (unusable folder, broken
//! database, data from a newer version), every command answers with that error so the page can
//! explain it, and a backup can still be restored: the restore needs no open store, and the store
//! is opened again afterwards.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use recours_core::evidence::staging::Staging;
use recours_core::store::backup::BackupReport;
use recours_core::store::restore;
use recours_core::{ErrorPayload, Store};

use crate::error::{IpcError, IpcResult};

/// The open store, or why there is none.
pub type StoreSlot = Arc<Mutex<Result<Store, ErrorPayload>>>;

pub struct AppState {
    data_dir: Option<PathBuf>,
    slot: StoreSlot,
    /// Files dropped or picked, waiting for the page to confirm them.
    pub staging: Staging,
    reminders: Mutex<Option<Sender<()>>>,
    /// What opening the store repaired, told once to the page.
    notice: Mutex<Option<String>>,
}

fn no_data_dir() -> ErrorPayload {
    ErrorPayload {
        code: "data_dir".into(),
        message: "Impossible de trouver le dossier de données de l'application. \
                  Définissez RECOURS_DATA_DIR pour en choisir un."
            .into(),
        fields: Vec::new(),
    }
}

fn open(data_dir: &Option<PathBuf>) -> Result<Store, ErrorPayload> {
    match data_dir {
        Some(dir) => Store::open(dir).map_err(|e| ErrorPayload::from(&e)),
        None => Err(no_data_dir()),
    }
}

impl AppState {
    pub fn open(data_dir: Option<PathBuf>) -> AppState {
        let store = open(&data_dir);
        let notice = store
            .as_ref()
            .ok()
            .and_then(|s| s.recovery_note().map(str::to_owned));
        AppState {
            data_dir,
            slot: Arc::new(Mutex::new(store)),
            staging: Staging::default(),
            reminders: Mutex::new(None),
            notice: Mutex::new(notice),
        }
    }

    /// The store's slot, for background work (reminders).
    pub fn slot(&self) -> StoreSlot {
        self.slot.clone()
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

    /// What opening the store repaired, once.
    pub fn take_notice(&self) -> Option<String> {
        self.notice.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// Runs `work` on the store off the main thread, so the window never waits on the disk.
    pub async fn with_store<T, F>(&self, work: F) -> IpcResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> IpcResult<T> + Send + 'static,
    {
        let slot = self.slot.clone();
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command must not lock the person out of their dossiers.
            let mut guard = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match &mut *guard {
                Ok(store) => work(store),
                Err(why) => Err(IpcError(why.clone())),
            }
        })
        .await
        .map_err(|_| IpcError::internal())?
    }

    /// Restores a backup: the store lets go of the data (its connection and its share of the lock)
    /// for the time of the restore, and is opened again afterwards, whether the restore was made or
    /// refused. Works when the store could not be opened at all.
    pub async fn restore(&self, backup: PathBuf) -> IpcResult<BackupReport> {
        let slot = self.slot.clone();
        let data_dir = self
            .data_dir
            .clone()
            .ok_or_else(|| IpcError(no_data_dir()))?;
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            *guard = Err(ErrorPayload {
                code: "busy".into(),
                message: "Restauration en cours…".into(),
                fields: Vec::new(),
            });
            let result = restore::restore(&data_dir, &backup);
            *guard = open(&Some(data_dir));
            result.map_err(IpcError::from)
        })
        .await
        .map_err(|_| IpcError::internal())?
    }
}
