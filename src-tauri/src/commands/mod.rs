//! The commands the page may call: thin wrappers that check arguments and hand over to the core.

pub mod app;
pub mod backup;
pub mod dossiers;
pub mod events;
pub mod export;
pub mod intake;
pub mod letters;
pub mod pieces;
pub mod platforms;
pub mod settings;
pub mod sites;
pub mod travel;

use crate::error::{IpcError, IpcResult};

/// Row ids come from the page: refuse anything that cannot be one.
pub(crate) fn valid_id(id: i64) -> IpcResult<i64> {
    if id > 0 {
        Ok(id)
    } else {
        Err(IpcError::new(
            "invalid_input",
            "Identifiant de dossier invalide.",
        ))
    }
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Opens a file or folder Rust chose with the system's viewer. End-to-end tests set
/// RECOURS_OPENED_URLS_FILE to log it instead.
pub(crate) fn open_path(path: &std::path::Path, failure: &str) -> IpcResult<()> {
    if let Some(log) = crate::test_env::var_os("RECOURS_OPENED_URLS_FILE") {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|_| IpcError::internal())?;
        return writeln!(file, "{}", path.display()).map_err(|_| IpcError::internal());
    }
    open::that_detached(path).map_err(|_| IpcError::new("open_failed", failure))
}
