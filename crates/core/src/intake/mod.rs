//! Intake: a dropped order confirmation, invoice or reply read into a proposed dossier or journal
//! entry. Everything here is a pure function of the document's bytes: no store, no clock, no
//! network. Nothing is saved from a proposal until the person has confirmed it.

pub mod amounts;
pub mod dates;
pub mod email;
pub mod facts;
pub mod fold;
pub mod html;
pub mod labels;
pub mod pdf;
pub mod propose;

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use email::{Attachment, Email};
pub use propose::{propose, propose_event, propose_from, text_as_read, EventProposal, Proposal};

use crate::error::CoreError;

/// Documents larger than this are not read (an order confirmation is a few hundred kilobytes).
pub const MAX_BYTES: usize = 30 * 1024 * 1024;
/// Text kept from one document, at most (about 1 000 pages).
pub const MAX_TEXT: usize = 4 * 1024 * 1024;

/// A constant pattern of this module: the tests compile every one, so it cannot fail at run time.
pub(crate) fn compiled(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("intake pattern {pattern:?}: {e}"))
}

/// Where a proposed value was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Source {
    /// The line it was read from (shortened around the words when long).
    pub passage: String,
    /// The words themselves, as the document writes them.
    pub words: String,
    /// Byte offsets of `words` in the document's text (`recours-cli intake --text` prints it).
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Email,
    Pdf,
    Html,
    Text,
}

/// Why a document was not read. Nothing is saved when it is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeError {
    TooLarge,
    Unsupported,
    /// It has the form of this kind of document but could not be read.
    Unreadable(&'static str),
    TooComplex(String),
}

impl From<IntakeError> for CoreError {
    fn from(e: IntakeError) -> Self {
        let message = match e {
            IntakeError::TooLarge => format!(
                "Ce fichier est trop gros pour être lu ({} Mo au plus). Vous pouvez toujours le joindre comme pièce.",
                MAX_BYTES / (1024 * 1024)
            ),
            IntakeError::Unsupported => "Recours ne sait pas lire ce type de fichier. Il lit les e-mails enregistrés \
                (.eml), les PDF et les pages web enregistrées (.html). Vous pouvez toujours le joindre comme pièce."
                .to_owned(),
            IntakeError::Unreadable(kind) => format!(
                "Ce fichier ressemble à {kind} mais n'a pas pu être lu : il est peut-être abîmé ou protégé. \
                 Rien n'a été enregistré."
            ),
            IntakeError::TooComplex(why) => format!("Ce fichier a été refusé : {why}. Rien n'a été enregistré."),
        };
        CoreError::DocumentRefused(message)
    }
}

/// Reads a file for intake the way a dropped file is always opened (`evidence::blobs::open_source`:
/// never through a link, a pipe or a device, checked on the handle), at most `MAX_BYTES`.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, CoreError> {
    use crate::evidence::blobs::open_source;
    use crate::evidence::EvidenceError;
    use std::io::Read;
    let (file, _) = open_source(path, MAX_BYTES as u64).map_err(|e| match e {
        EvidenceError::TooLarge { .. } => CoreError::from(IntakeError::TooLarge),
        other => CoreError::DocumentRefused(other.to_string()),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CoreError::DocumentRefused(format!("Ce fichier n'a pas pu être lu : {e}.")))?;
    if bytes.len() > MAX_BYTES {
        return Err(IntakeError::TooLarge.into());
    }
    Ok(bytes)
}

/// A document made readable: its kind, its text, and for an e-mail its headers and attachments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentText {
    pub kind: DocumentKind,
    pub text: String,
    pub email: Option<Email>,
}

/// What the bytes are, from their content (never from the name: a file may lie about its type).
pub fn detect(bytes: &[u8]) -> Option<DocumentKind> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(DocumentKind::Pdf);
    }
    if email::looks_like_email(bytes) {
        return Some(DocumentKind::Email);
    }
    let text = std::str::from_utf8(bytes.get(..8192).unwrap_or(bytes))
        .or_else(|e| std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or(&[])))
        .ok()?;
    // Text has no control characters but line breaks and tabs (binary files have many).
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if text.is_empty() || controls * 100 > text.len() {
        return None;
    }
    Some(if html::looks_like_html(text) {
        DocumentKind::Html
    } else {
        DocumentKind::Text
    })
}

/// The readable text of a document.
pub fn read_document(bytes: &[u8]) -> Result<DocumentText, IntakeError> {
    read_document_with(bytes, &mut |_, _| {})
}

/// The same, telling `on_page(read, total)` as a PDF's pages are read.
pub fn read_document_with(
    bytes: &[u8],
    on_page: &mut dyn FnMut(usize, usize),
) -> Result<DocumentText, IntakeError> {
    if bytes.len() > MAX_BYTES {
        return Err(IntakeError::TooLarge);
    }
    let kind = detect(bytes).ok_or(IntakeError::Unsupported)?;
    let (mut text, email) = match kind {
        DocumentKind::Pdf => (pdf::pdf_text_with(bytes, on_page)?, None),
        DocumentKind::Email => {
            let email = email::read_email(bytes)?;
            (email.text.clone(), Some(email))
        }
        DocumentKind::Html => (html::html_to_text(&String::from_utf8_lossy(bytes)), None),
        DocumentKind::Text => (html::tidy_lines(&String::from_utf8_lossy(bytes)), None),
    };
    if text.len() > MAX_TEXT {
        let mut end = MAX_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    Ok(DocumentText { kind, text, email })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_constant_pattern_compiles() {
        let all = labels::REFERENCE
            .iter()
            .chain(labels::ORDER_DATE)
            .chain(labels::AMOUNT_STRONG)
            .chain(labels::DELIVERY)
            .chain(labels::SHOP_NAME)
            .chain(labels::PAYMENT_METHODS.iter().map(|(p, _, _)| p))
            .chain([
                &labels::REFERENCE_VALUE,
                &labels::AMOUNT_WEAK,
                &labels::AMOUNT_NOT,
                &labels::PAYMENT_LINE,
                &labels::SELLER,
            ]);
        for p in all {
            assert!(Regex::new(p).is_ok(), "{p}");
        }
    }

    #[test]
    fn the_content_decides_the_kind_not_the_name() {
        assert_eq!(detect(b"%PDF-1.7\n..."), Some(DocumentKind::Pdf));
        assert_eq!(
            detect(b"From: a@b.fr\nSubject: x\n\nbody"),
            Some(DocumentKind::Email)
        );
        assert_eq!(
            detect(b"<!DOCTYPE html><html><body>x</body></html>"),
            Some(DocumentKind::Html)
        );
        assert_eq!(
            detect("Commande n° 12 — 3 nov.".as_bytes()),
            Some(DocumentKind::Text)
        );
        assert_eq!(
            detect(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3, 0, 0, 0]),
            None
        );
        assert_eq!(
            read_document(&[0u8; 64]).err(),
            Some(IntakeError::Unsupported)
        );
    }
}
