//! Search inside everything (FTS5): words inside a PDF piece, an e-mail, a journal note and a letter
//! are found, accents and case ignored, with the passage; a removed piece or dossier is no longer
//! found; the index made again from the rows and the stored files finds the same.

use std::path::PathBuf;

mod common;

use common::{non_delivery as input, today};
use recours_core::dossier::{DossierQuery, DossierSummary};
use recours_core::events::EventInput;
use recours_core::evidence::AttachOutcome;
use recours_core::rules::model::EventKind;
use recours_core::Store;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/intake")
        .join(name)
}

fn search(store: &Store, text: &str) -> Vec<DossierSummary> {
    store
        .list_dossiers(
            &DossierQuery {
                search: Some(text.into()),
                ..Default::default()
            },
            today(),
        )
        .expect("search")
}

fn attach(store: &mut Store, dossier: i64, name: &str) -> i64 {
    match store
        .attach_file(dossier, &fixture(name), 1 << 30)
        .expect("attach")
    {
        AttachOutcome::Stored { piece } => piece.id,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn words_inside_pieces_notes_and_letters_are_found_with_their_passage() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let a = store
        .create_dossier(&input("Aspirateur"), today())
        .expect("a")
        .id;
    let b = store
        .create_dossier(&input("Colis perdu"), today())
        .expect("b")
        .id;
    let pdf = attach(&mut store, b, "cdiscount-invoice.pdf");
    attach(&mut store, b, "boulanger-reply.eml");

    // The files are not read yet: only the first dossier's title matches.
    let found = search(&store, "aspirateur");
    assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), vec![a]);
    assert!(
        found[0].search_hit.is_none(),
        "a match in the title needs no passage"
    );

    assert_eq!(store.index_piece_texts(100).expect("index"), 2);
    assert_eq!(
        store.index_piece_texts(100).expect("index"),
        0,
        "each file is read once"
    );
    let found = search(&store, "ASPIRATEUR balai");
    assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), vec![b]);
    let hit = found[0].search_hit.as_ref().expect("a passage");
    assert_eq!(hit.source, "piece");
    assert!(
        hit.passage.contains("\u{2}Aspirateur\u{3} \u{2}balai\u{3}"),
        "{}",
        hit.passage
    );

    // Accents ignored: « electroplus » finds « ÉlectroPlus SAS » inside the PDF; a word of the
    // e-mail's text and of its subject too.
    assert_eq!(search(&store, "electroplus").len(), 1);
    assert_eq!(search(&store, "reception du produit").len(), 1);

    // A journal note.
    store
        .add_event(
            a,
            &EventInput {
                kind: EventKind::MerchantReplied,
                date: today(),
                note: "Le vendeur propose un avoir au lieu du remboursement.".into(),
                amount_cents: None,
                deadline_days: None,
                tracking_number: None,
            },
            today(),
        )
        .expect("event");
    let found = search(&store, "avoir");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]
            .search_hit
            .as_ref()
            .map(|h| (h.source.as_str(), h.label.as_str())),
        Some(("note", "merchant_replied"))
    );

    // A removed piece is no longer found; neither is anything of a deleted dossier.
    store.remove_piece(pdf).expect("remove");
    assert!(search(&store, "electroplus").is_empty());
    store.delete_dossier(a).expect("delete");
    assert!(search(&store, "avoir").is_empty());

    // Made again from the rows and the stored files: the e-mail's words are found again.
    store.rebuild_search_index().expect("rebuild");
    assert_eq!(search(&store, "reception du produit").len(), 1);
    // FTS5 syntax typed by a person is only words: no error, whatever is typed.
    for typed in ["\"NEAR(\" OR *", "\"", "*", "a AND", "-x"] {
        search(&store, typed);
    }
}

#[test]
fn the_title_seller_and_reference_are_searched_anywhere_inside_them_even_after_an_edit() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let mut tv = input("Téléviseur");
    tv.merchant.name = "Électro Dépôt".into();
    tv.order.reference = Some("1A2B3C4D5E".into());
    let tv = store.create_dossier(&tv, today()).expect("tv");
    store
        .create_dossier(&input("Chaussures"), today())
        .expect("other");
    let ids = |store: &Store, text: &str| -> Vec<i64> {
        search(store, text).iter().map(|d| d.id).collect()
    };
    // Inside a word, where no word of the full-text index starts: only the folded key finds it.
    assert_eq!(ids(&store, "3c4d"), vec![tv.id], "inside the reference");
    assert_eq!(
        ids(&store, "LEVISEU"),
        vec![tv.id],
        "inside the title, accents ignored"
    );
    assert_eq!(
        ids(&store, "ctro dép"),
        vec![tv.id],
        "across a space of the seller's name"
    );
    // The title and the seller are two fields: a search does not run from one into the other.
    assert!(ids(&store, "viseur electro").is_empty());

    // The seller renamed: the old name is no longer found, the new one is.
    let mut input_again = input("Téléviseur");
    input_again.merchant.name = "Darty".into();
    input_again.order.reference = Some("1A2B3C4D5E".into());
    store
        .update_dossier(tv.id, &input_again, today())
        .expect("update");
    assert!(ids(&store, "ctro dép").is_empty(), "the old name is gone");
    assert_eq!(ids(&store, "art"), vec![tv.id]);

    // Made again from the rows after a key was damaged: found again by what the dossier says.
    rusqlite::Connection::open(dir.path().join("recours.sqlite3"))
        .expect("raw")
        .execute("UPDATE dossier_key SET key = 'abimee'", [])
        .expect("damage");
    // A change committed by another connection is seen at once (the keys kept in memory between
    // two searches are read again): both damaged keys match.
    let mut both = ids(&store, "abimee");
    both.sort_unstable();
    assert_eq!(both.len(), 2);
    store.rebuild_search_index().expect("rebuild");
    assert!(ids(&store, "abimee").is_empty());
    assert_eq!(ids(&store, "3C4D"), vec![tv.id]);
}

#[test]
fn a_lost_index_is_made_again_at_the_next_opening_and_writes_go_on() {
    let dir = tempfile::tempdir().expect("temp");
    let id = {
        let mut store = Store::open(dir.path()).expect("open");
        let id = store
            .create_dossier(&input("Aspirateur"), today())
            .expect("dossier")
            .id;
        attach(&mut store, id, "cdiscount-invoice.pdf");
        store.index_piece_texts(10).expect("index");
        id
    };
    // Both derived tables gone, as a damaged or hand-edited database could have them.
    let raw = rusqlite::Connection::open(dir.path().join("recours.sqlite3")).expect("raw");
    raw.execute_batch("DROP TABLE search_index; DROP TABLE dossier_key;")
        .expect("drop");
    drop(raw);

    let mut store = Store::open(dir.path()).expect("reopen");
    let found = search(&store, "balai");
    assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), vec![id]);
    assert_eq!(search(&store, "spirat").len(), 1, "the folded keys too");
    // The triggers' tables are back: a new dossier is written and found.
    let other = store
        .create_dossier(&input("Trottinette"), today())
        .expect("a write after the repair");
    assert_eq!(
        search(&store, "trotti")
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>(),
        vec![other.id]
    );
}
