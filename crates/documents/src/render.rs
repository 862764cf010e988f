//! Typesetting: a data model from the core, serialised to JSON, read by a Typst template, out as PDF.

use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use recours_core::letters::docs::{BordereauDoc, FieldSheetDoc, SummaryDoc};
use recours_core::letters::LetterDoc;
use recours_core::CoreError;

use crate::world::DocWorld;

const LETTER: &str = include_str!("../templates/letter.typ");
const SUMMARY: &str = include_str!("../templates/summary.typ");
const BORDEREAU: &str = include_str!("../templates/bordereau.typ");
const FIELD_SHEET: &str = include_str!("../templates/fieldsheet.typ");

fn render(template: &str, data: &impl Serialize) -> Result<Vec<u8>, CoreError> {
    let json = serde_json::to_vec(data).map_err(|e| failure(&e.to_string()))?;
    let world = DocWorld::new(template, json);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| {
            failure(
                &errors
                    .iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join(" ; "),
            )
        })?;
    let options = PdfOptions {
        creator: Smart::Custom(Some("Recours".into())),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        failure(
            &errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" ; "),
        )
    })?;
    // Keep the incremental caches from growing for ever in a long-running app.
    comemo::evict(20);
    Ok(pdf)
}

fn failure(detail: &str) -> CoreError {
    CoreError::Document(format!(
        "Le document n'a pas pu être mis en page ({detail}). Rien n'a été enregistré."
    ))
}

pub fn letter(doc: &LetterDoc) -> Result<Vec<u8>, CoreError> {
    render(LETTER, doc)
}

pub fn summary(doc: &SummaryDoc) -> Result<Vec<u8>, CoreError> {
    render(SUMMARY, doc)
}

pub fn bordereau(doc: &BordereauDoc) -> Result<Vec<u8>, CoreError> {
    render(BORDEREAU, doc)
}

pub fn field_sheet(doc: &FieldSheetDoc) -> Result<Vec<u8>, CoreError> {
    render(FIELD_SHEET, doc)
}
