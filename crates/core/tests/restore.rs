//! Restore when it is needed most: with a piece file missing, with a database that will not open,
//! with no open store; refused clearly while another holder has the data open; and what an earlier
//! version or an interrupted run left behind is recovered at the next start, never deleted.

use std::path::{Path, PathBuf};

mod common;

use common::{non_delivery as input, today};
use recours_core::evidence::AttachOutcome;
use recours_core::store::restore;
use recours_core::Store;

fn titles(store: &Store) -> Vec<String> {
    let mut t: Vec<String> = store
        .list_dossiers(&Default::default(), today())
        .expect("list")
        .into_iter()
        .map(|d| d.title)
        .collect();
    t.sort();
    t
}

/// A store at `dir` with one dossier per title, each with one piece.
fn store_with(dir: &Path, titles: &[&str]) -> Store {
    let mut store = Store::open(dir).expect("open");
    for (i, title) in titles.iter().enumerate() {
        let d = store
            .create_dossier(&input(title), today())
            .expect("dossier");
        let src = dir.with_extension(format!("src{i}"));
        std::fs::write(&src, format!("pièce de {title}")).expect("write");
        assert!(matches!(
            store.attach_file(d.id, &src, 1 << 20).expect("attach"),
            AttachOutcome::Stored { .. }
        ));
    }
    store
}

/// A backup holding the dossiers « Sauvegardé 1 » and « Sauvegardé 2 ».
fn a_backup(root: &Path) -> PathBuf {
    let store = store_with(&root.join("source"), &["Sauvegardé 1", "Sauvegardé 2"]);
    let file = root.join("sauvegarde.recours");
    store.backup_to(&file).expect("backup");
    file
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|it| {
            it.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_missing_piece_file_does_not_stop_a_restore_and_the_old_data_is_kept_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let backup = a_backup(dir.path());
    let data = dir.path().join("donnees");
    let mut store = store_with(&data, &["Le mien"]);
    let piece = &store.list_pieces(1).expect("pieces")[0];
    let blob = store.blob_store().path_of(&piece.sha256);
    std::fs::remove_file(&blob).expect("lose the file");
    assert!(
        store.backup_to(&dir.path().join("x.recours")).is_err(),
        "a backup of this data cannot be whole"
    );

    let report = store.restore_from(&backup).expect("restored all the same");
    assert_eq!(titles(&store), ["Sauvegardé 1", "Sauvegardé 2"]);
    assert!(store.check_integrity(true).expect("check").is_ok());
    // The replaced data was moved aside as it was: its database says « Le mien ».
    let kept = PathBuf::from(&report.path);
    assert!(kept.is_dir(), "kept as a folder: {}", report.path);
    assert!(kept.starts_with(data.join("sauvegardes")));
    let old = rusqlite::Connection::open(kept.join("recours.sqlite3")).expect("old db");
    let title: String = old
        .query_row("SELECT title FROM dossier", [], |r| r.get(0))
        .expect("row");
    assert_eq!(title, "Le mien");
}

#[test]
fn a_database_that_will_not_open_can_still_be_replaced_by_a_backup() {
    let dir = tempfile::tempdir().expect("temp");
    let backup = a_backup(dir.path());
    let data = dir.path().join("donnees");
    drop(store_with(&data, &["Le mien"]));
    std::fs::write(data.join("recours.sqlite3"), vec![0x5au8; 8192]).expect("garbage");
    let _ = std::fs::remove_file(data.join("recours.sqlite3-wal"));
    assert!(Store::open(&data).is_err(), "the store cannot open");

    let report = restore::restore(&data, &backup).expect("restore with no store");
    let store = Store::open(&data).expect("opens now");
    assert_eq!(titles(&store), ["Sauvegardé 1", "Sauvegardé 2"]);
    assert!(store.check_integrity(true).expect("check").is_ok());
    let kept = PathBuf::from(&report.path);
    assert_eq!(
        std::fs::read(kept.join("recours.sqlite3")).expect("kept"),
        vec![0x5au8; 8192],
        "the unreadable database is kept as it was"
    );
    // Nothing else left behind.
    let stray: Vec<String> = names_in(&data)
        .into_iter()
        .filter(|n| n.starts_with('.') || n.contains("restauration-en-cours"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_restore_into_an_empty_folder_keeps_nothing_and_needs_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let backup = a_backup(dir.path());
    let data = dir.path().join("nouveau-pc");
    let report = restore::restore(&data, &backup).expect("restore");
    assert_eq!(report.path, "");
    assert_eq!((report.dossiers, report.pieces), (2, 2));
    assert_eq!(
        titles(&Store::open(&data).expect("open")),
        ["Sauvegardé 1", "Sauvegardé 2"]
    );
}

#[test]
fn no_restore_while_another_holder_has_the_data_open() {
    let dir = tempfile::tempdir().expect("temp");
    let backup = a_backup(dir.path());
    let data = dir.path().join("donnees");
    let first = store_with(&data, &["Le mien"]);
    let mut second = Store::open(&data).expect("a second holder (the CLI beside the app)");
    let err = second.restore_from(&backup).expect_err("busy");
    assert_eq!(err.code(), "busy");
    assert!(err.to_string().contains("ouvertes ailleurs"), "{err}");
    assert_eq!(titles(&first), ["Le mien"]);
    assert_eq!(titles(&second), ["Le mien"], "the second store works on");
    let err = restore::restore(&data, &backup).expect_err("busy");
    assert_eq!(err.code(), "busy");
    drop(first);
    second.restore_from(&backup).expect("alone now");
    assert_eq!(titles(&second), ["Sauvegardé 1", "Sauvegardé 2"]);
}

#[test]
fn what_an_interrupted_run_left_is_recovered_at_start_and_nothing_is_deleted() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("donnees");
    drop(store_with(&data, &["Le mien"]));
    // An older version's restore stopped mid-swap: the database moved into `.ancien-…`.
    let old = data.join(".ancien-20261124101010123");
    std::fs::create_dir(&old).expect("old");
    std::fs::rename(data.join("recours.sqlite3"), old.join("recours.sqlite3")).expect("move");
    let _ = std::fs::remove_file(data.join("recours.sqlite3-wal"));
    let _ = std::fs::remove_file(data.join("recours.sqlite3-shm"));
    // A staging folder, and the temporary files of a backup cut short in `sauvegardes/`.
    let staging = data.join(".restauration-20261124-101010-123");
    std::fs::create_dir_all(staging.join("blobs")).expect("staging");
    std::fs::write(staging.join("recours.sqlite3"), b"copie").expect("staging db");
    let backups = data.join("sauvegardes");
    std::fs::create_dir_all(&backups).expect("backups");
    std::fs::write(backups.join(".recours-sauvegarde-20261124.partiel"), b"x").expect("partial");
    std::fs::write(backups.join(".recours-instantane-20261124.sqlite3"), b"x").expect("snap");
    std::fs::write(
        backups.join(".recours-instantane-20261124.sqlite3-journal"),
        b"x",
    )
    .expect("j");

    let store = Store::open(&data).expect("open");
    assert_eq!(
        titles(&store),
        ["Le mien"],
        "the database came back from .ancien"
    );
    assert!(store
        .recovery_note()
        .is_some_and(|n| n.contains("sauvegardes")));
    assert!(!staging.exists());
    assert!(!old.exists());
    let kept: Vec<String> = names_in(&backups);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with("avant-restauration-"), "{kept:?}");
    assert!(store.check_integrity(true).expect("check").is_ok());
}

#[test]
fn a_restore_journal_cut_midway_is_undone_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("donnees");
    drop(store_with(&data, &["Le mien"]));
    // The state a kill leaves after the first renames of a swap: the database moved aside,
    // the backup's blobs already in place.
    let stamp = "20261124-101010-123";
    let old = data.join(format!(".ancien-{stamp}"));
    let staging = data.join(format!(".restauration-{stamp}"));
    std::fs::create_dir_all(&old).expect("old");
    std::fs::create_dir_all(staging.join("blobs")).expect("staging");
    std::fs::write(staging.join("recours.sqlite3"), b"nouvelle base").expect("new db");
    for f in ["recours.sqlite3-wal", "recours.sqlite3-shm"] {
        let _ = std::fs::remove_file(data.join(f));
    }
    std::fs::rename(data.join("recours.sqlite3"), old.join("recours.sqlite3")).expect("1");
    std::fs::rename(data.join("blobs"), old.join("blobs")).expect("2");
    std::fs::rename(staging.join("blobs"), data.join("blobs")).expect("3");
    std::fs::write(
        data.join(restore::JOURNAL),
        format!(
            r#"{{"stamp":"{stamp}","phase":"swapping","moved":["database","blobs"],"brought":["database","blobs"],"kept":"nothing"}}"#
        ),
    )
    .expect("journal");

    let store = Store::open(&data).expect("open");
    assert!(store.recovery_note().is_some_and(|n| n.contains("annulée")));
    assert_eq!(titles(&store), ["Le mien"]);
    assert!(store.check_integrity(true).expect("check").is_ok());
    let stray: Vec<String> = names_in(&data)
        .into_iter()
        .filter(|n| n.starts_with('.') || n.contains("restauration"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}
