//! The evidence store on real files: streaming copy, SHA-256 naming, duplicates, odd inputs,
//! removal, and the integrity check.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, Merchant, Order, PaymentMethod, Problem};
use recours_core::evidence::{AttachOutcome, Category, Piece, PieceEdit};
use recours_core::Store;
use sha2::{Digest, Sha256};

const LIMIT: u64 = 1_000_000_000;
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 13, b'I', b'H', b'D', b'R',
];

fn dossier_input() -> DossierInput {
    DossierInput {
        title: "Colis".into(),
        problem: Problem::NonDelivery,
        description: String::new(),
        goal: Default::default(),
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "MaBoutique".into(),
            website: None,
            email: None,
            phone: None,
            postal_address: None,
            country: "FR".into(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status: Default::default(),
        },
        platform: None,
        order: Order {
            reference: None,
            date: NaiveDate::from_ymd_opt(2026, 9, 1).expect("date"),
            amount_cents: 100,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: None,
            delivered_date: None,
            used_goods: false,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
    dossier: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(&dir.path().join("data")).expect("open");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let dossier = store
        .create_dossier(&dossier_input(), today)
        .expect("dossier")
        .id;
    Fixture {
        dir,
        store,
        dossier,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn stored(outcome: AttachOutcome) -> Piece {
    match outcome {
        AttachOutcome::Stored { piece } => piece,
        other => panic!("expected stored, got {other:?}"),
    }
}

fn refused(outcome: AttachOutcome) -> (String, String) {
    match outcome {
        AttachOutcome::Refused { code, message, .. } => (code, message),
        other => panic!("expected refused, got {other:?}"),
    }
}

#[test]
fn a_file_is_kept_byte_for_byte_under_its_sha256() {
    let mut f = fixture();
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let src = write(f.dir.path(), "Facture mars 2026.pdf", &bytes);
    let piece = stored(f.store.attach_file(f.dossier, &src, LIMIT).expect("attach"));
    assert_eq!(piece.sha256, sha256_hex(&bytes));
    assert_eq!(piece.size, bytes.len() as u64);
    assert_eq!(piece.category, Category::Invoice);
    assert_eq!(piece.title, "Facture mars 2026");
    assert_eq!(piece.original_name, "Facture mars 2026.pdf");
    let blob = f.store.blob_store().path_of(&piece.sha256);
    assert!(blob.starts_with(
        f.dir
            .path()
            .join("data/blobs/sha256")
            .join(piece.sha256.split().0)
    ));
    assert_eq!(std::fs::read(&blob).expect("blob"), bytes);
    assert_eq!(
        std::fs::read(&src).expect("source"),
        bytes,
        "the source is left as it was"
    );
    assert_eq!(f.store.list_pieces(f.dossier).expect("list"), vec![piece]);
}

#[test]
fn the_type_comes_from_the_content_not_the_name() {
    let mut f = fixture();
    let src = write(f.dir.path(), "photo-colis.pdf", PNG);
    let piece = stored(f.store.attach_file(f.dossier, &src, LIMIT).expect("attach"));
    assert_eq!(piece.mime, "image/png");
    let mail = write(
        f.dir.path(),
        "réponse.eml",
        b"Return-Path: <sav@boutique.fr>\nSubject: Votre commande\n\nBonjour",
    );
    assert_eq!(
        stored(
            f.store
                .attach_file(f.dossier, &mail, LIMIT)
                .expect("attach")
        )
        .mime,
        "message/rfc822"
    );
    // Saved by a mail program that writes Content-Type first, with an HTML body: still an e-mail.
    let html_mail = write(
        f.dir.path(),
        "confirmation.eml",
        b"Content-Type: text/html; charset=utf-8\nMIME-Version: 1.0\nFrom: Boutique <sav@boutique.fr>\n\
          Date: Sat, 21 Nov 2026 00:30:00 +0100\nSubject: Commande\n\n<html><body>Merci</body></html>",
    );
    let piece = stored(
        f.store
            .attach_file(f.dossier, &html_mail, LIMIT)
            .expect("attach"),
    );
    assert_eq!(piece.mime, "message/rfc822");
    // A saved web page is a page, a note is text.
    let page = write(
        f.dir.path(),
        "page.html",
        b"<!DOCTYPE html><html><body>Commande</body></html>",
    );
    let piece = stored(
        f.store
            .attach_file(f.dossier, &page, LIMIT)
            .expect("attach"),
    );
    assert_eq!(piece.mime, "text/html");
    let note = write(f.dir.path(), "note.txt", b"Subject: my notes\nnothing else");
    let piece = stored(
        f.store
            .attach_file(f.dossier, &note, LIMIT)
            .expect("attach"),
    );
    assert_eq!(piece.mime, "text/plain");
}

#[test]
fn the_same_file_twice_is_said_and_stored_once() {
    let mut f = fixture();
    let a = write(f.dir.path(), "a.txt", b"commande 42");
    let b = write(f.dir.path(), "copie de a.txt", b"commande 42");
    let first = stored(f.store.attach_file(f.dossier, &a, LIMIT).expect("attach"));
    match f.store.attach_file(f.dossier, &b, LIMIT).expect("attach") {
        AttachOutcome::Duplicate { piece } => assert_eq!(piece.id, first.id),
        other => panic!("expected duplicate, got {other:?}"),
    }
    assert_eq!(f.store.list_pieces(f.dossier).expect("list").len(), 1);

    // In another dossier it is a piece of its own, sharing the same file.
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let other = f
        .store
        .create_dossier(&dossier_input(), today)
        .expect("dossier")
        .id;
    let second = stored(f.store.attach_file(other, &b, LIMIT).expect("attach"));
    assert_eq!(second.sha256, first.sha256);
    let files: Vec<_> = f.store.blob_store().files();
    assert_eq!(files.len(), 1);

    // Removing it from one dossier keeps the file for the other; removing the last removes the file.
    f.store.remove_piece(first.id).expect("remove");
    assert!(f.store.blob_store().path_of(&first.sha256).exists());
    f.store.remove_piece(second.id).expect("remove");
    assert!(!f.store.blob_store().path_of(&first.sha256).exists());
    assert!(f.store.check_integrity(true).expect("check").is_ok());
}

#[test]
fn odd_inputs_are_refused_in_french_and_change_nothing() {
    let mut f = fixture();
    let folder = f.dir.path().join("Mes preuves");
    std::fs::create_dir(&folder).expect("dir");
    write(&folder, "1.jpg", PNG);
    write(&folder, "2.jpg", b"x");
    let (code, message) = refused(
        f.store
            .attach_file(f.dossier, &folder, LIMIT)
            .expect("attach"),
    );
    assert_eq!(code, "folder");
    assert!(message.contains("2 fichier(s)"), "{message}");

    let empty = write(f.dir.path(), "vide.pdf", b"");
    assert_eq!(
        refused(
            f.store
                .attach_file(f.dossier, &empty, LIMIT)
                .expect("attach")
        )
        .0,
        "empty"
    );

    let big = write(f.dir.path(), "gros.bin", &[7u8; 2048]);
    let (code, message) = refused(f.store.attach_file(f.dossier, &big, 1024).expect("attach"));
    assert_eq!(code, "too_large");
    assert!(message.contains("trop gros"), "{message}");

    let gone = f.dir.path().join("disparu.pdf");
    assert_eq!(
        refused(
            f.store
                .attach_file(f.dossier, &gone, LIMIT)
                .expect("attach")
        )
        .0,
        "not_found"
    );

    #[cfg(unix)]
    {
        let target = write(f.dir.path(), "cible.txt", b"cible");
        let link = f.dir.path().join("raccourci.txt");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(
            refused(
                f.store
                    .attach_file(f.dossier, &link, LIMIT)
                    .expect("attach")
            )
            .0,
            "symlink"
        );
    }

    assert!(f.store.list_pieces(f.dossier).expect("list").is_empty());
    assert!(
        f.store.blob_store().files().is_empty(),
        "no file, no temporary file left"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let mut f = fixture();
    let secret = write(f.dir.path(), "secret.pdf", b"%PDF-1.4 secret");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        return; // running as root: permissions do not apply, nothing to test here
    }
    assert_eq!(
        refused(
            f.store
                .attach_file(f.dossier, &secret, LIMIT)
                .expect("attach")
        )
        .0,
        "unreadable"
    );
}

#[test]
fn names_with_accents_emoji_quotes_and_dots_are_kept_as_given() {
    let mut f = fixture();
    let names = [
        "Reçu d'achat « été » 🧾.pdf",
        "..\"quoted\" name..txt",
        &format!("{}.txt", "très-long-".repeat(20)),
    ];
    for (i, name) in names.iter().enumerate() {
        let src = write(f.dir.path(), name, format!("contenu {i}").as_bytes());
        let piece = stored(f.store.attach_file(f.dossier, &src, LIMIT).expect("attach"));
        assert_eq!(&piece.original_name, name);
        assert!(piece.title.chars().count() <= 200);
    }
    // A name that tries to climb out of the store does not matter: the file is stored by hash.
    let sub = f.dir.path().join("sub");
    std::fs::create_dir(&sub).expect("dir");
    let tricky = write(&sub, "evil.txt", b"evil");
    let through = sub.join("..").join("sub").join("evil.txt");
    let piece = stored(
        f.store
            .attach_file(f.dossier, &through, LIMIT)
            .expect("attach"),
    );
    assert_eq!(piece.original_name, "evil.txt");
    assert!(tricky.exists());
    assert!(f.store.check_integrity(true).expect("check").is_ok());
}

#[test]
fn pieces_can_be_described_and_a_bad_title_is_refused() {
    let mut f = fixture();
    let src = write(f.dir.path(), "IMG_2041.jpg", PNG);
    let piece = stored(f.store.attach_file(f.dossier, &src, LIMIT).expect("attach"));
    assert_eq!(piece.category, Category::Photo);
    let edit = PieceEdit {
        category: Category::Photo,
        title: "  Écran fissuré à la livraison ".into(),
        description: "Photo prise à l'ouverture du colis.".into(),
        document_date: NaiveDate::from_ymd_opt(2026, 9, 12),
    };
    let edited = f.store.update_piece(piece.id, &edit).expect("edit");
    assert_eq!(edited.title, "Écran fissuré à la livraison");
    assert_eq!(edited.sha256, piece.sha256);
    let bad = PieceEdit {
        title: "  ".into(),
        ..edit
    };
    assert_eq!(
        f.store
            .update_piece(piece.id, &bad)
            .expect_err("refused")
            .code(),
        "validation"
    );
    assert_eq!(f.store.get_piece(piece.id).expect("get"), edited);
}

#[test]
fn deleting_a_dossier_removes_the_files_only_it_used() {
    let mut f = fixture();
    let src = write(f.dir.path(), "facture.pdf", b"%PDF-1.4 facture");
    let piece = stored(f.store.attach_file(f.dossier, &src, LIMIT).expect("attach"));
    f.store.delete_dossier(f.dossier).expect("delete");
    assert!(!f.store.blob_store().path_of(&piece.sha256).exists());
    assert!(f.store.check_integrity(true).expect("check").is_ok());
}

#[test]
fn the_integrity_check_finds_missing_corrupt_orphan_and_temporary_files() {
    let mut f = fixture();
    let a = stored(
        f.store
            .attach_file(f.dossier, &write(f.dir.path(), "a.txt", b"aaaa"), LIMIT)
            .expect("a"),
    );
    let b = stored(
        f.store
            .attach_file(f.dossier, &write(f.dir.path(), "b.txt", b"bbbb"), LIMIT)
            .expect("b"),
    );
    let report = f.store.check_integrity(false).expect("check");
    assert!(report.is_ok());
    assert_eq!(report.blobs_checked, 2);

    // Same size, other bytes: only the full check sees it.
    std::fs::write(f.store.blob_store().path_of(&a.sha256), b"aaab").expect("corrupt");
    assert!(f.store.check_integrity(false).expect("fast").is_ok());
    assert_eq!(
        f.store.check_integrity(true).expect("full").corrupt,
        vec![a.sha256.to_string()]
    );

    std::fs::remove_file(f.store.blob_store().path_of(&b.sha256)).expect("lose");
    let root = f.store.blob_store().root().to_path_buf();
    std::fs::create_dir_all(root.join("ff")).expect("dir");
    std::fs::write(root.join("ff").join("0".repeat(62)), b"stray").expect("orphan");
    std::fs::write(root.join(".tmp-123-456"), b"half").expect("temp");
    let report = f.store.check_integrity(false).expect("check");
    assert_eq!(report.missing, vec![b.sha256.to_string()]);
    assert_eq!(report.orphan_files.len(), 1);
    assert_eq!(report.temp_files_removed.len(), 1);
    assert!(
        !root.join(".tmp-123-456").exists(),
        "temporary files are cleaned"
    );
    assert!(!report.is_ok());
}

#[test]
fn a_file_cut_short_during_the_copy_is_refused_and_leaves_nothing() {
    let mut f = fixture();
    let big = f.dir.path().join("vidéo du déballage.mp4");
    {
        use std::io::Write;
        let mut out = std::fs::File::create(&big).expect("create");
        let block = vec![42u8; 1 << 20];
        for _ in 0..300 {
            out.write_all(&block).expect("write");
        }
    }
    // Another program truncates the file while Recours copies it.
    let path = big.clone();
    let cutter = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(15));
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_len(1 << 20))
            .expect("truncate");
    });
    let outcome = f.store.attach_file(f.dossier, &big, LIMIT).expect("attach");
    cutter.join().expect("cutter");
    match outcome {
        AttachOutcome::Refused { code, message, .. } => {
            assert_eq!(code, "changed");
            assert!(
                message.contains("a changé ou disparu pendant la copie"),
                "{message}"
            );
            assert!(f.store.list_pieces(f.dossier).expect("list").is_empty());
            assert!(
                f.store.blob_store().files().is_empty(),
                "no blob, no temporary file"
            );
        }
        // The copy won the race: then it must be whole and true to its hash.
        AttachOutcome::Stored { piece } => {
            assert!(f.store.check_integrity(true).expect("check").is_ok());
            assert_eq!(piece.size, 300 << 20);
        }
        other => panic!("unexpected {other:?}"),
    }
}
