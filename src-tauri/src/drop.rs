//! Files dragged onto the window: Rust receives their paths from Tauri's drag-and-drop event, stages
//! them under a one-time token, and tells the page only their names and sizes.

use std::path::PathBuf;

use recours_core::evidence::staging::StagedDrop;
use serde::Serialize;
use tauri::{DragDropEvent, Emitter, Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

pub const HOVER_EVENT: &str = "recours://drop-hover";
pub const STAGED_EVENT: &str = "recours://drop-staged";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hover {
    pub active: bool,
    pub count: usize,
}

/// What a drag-and-drop event means for the page: a hover change, or files to stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropOutcome {
    Hover(Hover),
    Stage(Vec<PathBuf>),
}

/// Pure handling of the event, tested without a window.
pub fn handle(event: &DragDropEvent) -> Option<DropOutcome> {
    match event {
        DragDropEvent::Enter { paths, .. } => Some(DropOutcome::Hover(Hover {
            active: true,
            count: paths.len(),
        })),
        DragDropEvent::Leave => Some(DropOutcome::Hover(Hover {
            active: false,
            count: 0,
        })),
        DragDropEvent::Drop { paths, .. } if !paths.is_empty() => {
            Some(DropOutcome::Stage(paths.clone()))
        }
        DragDropEvent::Drop { .. } => Some(DropOutcome::Hover(Hover {
            active: false,
            count: 0,
        })),
        _ => None,
    }
}

/// Called on the window's thread: staging looks at every file (and counts those of a folder), so it
/// runs on a thread of its own and the window never freezes on a large drop.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::DragDrop(drag) = event {
        match handle(drag) {
            Some(DropOutcome::Hover(h)) => {
                let _ = window.emit(HOVER_EVENT, h);
            }
            Some(DropOutcome::Stage(paths)) => {
                let _ = window.emit(
                    HOVER_EVENT,
                    Hover {
                        active: false,
                        count: 0,
                    },
                );
                let window = window.clone();
                std::thread::spawn(move || {
                    if let Some(state) = window.try_state::<AppState>() {
                        let staged: StagedDrop = state.staging.stage(paths);
                        let _ = window.emit(STAGED_EVENT, staged);
                    }
                });
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recours_core::evidence::staging::Staging;
    use tauri::PhysicalPosition;

    #[test]
    fn a_drop_stages_the_files_and_the_page_gets_names_only() {
        let dir = tempfile::tempdir().expect("temp");
        let file = dir.path().join("Facture.pdf");
        std::fs::write(&file, b"%PDF-1.4").expect("write");
        let staging = Staging::default();
        let position = PhysicalPosition::new(10.0, 20.0);

        let enter = DragDropEvent::Enter {
            paths: vec![file.clone()],
            position,
        };
        assert_eq!(
            handle(&enter),
            Some(DropOutcome::Hover(Hover {
                active: true,
                count: 1
            }))
        );
        let drop = DragDropEvent::Drop {
            paths: vec![file.clone()],
            position,
        };
        let Some(DropOutcome::Stage(paths)) = handle(&drop) else {
            panic!("the drop must stage the file");
        };
        let staged = staging.stage(paths);
        assert_eq!(staged.files[0].name, "Facture.pdf");
        assert_eq!(staged.files[0].size, 8);
        let json = serde_json::to_string(&staged).expect("json");
        assert!(!json.contains(&dir.path().display().to_string()));
        assert_eq!(staging.take(&staged.token), Some(vec![file]));
        assert_eq!(
            handle(&DragDropEvent::Leave),
            Some(DropOutcome::Hover(Hover {
                active: false,
                count: 0
            }))
        );
    }
}
