//! Recours core: everything that is not the window. Dossiers, their storage in SQLite, and (later)
//! the legal rules, evidence and letters. No Tauri here, so tests and `recours-cli` use it directly.

pub mod bindings;
pub mod countries;
pub mod dossier;
pub mod error;
pub mod events;
pub mod evidence;
pub mod fsx;
pub mod hooks;
pub mod info;
pub mod intake;
pub mod json_input;
pub mod letters;
pub mod paths;
pub mod platforms;
pub mod rules;
pub mod store;

pub use error::{CoreError, CoreResult, ErrorPayload, FieldError};
pub use store::Store;
