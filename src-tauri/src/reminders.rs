//! Desktop reminders (opt-in): checked at start, then every hour so that a new day is noticed, and
//! at once when the person turns them on. Each deadline is announced once (the core remembers).

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use recours_core::dossier::validate::fr_date;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

use crate::state::StoreSlot;

pub fn run(app: AppHandle, store: StoreSlot, wake: Receiver<()>) {
    loop {
        check(&app, &store);
        match wake.recv_timeout(CHECK_EVERY) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
}

fn check(app: &AppHandle, slot: &StoreSlot) {
    let due = {
        let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
        // No store (it could not be opened, or a restore is under way): nothing to remind.
        let Ok(store) = &mut *guard else {
            return;
        };
        if !store.reminders_enabled().unwrap_or(false) {
            return;
        }
        store
            .take_due_reminders(chrono::Local::now().date_naive())
            .unwrap_or_default()
    };
    for r in due {
        // No notification service (e.g. a bare X server): nothing else to do, the page shows deadlines.
        let _ = app
            .notification()
            .builder()
            .title(format!("Recours : échéance le {}", fr_date(r.date)))
            .body(format!("{} — {}", r.dossier_title, r.label))
            .show();
    }
}
