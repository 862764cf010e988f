//! The commands the page may call: thin wrappers that check arguments and hand over to the core.

pub mod app;
pub mod dossiers;
pub mod events;
pub mod pieces;
pub mod settings;
pub mod sites;

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
