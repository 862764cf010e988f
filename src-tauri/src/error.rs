//! What a failed command sends to the page: `{code, message, fields}`, message in French.

use recours_core::{CoreError, ErrorPayload};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct IpcError(pub ErrorPayload);

impl From<CoreError> for IpcError {
    fn from(err: CoreError) -> Self {
        IpcError(ErrorPayload::from(&err))
    }
}

impl IpcError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        IpcError(ErrorPayload {
            code: code.to_owned(),
            message: message.into(),
            fields: Vec::new(),
        })
    }

    pub fn internal() -> Self {
        IpcError::new(
            "internal",
            "Une erreur interne est survenue. Vos données n'ont pas été modifiées.",
        )
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
