//! A letter's text as the person edited it is kept between two openings, on a real SQLite file:
//! taken up again by the next draft, replaced by a newer edit, forgotten on request or with its
//! dossier, kept per letter kind, and refused (with the data unchanged) when absurdly long.

mod common;

use common::{non_delivery, today};
use recours_core::letters::{LetterEdit, LetterKind, SenderIdentity};
use recours_core::{CoreError, Store};

/// A store with one dossier and a sender identity, so that letters can be drafted.
fn store_with_dossier(dir: &std::path::Path) -> (Store, i64) {
    let mut store = Store::open(dir).expect("open");
    let mut settings = store.settings().expect("settings");
    settings.sender = SenderIdentity {
        name: "Camille Martin".into(),
        address: "12 rue des Lilas".into(),
        postal_code: "69003".into(),
        city: "Lyon".into(),
        ..SenderIdentity::default()
    };
    store.save_settings(&settings).expect("sender");
    let id = store
        .create_dossier(&non_delivery("Casque jamais livré"), today())
        .expect("create")
        .id;
    (store, id)
}

fn edited(body: &str) -> LetterEdit {
    LetterEdit {
        recipient: "MaBoutique\nService clients\n1 rue A\n75001 Paris".into(),
        object: "Commande R-1 jamais livrée".into(),
        body: body.into(),
        enclosures: "Pièce n° 1 — Facture".into(),
    }
}

#[test]
fn a_fresh_draft_has_nothing_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, id) = store_with_dossier(dir.path());
    let draft = store
        .draft_letter(id, LetterKind::Complaint, today())
        .expect("draft");
    assert_eq!(draft.saved, None);
}

#[test]
fn an_edit_is_taken_up_again_after_reopening_the_store() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, id) = store_with_dossier(dir.path());
    let first = store
        .save_letter_edit(id, LetterKind::Complaint, &edited("Premier jet."))
        .expect("save");
    let second = store
        .save_letter_edit(
            id,
            LetterKind::Complaint,
            &edited("Bonjour,\n\nJe n'ai rien reçu."),
        )
        .expect("save again");
    assert!(second.saved_at >= first.saved_at);
    drop(store);

    let store = Store::open(dir.path()).expect("reopen");
    let draft = store
        .draft_letter(id, LetterKind::Complaint, today())
        .expect("draft");
    let saved = draft.saved.expect("the edit is kept");
    assert_eq!(saved.edit, edited("Bonjour,\n\nJe n'ai rien reçu."));
    assert_eq!(saved.saved_at, second.saved_at);
    // The fresh draft is still there beside it, for « Repartir du texte proposé ».
    assert_ne!(draft.body, saved.edit.body);
}

#[test]
fn edits_are_kept_per_letter_kind_and_per_dossier() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, id) = store_with_dossier(dir.path());
    let other = store
        .create_dossier(&non_delivery("Casque jamais livré"), today())
        .expect("create")
        .id;
    store
        .save_letter_edit(id, LetterKind::Complaint, &edited("Réclamation."))
        .expect("save");
    store
        .save_letter_edit(id, LetterKind::Reminder, &edited("Relance."))
        .expect("save");
    let complaint = store
        .saved_letter_edit(id, LetterKind::Complaint)
        .expect("read");
    let reminder = store
        .saved_letter_edit(id, LetterKind::Reminder)
        .expect("read");
    assert_eq!(complaint.expect("kept").edit.body, "Réclamation.");
    assert_eq!(reminder.expect("kept").edit.body, "Relance.");
    assert_eq!(
        store
            .saved_letter_edit(other, LetterKind::Complaint)
            .expect("read"),
        None
    );
}

#[test]
fn discarding_forgets_only_that_letter() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, id) = store_with_dossier(dir.path());
    store
        .save_letter_edit(id, LetterKind::Complaint, &edited("Réclamation."))
        .expect("save");
    store
        .save_letter_edit(id, LetterKind::Reminder, &edited("Relance."))
        .expect("save");
    store
        .discard_letter_edit(id, LetterKind::Complaint)
        .expect("discard");
    assert_eq!(
        store
            .saved_letter_edit(id, LetterKind::Complaint)
            .expect("read"),
        None
    );
    assert!(store
        .saved_letter_edit(id, LetterKind::Reminder)
        .expect("read")
        .is_some());
    // Discarding what is not there is not an error.
    store
        .discard_letter_edit(id, LetterKind::Complaint)
        .expect("discard again");
}

#[test]
fn deleting_the_dossier_deletes_its_edits() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, id) = store_with_dossier(dir.path());
    store
        .save_letter_edit(id, LetterKind::Complaint, &edited("Réclamation."))
        .expect("save");
    store.delete_dossier(id).expect("delete");
    let conn = rusqlite::Connection::open(dir.path().join("recours.sqlite3")).expect("open");
    let left: i64 = conn
        .query_row("SELECT count(*) FROM letter_draft", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 0);
}

#[test]
fn an_unknown_dossier_or_an_absurd_length_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, id) = store_with_dossier(dir.path());
    let kept = store
        .save_letter_edit(id, LetterKind::Complaint, &edited("Réclamation."))
        .expect("save");

    let missing = store.save_letter_edit(id + 100, LetterKind::Complaint, &edited("x"));
    assert!(
        matches!(missing, Err(CoreError::DossierNotFound(_))),
        "{missing:?}"
    );

    let huge = edited(&"é".repeat(200_001));
    match store.save_letter_edit(id, LetterKind::Complaint, &huge) {
        Err(CoreError::InvalidInput(message)) => assert!(message.contains("200 000 caractères")),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        store
            .saved_letter_edit(id, LetterKind::Complaint)
            .expect("read"),
        Some(kept)
    );
}
