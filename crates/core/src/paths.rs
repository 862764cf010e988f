//! Where Recours keeps its data: `RECOURS_DATA_DIR` when set (tests, portable use), else the
//! platform's app-data directory for the app's identifier — the same folder Tauri's path resolver gives.

use std::path::PathBuf;

/// Must match `identifier` in tauri.conf.json.
pub const APP_IDENTIFIER: &str = "org.recours.desktop";
pub const DATA_DIR_ENV: &str = "RECOURS_DATA_DIR";
pub const DATABASE_FILE: &str = "recours.sqlite3";
pub const BACKUP_DIR: &str = "sauvegardes";
/// Documents made for a dossier outside its pieces (the court forms' aids): `documents/<id>/`.
pub const DOCUMENTS_DIR: &str = "documents";

/// The override from the environment, if any (empty means unset).
pub fn data_dir_from_env() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The platform's default, e.g. `~/.local/share/org.recours.desktop` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}
