//! Remembers the window's size and place as soon as they change, not only when the window closes
//! cleanly: a session ended by a crash, a power cut or a logout still reopens where it was.
//! The window-state plugin keeps the figures; this only asks it to write them, once the window
//! has been still for a moment, from a thread of its own.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What is remembered of the window from one launch to the next.
pub const FLAGS: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// A resize by hand sends dozens of events a second: write once it has settled.
const SETTLE: Duration = Duration::from_millis(400);

/// Held in the app's state; `changed` is called on every move or resize.
pub struct WindowMemory {
    changes: Mutex<Sender<()>>,
    /// The page has asked for its first screen. The moves and resizes before it are the plugin
    /// putting the window back where it was: nothing new to write (nothing is written at start).
    page_up: AtomicBool,
}

impl WindowMemory {
    pub fn start<R: Runtime>(app: AppHandle<R>) -> WindowMemory {
        let (changed, changes) = mpsc::channel();
        std::thread::spawn(move || write_when_settled(app, changes));
        WindowMemory {
            changes: Mutex::new(changed),
            page_up: AtomicBool::new(false),
        }
    }

    pub fn changed(&self) {
        if !self.page_up.load(Ordering::Relaxed) {
            return;
        }
        let _ = self
            .changes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .send(());
    }

    /// Called by the page's first request: from now on, a move or a resize is the person's.
    pub fn page_up(&self) {
        self.page_up.store(true, Ordering::Relaxed);
    }
}

fn write_when_settled<R: Runtime>(app: AppHandle<R>, changes: Receiver<()>) {
    // Each turn waits for a first change, then for a quiet moment, then writes.
    while changes.recv().is_ok() {
        loop {
            match changes.recv_timeout(SETTLE) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        // Not being able to write this file only costs the window's place: nothing to tell.
        let _ = app.save_window_state(FLAGS);
    }
}
