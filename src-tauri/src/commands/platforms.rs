//! The directory of platforms, for the new-dossier form, and the sources of its entries. A source
//! address comes from Recours' own compiled data (never from the page), and only an https one opens.

use recours_core::platforms::{self, PlatformEntry};
use serde::Deserialize;

use crate::error::{IpcError, IpcResult};

#[tauri::command]
pub fn platform_directory() -> Vec<PlatformEntry> {
    platforms::directory().to_vec()
}

/// Which fact of an entry to show the source of.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Entity,
    Country,
    Address,
    Marketplace,
    Sellers,
    Protection,
}

#[tauri::command]
pub fn open_platform_source(id: String, fact: Fact) -> IpcResult<()> {
    let entry = platforms::by_id(&id)
        .ok_or_else(|| IpcError::new("invalid_input", "Plateforme inconnue."))?;
    let source = match fact {
        Fact::Entity => entry.entity.source.clone(),
        Fact::Country => entry.country.source.clone(),
        Fact::Address => entry.address.source.clone(),
        Fact::Marketplace => entry.marketplace.source.clone(),
        Fact::Sellers => entry.sellers.source.clone(),
        Fact::Protection => entry.protection.as_ref().map(|p| p.source.clone()),
    }
    .filter(|url| url.starts_with("https://"))
    .ok_or_else(|| {
        IpcError::new(
            "not_allowed",
            "Cette source n'a pas d'adresse sûre (https) : elle n'est pas ouverte.",
        )
    })?;
    super::sites::open_url(&source)
}
