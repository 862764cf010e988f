//! Backup and restore on real stores: a round trip gives back the same database content and every
//! blob; a backup cut short or with one byte changed is refused and the current data stays as it was;
//! a backup from a newer schema is refused; the replaced data is kept as a backup of its own.

use std::path::Path;

mod common;

use common::{non_delivery as input, today};
use recours_core::evidence::AttachOutcome;
use recours_core::letters::{LetterEdit, LetterKind};
use recours_core::Store;

/// Every row of every table, as text: the database's content. The search index is derived data that
/// a restore makes again (its internal pages differ); what it finds is checked on its own.
fn content(store_dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(store_dir.join("recours.sqlite3")).expect("open");
    let tables: Vec<String> = {
        let mut s = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'search_index%' ORDER BY name",
            )
            .expect("tables");
        let rows = s.query_map([], |r| r.get(0)).expect("rows");
        rows.collect::<Result<_, _>>().expect("names")
    };
    let mut out = Vec::new();
    for t in tables {
        let mut s = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1"))
            .expect("select");
        let n = s.column_count();
        let rows = s
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cells.push(format!("{v:?}"));
                }
                Ok(cells.join("|"))
            })
            .expect("rows");
        for row in rows {
            out.push(format!("{t}: {}", row.expect("row")));
        }
    }
    out
}

fn blobs(store_dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let root = store_dir.join("blobs").join("sha256");
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for d in dirs {
            let d = d.expect("dir").path();
            for f in std::fs::read_dir(&d).expect("files") {
                let f = f.expect("file").path();
                out.push((
                    f.display()
                        .to_string()
                        .replace(&*store_dir.display().to_string(), ""),
                    std::fs::read(&f).expect("read"),
                ));
            }
        }
    }
    out.sort();
    out
}

fn filled_store(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("data")).expect("open");
    let d = store
        .create_dossier(&input("Colis perdu"), today())
        .expect("dossier");
    store
        .create_dossier(&input("Autre"), today())
        .expect("dossier");
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("dir");
    for (name, bytes) in [
        ("a.pdf", b"%PDF-1.4 a".to_vec()),
        ("b.txt", vec![7u8; 300_000]),
    ] {
        let p = src.join(name);
        std::fs::write(&p, bytes).expect("write");
        assert!(matches!(
            store.attach_file(d.id, &p, 1 << 30).expect("attach"),
            AttachOutcome::Stored { .. }
        ));
    }
    // A letter being written is part of the data too.
    let edit = LetterEdit {
        recipient: "MaBoutique\n1 rue A\n75001 Paris".into(),
        object: "Colis perdu".into(),
        body: "Bonjour,\n\nJe n'ai rien reçu.".into(),
        enclosures: String::new(),
    };
    store
        .save_letter_edit(d.id, LetterKind::Complaint, &edit)
        .expect("letter edit");
    store
}

#[test]
fn backup_then_restore_gives_back_the_same_content_and_every_blob() {
    let dir = tempfile::tempdir().expect("temp");
    let store = filled_store(dir.path());
    let before = content(store.data_dir());
    let before_blobs = blobs(store.data_dir());
    // A backup's folded keys are derived data, never trusted: one that lies about its dossier
    // (as a crafted file could) is made again from the dossier's own row on restore.
    rusqlite::Connection::open(store.data_dir().join("recours.sqlite3"))
        .expect("raw")
        .execute("UPDATE dossier_key SET key = 'mensonge'", [])
        .expect("lie");
    let file = dir.path().join("recours-2026-11-24.recours");
    let report = store.backup_to(&file).expect("backup");
    assert_eq!((report.dossiers, report.pieces), (2, 2));

    // Restore on another, fresh data folder (a new PC).
    let mut other = Store::open(&dir.path().join("ailleurs")).expect("open");
    other
        .create_dossier(&input("Sera remplacé"), today())
        .expect("dossier");
    let restored = other.restore_from(&file).expect("restore");
    assert_eq!(restored.dossiers, 2);
    assert_eq!(content(other.data_dir()), before);
    assert_eq!(blobs(other.data_dir()), before_blobs);
    assert!(other.check_integrity(true).expect("check").is_ok());
    assert_eq!(
        other
            .list_dossiers(&Default::default(), today())
            .expect("list")
            .len(),
        2
    );
    // The search index is made again on restore: a word only the letter has is found.
    let found = other
        .list_dossiers(
            &recours_core::dossier::DossierQuery {
                search: Some("bonjour".into()),
                ..Default::default()
            },
            today(),
        )
        .expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "Colis perdu");
    assert_eq!(
        found[0].search_hit.as_ref().map(|h| h.source.as_str()),
        Some("letter")
    );
    let search = |text: &str| {
        other
            .list_dossiers(
                &recours_core::dossier::DossierQuery {
                    search: Some(text.into()),
                    ..Default::default()
                },
                today(),
            )
            .expect("search")
            .len()
    };
    assert_eq!(search("mensonge"), 0, "the backup's key is not restored");
    assert_eq!(search("aBoutiq"), 2, "the seller's name, inside a word");
    // What was there before is kept as a backup, and can itself be restored.
    let kept = Path::new(&restored.path);
    assert!(kept.exists(), "the replaced data is kept");
    other.restore_from(kept).expect("restore the kept copy");
    let titles: Vec<String> = other
        .list_dossiers(&Default::default(), today())
        .expect("list")
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles, ["Sera remplacé"]);
}

#[test]
fn a_cut_or_altered_backup_is_refused_and_the_data_stays_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let store = filled_store(dir.path());
    let file = dir.path().join("b.recours");
    store.backup_to(&file).expect("backup");
    let bytes = std::fs::read(&file).expect("read");
    drop(store);

    let mut target = Store::open(&dir.path().join("cible")).expect("open");
    target
        .create_dossier(&input("Mes données"), today())
        .expect("dossier");
    let before = content(target.data_dir());
    let bad = dir.path().join("bad.recours");
    // Deterministic "random" positions across the whole file, both cuts and flips.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..40 {
        let pos = (next() % bytes.len() as u64) as usize;
        let damaged = if round % 2 == 0 {
            bytes[..pos].to_vec()
        } else {
            let mut b = bytes.clone();
            b[pos] ^= 1 << (next() % 8);
            b
        };
        std::fs::write(&bad, &damaged).expect("write");
        let err = target
            .restore_from(&bad)
            .expect_err("damaged backup refused");
        assert!(
            err.to_string().contains("endommagée"),
            "round {round} at {pos}: {err}"
        );
        assert_eq!(
            content(target.data_dir()),
            before,
            "round {round}: data changed"
        );
    }
    // Nothing left behind by the refused attempts.
    let leftovers: Vec<_> = std::fs::read_dir(target.data_dir())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".restauration") || n.starts_with(".ancien"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // The intact file still restores.
    target.restore_from(&file).expect("restore");
}

#[test]
fn a_backup_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let store = filled_store(dir.path());
    let file = dir.path().join("b.recours");
    store.backup_to(&file).expect("backup");
    // Rewrite the manifest's schema version and reseal, as a newer Recours would have written it.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&file).expect("open")).expect("zip");
    let newer = dir.path().join("newer.recours");
    {
        let out = std::fs::File::create(&newer).expect("create");
        let mut w = zip::ZipWriter::new(out);
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).expect("entry");
            let name = e.name().expect("name").into_owned();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut data).expect("read");
            if name == "manifest.json" {
                let mut m: serde_json::Value = serde_json::from_slice(&data).expect("json");
                m["schema_version"] = serde_json::json!(999);
                data = serde_json::to_vec(&m).expect("json");
            }
            w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .expect("start");
            std::io::Write::write_all(&mut w, &data).expect("write");
        }
        w.set_comment("0".repeat(64)).expect("comment");
        w.finish().expect("finish");
    }
    reseal(&newer);
    let mut target = Store::open(&dir.path().join("cible")).expect("open");
    let err = target.restore_from(&newer).expect_err("newer");
    assert_eq!(err.code(), "schema_too_new");
}

/// Writes the seal the way Recours does: SHA-256 of the file with its last 64 bytes as zeros.
fn reseal(path: &Path) {
    use sha2::{Digest, Sha256};
    let mut bytes = std::fs::read(path).expect("read");
    let n = bytes.len();
    bytes[n - 64..].fill(0);
    let seal: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    bytes[n - 64..].copy_from_slice(seal.as_bytes());
    std::fs::write(path, bytes).expect("write");
}
