//! `recours-cli intake FILE`: the dossier (or journal entry) a document proposes, as JSON, with the
//! passage each value was read from. Reads the file only; nothing is saved.

use std::path::Path;

use recours_core::intake;
use recours_core::{CoreError, Store};
use serde_json::{json, Value};

/// The proposal: `dossier` has the shape `create` takes (only the values found), `sources` the
/// passage of each, by its path. With `event`, the journal entry an e-mail proposes instead.
pub fn run(
    file: &Path,
    event: bool,
    with_text: bool,
    store: Option<&Store>,
) -> Result<Value, CoreError> {
    let bytes = intake::read_file(file)?;
    let doc = intake::read_document(&bytes)?;
    let mut out = if event {
        // The person's own address tells their complaint from the merchant's answer.
        let own = store
            .and_then(|s| s.sender().ok())
            .map(|s| s.email)
            .filter(|e| !e.is_empty());
        let proposal = intake::propose_event(&doc, own.as_deref()).ok_or_else(|| {
            CoreError::InvalidInput(
                "Ce document n'est pas un e-mail : il ne peut pas devenir une entrée du journal."
                    .into(),
            )
        })?;
        serde_json::to_value(proposal)
    } else {
        serde_json::to_value(intake::propose_from(&doc))
    }
    .map_err(|e| CoreError::InvalidInput(e.to_string()))?;
    if with_text {
        if let Value::Object(map) = &mut out {
            map.insert("text".into(), json!(intake::text_as_read(&doc)));
        }
    }
    Ok(out)
}
