//! Pieces against bad luck and bad files: a damaged piece is repaired by adding the original again;
//! a file that would run is never opened, only shown in its folder; a link or a pipe offered as a
//! file is refused without blocking; the data folder is private; a deleted dossier leaves nothing of
//! its own on disk.

use std::path::Path;

mod common;

use common::{non_delivery as input, today};
use recours_core::evidence::opening::{make_opened_copy, OPENED_COPIES};
use recours_core::evidence::AttachOutcome;
use recours_core::Store;

fn attach(store: &mut Store, id: i64, path: &Path) -> AttachOutcome {
    store.attach_file(id, path, 1 << 30).expect("attach")
}

#[test]
fn adding_the_original_again_repairs_a_damaged_piece() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    let d = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier");
    let original = dir.path().join("facture.pdf");
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&original, &bytes).expect("write");
    let AttachOutcome::Stored { piece } = attach(&mut store, d.id, &original) else {
        panic!("stored");
    };
    // One bit flips on the disk: same size, other bytes.
    let blob = store.blob_store().path_of(&piece.sha256);
    let mut damaged = bytes.clone();
    damaged[5000] ^= 0x10;
    std::fs::write(&blob, &damaged).expect("damage");
    let report = store.check_integrity(true).expect("check");
    assert_eq!(report.corrupt, vec![piece.sha256.to_string()]);

    assert!(matches!(
        attach(&mut store, d.id, &original),
        AttachOutcome::Duplicate { .. }
    ));
    assert_eq!(std::fs::read(&blob).expect("read"), bytes, "repaired");
    assert!(store.check_integrity(true).expect("check").is_ok());
}

#[test]
fn a_file_that_would_run_is_shown_in_its_folder_never_opened() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    let d = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier");
    for (name, risky) in [
        ("facture.pdf.exe", true),
        ("Raccourci.lnk", true),
        ("commande.docm", true),
        ("lancer.desktop", true),
        ("facture.pdf", false),
        ("Réçu : n°3 ?.pdf", false),
    ] {
        let src = dir.path().join(name.replace([':', '?'], "_"));
        std::fs::write(&src, format!("%PDF-1.4 {name}")).expect("write");
        let piece = match attach(&mut store, d.id, &src) {
            AttachOutcome::Stored { piece } => piece,
            other => panic!("{other:?}"),
        };
        let mut piece = piece;
        piece.original_name = name.to_owned();
        let copy = make_opened_copy(&store.blob_store(), store.data_dir(), &piece).expect("copy");
        assert_eq!(copy.show_folder_only, risky, "{name}");
        assert!(copy.path.starts_with(store.data_dir().join(OPENED_COPIES)));
        let file_name = copy
            .path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(!file_name.contains([':', '?', '/', '\\']), "{file_name}");
        let meta = std::fs::metadata(&copy.path).expect("copy exists");
        assert!(
            meta.permissions().readonly(),
            "{name}: the copy is read-only"
        );
        // Opening again replaces the read-only copy.
        make_opened_copy(&store.blob_store(), store.data_dir(), &piece).expect("again");
    }
}

#[cfg(unix)]
#[test]
fn links_and_pipes_offered_as_files_are_refused_at_once() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    let d = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier");
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, b"cle privee").expect("write");
    let link = dir.path().join("facture.pdf");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    match attach(&mut store, d.id, &link) {
        AttachOutcome::Refused { code, .. } => assert_eq!(code, "symlink"),
        other => panic!("{other:?}"),
    }
    // A pipe: opening it for reading would wait forever for a writer.
    let fifo = dir.path().join("tuyau.pdf");
    let c = std::ffi::CString::new(fifo.as_os_str().to_string_lossy().as_bytes()).expect("c");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let start = Instant::now();
    match attach(&mut store, d.id, &fifo) {
        AttachOutcome::Refused { code, .. } => assert_eq!(code, "not_a_file"),
        other => panic!("{other:?}"),
    }
    assert!(start.elapsed() < Duration::from_secs(2), "no blocking");
    assert!(store.list_pieces(d.id).expect("pieces").is_empty());
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_its_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let mut store = Store::open(&data).expect("open");
    let d = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier");
    let src = dir.path().join("f.pdf");
    std::fs::write(&src, b"%PDF-1.4").expect("write");
    let AttachOutcome::Stored { piece } = attach(&mut store, d.id, &src) else {
        panic!("stored");
    };
    let backup = data.join("sauvegardes").join("b.recours");
    std::fs::create_dir_all(data.join("sauvegardes")).expect("dir");
    store.backup_to(&backup).expect("backup");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let blob = store.blob_store().path_of(&piece.sha256);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("recours.sqlite3")), 0o600);
    assert_eq!(mode(&data.join("recours.sqlite3-wal")), 0o600);
    assert_eq!(mode(&blob), 0o600);
    assert_eq!(mode(blob.parent().expect("dir")), 0o700);
    assert_eq!(mode(&data.join("blobs")), 0o700);
    assert_eq!(mode(&backup), 0o600);
}

#[test]
fn a_deleted_dossier_leaves_nothing_of_its_own_on_disk() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    let d = store
        .create_dossier(&input("Colis"), today())
        .expect("dossier");
    let src = dir.path().join("f.pdf");
    std::fs::write(&src, b"%PDF-1.4 seul").expect("write");
    let AttachOutcome::Stored { piece } = attach(&mut store, d.id, &src) else {
        panic!("stored");
    };
    let copy = make_opened_copy(&store.blob_store(), store.data_dir(), &piece).expect("copy");
    let sheets = store.documents_dir(d.id);
    std::fs::create_dir_all(&sheets).expect("dir");
    std::fs::write(sheets.join("Aide-requete-2026-11-24.pdf"), b"%PDF").expect("sheet");
    // Something that is not Recours' own, next to it, must survive.
    let other = store.data_dir().join("documents").join("notes-perso.txt");
    std::fs::write(&other, b"a moi").expect("write");

    store.delete_dossier(d.id).expect("delete");
    assert!(!store.blob_store().path_of(&piece.sha256).exists());
    assert!(!copy.path.exists());
    assert!(!copy.path.parent().expect("dir").exists());
    assert!(!sheets.exists());
    assert!(other.exists());
}
