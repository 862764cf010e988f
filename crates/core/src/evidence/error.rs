//! Why a file could not be added, in French, with its name.

use std::io;
use std::path::Path;

use super::blobs::display_name;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvidenceError {
    #[error("« {name} » est un dossier et non un fichier ({files} fichier(s) à l'intérieur) : ajoutez les fichiers qu'il contient.")]
    Folder { name: String, files: usize },
    #[error("« {0} » est un raccourci (lien symbolique) : ajoutez le fichier d'origine.")]
    Symlink(String),
    #[error("« {0} » n'est pas un fichier ordinaire.")]
    NotAFile(String),
    #[error("« {0} » est vide (0 octet) : il n'y a rien à conserver.")]
    Empty(String),
    #[error("« {name} » est trop gros ({} Mo ; la limite est de {} Mo).", size / 1_000_000, limit / 1_000_000)]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("« {0} » est introuvable : il a peut-être été déplacé ou supprimé.")]
    NotFound(String),
    #[error("« {0} » ne peut pas être lu : accès refusé.")]
    Unreadable(String),
    #[error("« {0} » a changé ou disparu pendant la copie : réessayez.")]
    ChangedDuringCopy(String),
    #[error("Le disque est plein : « {0} » n'a pas été ajouté. Libérez de la place et réessayez.")]
    DiskFull(String),
    /// EFBIG: the data folder's file system (or a limit set on the process) takes no file this big.
    #[error("« {0} » n'a pas été ajouté : l'emplacement des données de Recours n'accepte pas un fichier aussi gros. Rien n'a été modifié.")]
    TooBigForDisk(String),
    #[error("« {name} » n'a pas pu être copié : {reason}")]
    Io { name: String, reason: String },
}

impl EvidenceError {
    pub fn from_io(path: &Path, err: &io::Error) -> EvidenceError {
        let name = display_name(path);
        match err.kind() {
            io::ErrorKind::NotFound => EvidenceError::NotFound(name),
            io::ErrorKind::PermissionDenied => EvidenceError::Unreadable(name),
            io::ErrorKind::StorageFull => EvidenceError::DiskFull(name),
            io::ErrorKind::FileTooLarge => EvidenceError::TooBigForDisk(name),
            io::ErrorKind::UnexpectedEof => EvidenceError::ChangedDuringCopy(name),
            _ => EvidenceError::Io {
                name,
                reason: err.to_string(),
            },
        }
    }

    /// Names the source file (errors raised on the temporary copy name it otherwise).
    pub fn with_name(self, source: &Path) -> EvidenceError {
        let name = display_name(source);
        match self {
            EvidenceError::TooLarge { size, limit, .. } => {
                EvidenceError::TooLarge { name, size, limit }
            }
            EvidenceError::ChangedDuringCopy(_) | EvidenceError::NotFound(_) => {
                EvidenceError::ChangedDuringCopy(name)
            }
            EvidenceError::DiskFull(_) => EvidenceError::DiskFull(name),
            EvidenceError::TooBigForDisk(_) => EvidenceError::TooBigForDisk(name),
            EvidenceError::Unreadable(_) => EvidenceError::Unreadable(name),
            EvidenceError::Io { reason, .. } => EvidenceError::Io { name, reason },
            other => other,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            EvidenceError::Folder { .. } => "folder",
            EvidenceError::Symlink(_) => "symlink",
            EvidenceError::NotAFile(_) => "not_a_file",
            EvidenceError::Empty(_) => "empty",
            EvidenceError::TooLarge { .. } => "too_large",
            EvidenceError::NotFound(_) => "not_found",
            EvidenceError::Unreadable(_) => "unreadable",
            EvidenceError::ChangedDuringCopy(_) => "changed",
            EvidenceError::DiskFull(_) => "disk_full",
            EvidenceError::TooBigForDisk(_) => "too_big_for_disk",
            EvidenceError::Io { .. } => "io",
        }
    }
}
