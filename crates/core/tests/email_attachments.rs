//! An attachment taken out of an e-mail becomes a piece of its own: the same bytes as in the e-mail
//! (its hash proves it), its name kept, a second time a duplicate, an empty or oversized one refused
//! with its reason and nothing stored.

use std::path::PathBuf;

mod common;

use common::{non_delivery as input, today};
use recours_core::evidence::category::Category;
use recours_core::evidence::AttachOutcome;
use recours_core::intake;
use recours_core::Store;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/intake")
        .join(name);
    std::fs::read(path).expect("fixture")
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_pdf_attached_to_a_reply_is_kept_as_a_piece_with_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let id = store
        .create_dossier(&input("Lave-linge"), today())
        .expect("dossier")
        .id;
    let doc = intake::read_document(&fixture("boulanger-reply.eml")).expect("read");
    let attachment = doc
        .email
        .expect("an e-mail")
        .attachments
        .into_iter()
        .next()
        .expect("one attachment");

    let piece = match store
        .attach_bytes(id, &attachment.name, &attachment.bytes, 1 << 30)
        .expect("attach")
    {
        AttachOutcome::Stored { piece } => piece,
        other => panic!("{other:?}"),
    };
    assert_eq!(piece.original_name, "bon-de-retour.pdf");
    assert_eq!(piece.title, "bon-de-retour");
    assert_eq!(piece.mime, "application/pdf");
    assert_eq!(piece.size, attachment.bytes.len() as u64);
    assert_eq!(piece.sha256.as_str(), sha256_hex(&attachment.bytes));
    let stored = std::fs::read(store.blob_store().path_of(&piece.sha256)).expect("blob");
    assert_eq!(
        stored, attachment.bytes,
        "the stored file is the attachment itself"
    );
    assert_ne!(piece.category, Category::Photo);

    match store
        .attach_bytes(id, &attachment.name, &attachment.bytes, 1 << 30)
        .expect("again")
    {
        AttachOutcome::Duplicate { piece: same } => assert_eq!(same.id, piece.id),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.list_pieces(id).expect("list").len(), 1);
}

#[test]
fn an_empty_or_oversized_attachment_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let id = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier")
        .id;
    match store
        .attach_bytes(id, "vide.pdf", b"", 1 << 30)
        .expect("empty")
    {
        AttachOutcome::Refused { name, code, .. } => {
            assert_eq!(name, "vide.pdf");
            assert_eq!(code, "empty");
        }
        other => panic!("{other:?}"),
    }
    match store
        .attach_bytes(id, "gros.bin", &[7u8; 2048], 1024)
        .expect("too big")
    {
        AttachOutcome::Refused { code, message, .. } => {
            assert_eq!(code, "too_large");
            assert!(message.contains("gros.bin"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(store.list_pieces(id).expect("list").is_empty());
    let blobs = dir.path().join("blobs");
    let files = walk(&blobs);
    assert!(files.is_empty(), "nothing left in the store: {files:?}");
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
