//! Files offered by a drop or a file dialog wait here under a one-time token: the page only ever
//! confirms or cancels a token, it never hands Rust a path to read.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::blobs::display_name;
use serde::Serialize;
use ts_rs::TS;

/// How many files one drop may offer (a guard against dropping a whole disk's worth of paths).
pub const MAX_STAGED: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StagedKind {
    File,
    Folder,
    Other,
}

/// What the page may know of an offered file: its name and size, never its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StagedFile {
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub kind: StagedKind,
    /// For a folder: how many files it holds directly.
    #[ts(type = "number")]
    pub files_inside: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StagedDrop {
    pub token: String,
    pub files: Vec<StagedFile>,
    /// Files offered beyond the first `MAX_STAGED`, left out (the page says so).
    #[ts(type = "number")]
    pub left_out: usize,
}

#[derive(Default)]
pub struct Staging {
    staged: Mutex<HashMap<String, Vec<PathBuf>>>,
}

fn new_token() -> String {
    // Two keys from the process's random hasher state, plus the time: unguessable enough for a
    // token that only this process hands out and accepts once.
    let state = std::collections::hash_map::RandomState::new();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut a = state.build_hasher();
    a.write_u128(nanos);
    let mut b = std::collections::hash_map::RandomState::new().build_hasher();
    b.write_u64(a.finish());
    format!("{:016x}{:016x}", a.finish(), b.finish())
}

fn describe(path: &Path) -> StagedFile {
    let name = display_name(path);
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => StagedFile {
            name,
            size: 0,
            kind: StagedKind::Folder,
            files_inside: files_in(path).len(),
        },
        Ok(m) if m.is_file() => StagedFile {
            name,
            size: m.len(),
            kind: StagedKind::File,
            files_inside: 0,
        },
        Ok(_) | Err(_) => StagedFile {
            name,
            size: 0,
            kind: StagedKind::Other,
            files_inside: 0,
        },
    }
}

/// The regular files directly inside a folder, sorted by name.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| {
            it.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

impl Staging {
    /// Stages paths and returns what the page may show of them.
    pub fn stage(&self, paths: Vec<PathBuf>) -> StagedDrop {
        let left_out = paths.len().saturating_sub(MAX_STAGED);
        let paths: Vec<PathBuf> = paths.into_iter().take(MAX_STAGED).collect();
        let files = paths.iter().map(|p| describe(p)).collect();
        let token = new_token();
        self.staged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token.clone(), paths);
        StagedDrop {
            token,
            files,
            left_out,
        }
    }

    /// One staged path, left staged (a document read for a proposal is attached once confirmed).
    pub fn peek(&self, token: &str, index: usize) -> Option<PathBuf> {
        self.staged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(token)?
            .get(index)
            .cloned()
    }

    /// Takes the paths of a token (once).
    pub fn take(&self, token: &str) -> Option<Vec<PathBuf>> {
        self.staged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(token)
    }

    /// Replaces a staged folder by the files inside it (the person agreed to add them).
    pub fn expand_folder(&self, token: &str, index: usize) -> Option<StagedDrop> {
        let folder = {
            let mut staged = self.staged.lock().unwrap_or_else(|p| p.into_inner());
            // A wrong index leaves the token as it was.
            let folder = staged.get(token)?.get(index)?.clone();
            staged.remove(token);
            folder
        };
        Some(self.stage(files_in(&folder)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_used_once_and_reveals_no_path() {
        let dir = tempfile::tempdir().expect("temp");
        let file = dir.path().join("facture.pdf");
        std::fs::write(&file, b"%PDF").expect("write");
        let folder = dir.path().join("photos");
        std::fs::create_dir(&folder).expect("dir");
        std::fs::write(folder.join("1.jpg"), b"x").expect("write");
        std::fs::write(folder.join("2.jpg"), b"y").expect("write");

        let staging = Staging::default();
        let drop = staging.stage(vec![file.clone(), folder.clone()]);
        assert_eq!(drop.token.len(), 32);
        assert_eq!(
            drop.files[0],
            StagedFile {
                name: "facture.pdf".into(),
                size: 4,
                kind: StagedKind::File,
                files_inside: 0
            }
        );
        assert_eq!(
            (drop.files[1].kind, drop.files[1].files_inside),
            (StagedKind::Folder, 2)
        );
        let json = serde_json::to_string(&drop).expect("json");
        assert!(
            !json.contains(&dir.path().display().to_string()),
            "no path reaches the page"
        );

        let expanded = staging.expand_folder(&drop.token, 1).expect("expand");
        assert_eq!(expanded.files.len(), 2);
        assert!(staging.take(&drop.token).is_none(), "the old token is gone");
        assert_eq!(staging.take(&expanded.token).expect("paths").len(), 2);
        assert!(
            staging.take(&expanded.token).is_none(),
            "a token works once"
        );
        assert_ne!(staging.stage(vec![]).token, staging.stage(vec![]).token);
    }

    #[test]
    fn a_drop_of_more_than_the_limit_says_how_many_were_left_out() {
        let staging = Staging::default();
        let paths: Vec<PathBuf> = (0..MAX_STAGED + 7)
            .map(|i| PathBuf::from(format!("/nulle-part/{i}.pdf")))
            .collect();
        let drop = staging.stage(paths);
        assert_eq!((drop.files.len(), drop.left_out), (MAX_STAGED, 7));
        assert_eq!(staging.stage(vec![PathBuf::from("/x")]).left_out, 0);
    }
}
