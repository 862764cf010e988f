//! Evidence: the files of a dossier (receipts, order confirmations, photos, e-mails), kept exactly as
//! given in a content-addressed store, provably unchanged (SHA-256), each described as a piece.

pub mod blobs;
pub mod category;
pub mod error;
pub mod hash;
pub mod opening;
pub mod preview;
pub mod staging;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use category::Category;
pub use error::EvidenceError;
pub use hash::Sha256Hex;

/// Files larger than this are refused unless the limit is raised (1 GB).
pub const DEFAULT_LIMIT_BYTES: u64 = 1_000_000_000;

/// A file attached to a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Piece {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub dossier_id: i64,
    #[ts(type = "string")]
    pub sha256: Sha256Hex,
    #[ts(type = "number")]
    pub size: u64,
    /// Sniffed from the content, never from the name.
    pub mime: String,
    pub original_name: String,
    pub category: Category,
    pub title: String,
    pub description: String,
    pub document_date: Option<NaiveDate>,
    /// Order in the dossier (and later in the bordereau de pièces).
    #[ts(type = "number")]
    pub position: i64,
    pub added_at: String,
}

/// What the person can change about a piece (never its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PieceEdit {
    pub category: Category,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub document_date: Option<NaiveDate>,
}

/// The result of adding one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum AttachOutcome {
    Stored {
        piece: Piece,
    },
    /// The same file is already in this dossier: nothing was added.
    Duplicate {
        piece: Piece,
    },
    Refused {
        name: String,
        code: String,
        message: String,
    },
}

/// What the integrity check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct IntegrityReport {
    /// Whether every blob was hashed again (else only sizes and existence).
    pub full: bool,
    #[ts(type = "number")]
    pub blobs_checked: usize,
    /// Recorded but absent from the disk.
    pub missing: Vec<String>,
    /// Present but with other bytes (or another size) than recorded.
    pub corrupt: Vec<String>,
    /// Files in the store that no row records.
    pub orphan_files: Vec<String>,
    /// Temporary files left by an interrupted copy (removed by the check).
    pub temp_files_removed: Vec<String>,
}

impl IntegrityReport {
    pub fn is_ok(&self) -> bool {
        self.missing.is_empty() && self.corrupt.is_empty() && self.orphan_files.is_empty()
    }
}
