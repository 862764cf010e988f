//! The dossier export on real stores: the bordereau lists exactly the exported pieces, in the chosen
//! order, each with the SHA-256 of its exported copy; a damaged piece stops the export and leaves
//! nothing behind.

mod support;

use std::io::Read;
use std::path::Path;

use recours_core::dossier::Problem;
use recours_core::evidence::AttachOutcome;
use recours_core::Store;
use recours_documents::export::{export, Target, BORDEREAU_NAME, SUMMARY_NAME};
use support::*;

fn attach(store: &mut Store, dossier: i64, dir: &Path, name: &str, bytes: &[u8]) -> i64 {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    match store.attach_file(dossier, &path, 1 << 30).expect("attach") {
        AttachOutcome::Stored { piece } => piece.id,
        other => panic!("not stored: {other:?}"),
    }
}

struct Exported {
    f: Fixture,
    ids: Vec<i64>,
    dossier: i64,
}

fn dossier_with_pieces() -> Exported {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::NonDelivery, "A-12345", 123_456), today())
        .expect("dossier");
    f.store
        .add_event(
            d.id,
            &event(
                recours_core::rules::model::EventKind::ComplaintSent,
                day(2026, 5, 2),
            ),
            today(),
        )
        .expect("event");
    let src = f.dir.path().join("src");
    std::fs::create_dir_all(&src).expect("dir");
    let ids = vec![
        attach(
            &mut f.store,
            d.id,
            &src,
            "Bon de commande.pdf",
            b"%PDF-1.4\n% bon de commande\n",
        ),
        attach(
            &mut f.store,
            d.id,
            &src,
            "Échange SAV.txt",
            "Bonjour,\nvotre colis arrive.\n".as_bytes(),
        ),
        attach(
            &mut f.store,
            d.id,
            &src,
            "photo colis.png",
            &[0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 1, 2, 3],
        ),
    ];
    Exported {
        f,
        ids,
        dossier: d.id,
    }
}

/// "Pièce n° 1 — …" lines of the bordereau's text with the hash that follows each.
fn bordereau_entries(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in text.split("Pièce n° ").skip(1) {
        let title = part.split(" Piece-").next().unwrap_or("").to_owned();
        let hash = part
            .split("SHA-256 ")
            .nth(1)
            .and_then(|h| h.split_whitespace().next())
            .unwrap_or("")
            .to_owned();
        out.push((title, hash));
    }
    out
}

#[test]
fn a_folder_export_holds_the_summary_the_bordereau_and_each_chosen_piece_in_order() {
    let e = dossier_with_pieces();
    let snap =
        e.f.store
            .dossier_snapshot(e.dossier, today())
            .expect("snap");
    let out = e.f.dir.path().join("exports");
    std::fs::create_dir_all(&out).expect("dir");
    // The photo first, then the order form; the e-mail left out.
    let chosen = [e.ids[2], e.ids[0]];
    let report = export(
        &snap,
        Some(&chosen),
        &e.f.store.blob_store(),
        &Target::Folder(out.clone()),
        &mut |_| {},
    )
    .expect("export");
    assert_eq!(report.pieces, 2);
    let dir = Path::new(&report.path);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            SUMMARY_NAME,
            BORDEREAU_NAME,
            "Piece-01-photo-colis.png",
            "Piece-02-bon-de-commande.pdf"
        ]
    );
    for pdf in [SUMMARY_NAME, BORDEREAU_NAME] {
        assert_sound_pdf(&dir.join(pdf));
    }
    let text = pdf_text(&dir.join(BORDEREAU_NAME));
    let entries = bordereau_entries(&text);
    assert_eq!(entries.len(), 2, "bordereau: {text}");
    for (i, (file, (title, hash))) in ["Piece-01-photo-colis.png", "Piece-02-bon-de-commande.pdf"]
        .iter()
        .zip(&entries)
        .enumerate()
    {
        assert!(title.starts_with(&format!("{} — ", i + 1)), "{title}");
        let bytes = std::fs::read(dir.join(file)).expect("read");
        assert_eq!(hash, &sha256_hex(&bytes), "hash of {file}");
        assert!(text.contains(file));
    }
    assert!(entries[0].0.contains("photo colis") && entries[1].0.contains("Bon de commande"));
    assert!(!text.contains("Échange SAV"));
    let summary = pdf_text(&dir.join(SUMMARY_NAME));
    for needle in [
        "A-12345",
        "1 234,56 €",
        "12 mars 2026",
        "Réclamation envoyée",
        "2 mai 2026",
        "L216-1",
    ] {
        assert!(
            summary.contains(needle),
            "« {needle} » absent de la synthèse : {summary}"
        );
    }
    // A second export of the same day never overwrites the first.
    let again = export(
        &snap,
        None,
        &e.f.store.blob_store(),
        &Target::Folder(out.clone()),
        &mut |_| {},
    )
    .expect("export");
    assert_ne!(again.path, report.path);
    assert_eq!(again.pieces, 3);
}

#[test]
fn a_zip_export_has_the_same_files_and_reports_progress_up_to_the_total() {
    let e = dossier_with_pieces();
    let snap =
        e.f.store
            .dossier_snapshot(e.dossier, today())
            .expect("snap");
    let zip_path = e.f.dir.path().join("dossier.zip");
    let mut last = None;
    let report = export(
        &snap,
        None,
        &e.f.store.blob_store(),
        &Target::Zip(zip_path.clone()),
        &mut |p| last = Some(p),
    )
    .expect("export");
    let last = last.expect("progress");
    assert_eq!(last.done_bytes, last.total_bytes);
    assert_eq!(report.bytes, last.total_bytes);
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("zip")).expect("archive");
    let mut names = Vec::new();
    let pieces = e.f.store.list_pieces(e.dossier).expect("pieces");
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("name").into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name.contains("/Piece-") {
            assert!(
                pieces.iter().any(|p| p.sha256 == sha256_hex(&bytes)),
                "{name} differs from its piece"
            );
        }
        names.push(name.rsplit('/').next().unwrap_or("").to_owned());
    }
    assert_eq!(
        names[..2],
        [SUMMARY_NAME.to_owned(), BORDEREAU_NAME.to_owned()]
    );
    assert_eq!(names.len(), 5);
    assert!(names[2].starts_with("Piece-01-bon-de-commande"));
    // No temporary file left next to the ZIP.
    let leftovers: Vec<_> = std::fs::read_dir(e.f.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partiel"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_damaged_piece_stops_the_export_and_leaves_nothing_half_written() {
    let e = dossier_with_pieces();
    let snap =
        e.f.store
            .dossier_snapshot(e.dossier, today())
            .expect("snap");
    let piece = &snap.pieces[1];
    let blob = e.f.store.blob_store().path_of(&piece.sha256);
    let mut perms = std::fs::metadata(&blob).expect("meta").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&blob, perms).expect("perms");
    std::fs::write(&blob, b"altered!").expect("alter");
    let out = e.f.dir.path().join("exports");
    std::fs::create_dir_all(&out).expect("dir");
    let err = export(
        &snap,
        None,
        &e.f.store.blob_store(),
        &Target::Folder(out.clone()),
        &mut |_| {},
    )
    .expect_err("damaged");
    assert_eq!(err.code(), "document");
    assert!(
        err.to_string().contains("n'a plus le contenu enregistré"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&out).expect("dir").count(),
        0,
        "nothing left behind"
    );
    let zip = e.f.dir.path().join("d.zip");
    export(
        &snap,
        None,
        &e.f.store.blob_store(),
        &Target::Zip(zip.clone()),
        &mut |_| {},
    )
    .expect_err("damaged");
    assert!(!zip.exists());
}

#[test]
fn pieces_from_another_dossier_or_chosen_twice_are_refused() {
    let mut e = dossier_with_pieces();
    let other =
        e.f.store
            .create_dossier(&input(Problem::NonDelivery, "B-1", 100), today())
            .expect("dossier");
    let src = e.f.dir.path().join("src2");
    std::fs::create_dir_all(&src).expect("dir");
    let foreign = attach(
        &mut e.f.store,
        other.id,
        &src,
        "autre.txt",
        b"autre dossier",
    );
    let snap =
        e.f.store
            .dossier_snapshot(e.dossier, today())
            .expect("snap");
    let out = e.f.dir.path().join("x");
    for ids in [vec![e.ids[0], foreign], vec![e.ids[0], e.ids[0]]] {
        let err = export(
            &snap,
            Some(&ids),
            &e.f.store.blob_store(),
            &Target::Folder(out.clone()),
            &mut |_| {},
        )
        .expect_err("refused");
        assert_eq!(err.code(), "invalid_input");
    }
    assert!(!out.exists() || std::fs::read_dir(&out).expect("dir").count() == 0);
}

#[test]
fn each_court_form_gets_a_field_sheet_with_the_dossier_values() {
    use recours_core::letters::docs::{field_sheet, CourtForm};
    let e = dossier_with_pieces();
    let snap =
        e.f.store
            .dossier_snapshot(e.dossier, today())
            .expect("snap");
    for form in CourtForm::ALL {
        let pdf = recours_documents::render::field_sheet(&field_sheet(
            *form,
            &snap.facts(),
            &snap.pieces,
        ))
        .expect("pdf");
        let path = e.f.dir.path().join(format!("{}.pdf", form.as_str()));
        std::fs::write(&path, pdf).expect("write");
        assert_sound_pdf(&path);
        let text = pdf_text(&path);
        for needle in [
            form.cerfa(),
            "Camille Martin",
            "Électro Dépôt SAS",
            "552100554",
            "Bon de commande",
            "service-public",
        ] {
            assert!(
                text.contains(needle),
                "{form:?}: « {needle} » absent : {text}"
            );
        }
    }
}

#[test]
fn a_zip_name_chosen_without_its_extension_never_replaces_another_file() {
    use recours_documents::export::zip_path_for;
    let dir = tempfile::tempdir().expect("temp");
    let chosen = dir.path().join("Mon export");
    assert_eq!(
        zip_path_for(chosen.clone()),
        dir.path().join("Mon export.zip")
    );
    // The dialog confirmed « Mon export », not the « Mon export.zip » already there.
    std::fs::write(dir.path().join("Mon export.zip"), b"a garder").expect("write");
    assert_eq!(
        zip_path_for(chosen.clone()),
        dir.path().join("Mon export (2).zip")
    );
    std::fs::write(dir.path().join("Mon export (2).zip"), b"a garder").expect("write");
    assert_eq!(zip_path_for(chosen), dir.path().join("Mon export (3).zip"));
    // A name with .zip was confirmed by the dialog itself.
    let confirmed = dir.path().join("Mon export.ZIP");
    assert_eq!(zip_path_for(confirmed.clone()), confirmed);
    // « dossier.v2 » keeps its dot: the extension is added, not substituted.
    assert_eq!(
        zip_path_for(dir.path().join("dossier.v2")),
        dir.path().join("dossier.v2.zip")
    );
}
