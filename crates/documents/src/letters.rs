//! A letter from draft to piece: typeset the edited draft and keep the PDF in the dossier.

use std::path::Path;

use chrono::NaiveDate;
use recours_core::evidence::{AttachOutcome, Category, Piece, PieceEdit};
use recours_core::letters::{compose, finish, LetterDraft, LetterEdit, LetterKind};
use recours_core::store::DossierSnapshot;
use recours_core::{CoreError, CoreResult, Store};

use crate::render;

/// The PDF of a letter: the draft for this dossier with the person's edits (none: the draft as is).
pub fn letter_pdf(
    snap: &DossierSnapshot,
    kind: LetterKind,
    edit: Option<&LetterEdit>,
) -> CoreResult<(LetterDraft, Vec<u8>)> {
    let draft = compose(kind, &snap.letter_context())?;
    let edit = edit.cloned().unwrap_or_else(|| draft.as_edit());
    let doc = finish(&draft, &edit)?;
    let pdf = render::letter(&doc)?;
    Ok((draft, pdf))
}

/// Writes `bytes` to `path` through a temporary file in the same folder (never a half-written file).
pub fn write_new_file(path: &Path, bytes: &[u8]) -> CoreResult<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let temp = dir.join(format!(".{name}.partiel"));
    let io_error = |e: std::io::Error| {
        CoreError::Document(format!("Impossible d'écrire « {} » : {e}.", path.display()))
    };
    let result = (|| {
        let mut f = recours_core::fsx::create_private_file(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(io_error)
}

/// Keeps a produced letter as a piece of its dossier ("Courrier", dated today). The PDF goes
/// through the evidence store like any dropped file, so it is hashed and listed in the export.
pub fn save_letter_piece(
    store: &mut Store,
    dossier_id: i64,
    draft: &LetterDraft,
    pdf: &[u8],
    today: NaiveDate,
) -> CoreResult<Piece> {
    let staging = store.data_dir().join("tmp").join("courriers");
    recours_core::fsx::create_private_dir_all(&staging)
        .map_err(|e| CoreError::Document(format!("Impossible de préparer le courrier : {e}.")))?;
    let path = staging.join(draft.file_name(today));
    write_new_file(&path, pdf)?;
    let limit = store.piece_limit_bytes()?.max(pdf.len() as u64);
    let outcome = store.attach_file(dossier_id, &path, limit);
    let _ = std::fs::remove_file(&path);
    let piece = match outcome? {
        AttachOutcome::Stored { piece } => piece,
        // The very same PDF is already there: nothing new to keep.
        AttachOutcome::Duplicate { piece } => return Ok(piece),
        AttachOutcome::Refused { message, .. } => return Err(CoreError::Document(message)),
    };
    store.update_piece(
        piece.id,
        &PieceEdit {
            category: Category::Letter,
            title: draft.label.clone(),
            description: draft.object.clone(),
            document_date: Some(today),
        },
    )
}
