//! Opening official websites and legal sources. The page names a site (an enum) or a rule (an id);
//! Rust picks the address and checks it against the allowlist before anything is opened.

use recours_core::rules::{law, sites};
use tauri::State;

use super::valid_id;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

fn open_checked(url: &str) -> IpcResult<()> {
    if !sites::is_allowed(url) {
        return Err(IpcError::new(
            "not_allowed",
            "Recours n'ouvre que des sites officiels connus.",
        ));
    }
    open_url(url)
}

/// Opens an address Rust chose (an official site, or a source from Recours' own data).
pub(crate) fn open_url(url: &str) -> IpcResult<()> {
    // Tests (and the curious) can see what would open instead of launching a browser.
    if let Some(log) = crate::test_env::var_os("RECOURS_OPENED_URLS_FILE") {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|_| IpcError::internal())?;
        return writeln!(file, "{url}").map_err(|_| IpcError::internal());
    }
    open::that_detached(url).map_err(|_| {
        IpcError::new(
            "open_failed",
            format!("Le navigateur n'a pas pu être ouvert. Adresse à copier : {url}"),
        )
    })
}

/// Opens an official website; La Poste tracking gets the dossier's registered-letter number.
#[tauri::command]
pub async fn open_site(
    state: State<'_, AppState>,
    site: sites::OfficialSite,
    dossier_id: Option<i64>,
) -> IpcResult<()> {
    let tracking = match (site, dossier_id) {
        (sites::OfficialSite::LaPosteTracking, Some(id)) => {
            let id = valid_id(id)?;
            state
                .with_store(move |s| {
                    // The latest registered letter of the dossier (events come in date order).
                    Ok(s.list_events(id)?
                        .into_iter()
                        .rev()
                        .find_map(|e| e.tracking_number))
                })
                .await?
        }
        _ => None,
    };
    open_checked(&site.url(tracking.as_deref()))
}

/// Opens the source of a rule of the rules table.
#[tauri::command]
pub fn open_source(rule: String) -> IpcResult<()> {
    let found = law::RULES
        .iter()
        .find(|r| r.id == rule)
        .ok_or_else(|| IpcError::new("invalid_input", "Source inconnue."))?;
    open_checked(found.url)
}
