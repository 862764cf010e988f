//! Errors of the core. Each one carries a stable `code` (for the UI and scripts) and a French message
//! written for the person using Recours, never for a developer.

use serde::Serialize;
use ts_rs::TS;

/// A problem with one field of a form, named by its JSON path (e.g. `order.amount_cents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),

    #[error("Ce dossier n'existe pas (ou plus) : n° {0}.")]
    DossierNotFound(i64),

    #[error("Cet événement n'existe pas (ou plus) : n° {0}.")]
    EventNotFound(i64),

    #[error("Cette pièce n'existe pas (ou plus) : n° {0}.")]
    PieceNotFound(i64),

    #[error(
        "Ces données ont été enregistrées par une version plus récente de Recours (schéma {found}, \
         cette version connaît le schéma {known}). Installez la dernière version : vos données n'ont pas été modifiées."
    )]
    SchemaTooNew { found: i64, known: i64 },

    #[error("Le dossier de données « {path} » n'est pas utilisable : {reason}")]
    DataDir { path: String, reason: String },

    #[error("Erreur de la base de données : {0}. Vos données n'ont pas été modifiées.")]
    Database(String),

    #[error("La mise à jour de la base de données a échoué : {0}. Une copie de sécurité avait été faite avant.")]
    Migration(String),

    #[error("{0}")]
    InvalidInput(String),

    /// A letter or document lacks something only the person can give (their address, the merchant's…).
    #[error("Pour écrire ce courrier, il manque : {}", missing_list(.0))]
    LetterIncomplete(Vec<FieldError>),

    /// Making a PDF or an export failed (disk, typesetting).
    #[error("{0}")]
    Document(String),

    /// Another process holds the data (a restore in progress, or an open window during a restore).
    #[error("{0}")]
    Busy(String),

    /// A backup file was refused: damaged, not a backup, or crafted. Nothing was touched.
    #[error("{0}")]
    BackupRefused(String),

    /// A dropped document could not be read for a proposal (too large, not a document, damaged).
    #[error("{0}")]
    DocumentRefused(String),
}

fn missing_list(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(" ; ")
        + "."
}

fn validation_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "Certaines informations ne sont pas valides.".to_owned(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!(
            "{} (et {} autre{} point{} à corriger)",
            first.message,
            rest.len(),
            if rest.len() > 1 { "s" } else { "" },
            if rest.len() > 1 { "s" } else { "" }
        ),
    }
}

impl CoreError {
    /// Stable machine-readable code, shared by the UI and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Validation(_) => "validation",
            CoreError::DossierNotFound(_)
            | CoreError::EventNotFound(_)
            | CoreError::PieceNotFound(_) => "not_found",
            CoreError::SchemaTooNew { .. } => "schema_too_new",
            CoreError::DataDir { .. } => "data_dir",
            CoreError::Database(_) => "database",
            CoreError::Migration(_) => "migration",
            CoreError::InvalidInput(_) => "invalid_input",
            CoreError::LetterIncomplete(_) => "letter_incomplete",
            CoreError::Document(_) => "document",
            CoreError::Busy(_) => "busy",
            CoreError::BackupRefused(_) => "backup_refused",
            CoreError::DocumentRefused(_) => "document_refused",
        }
    }

    pub fn fields(&self) -> &[FieldError] {
        match self {
            CoreError::Validation(fields) | CoreError::LetterIncomplete(fields) => fields,
            _ => &[],
        }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        // SQLite's own words are English: the cases a person meets get French ones.
        let text = match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => {
                "le fichier des données est illisible (endommagé, ou remplacé par un autre fichier)"
                    .to_owned()
            }
            Some(ErrorCode::DatabaseCorrupt) => "la base de données est endommagée".to_owned(),
            Some(ErrorCode::DiskFull) => "le disque est plein".to_owned(),
            Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => {
                "le dossier des données n'est pas accessible en écriture".to_owned()
            }
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                "la base de données est occupée par un autre programme".to_owned()
            }
            _ => err.to_string(),
        };
        CoreError::Database(text)
    }
}

pub type CoreResult<T> = Result<T, CoreError>;

/// What crosses a boundary (IPC, CLI stderr): `{code, message, fields}`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl From<&CoreError> for ErrorPayload {
    fn from(err: &CoreError) -> Self {
        ErrorPayload {
            code: err.code().to_owned(),
            message: err.to_string(),
            fields: err.fields().to_vec(),
        }
    }
}
