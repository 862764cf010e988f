//! Crafted backups, made the way an outsider would: take a real `.recours` file, change its database
//! or its archive, recompute the manifest and the seal (anyone can), and hand it to restore. Each one
//! must be refused with a French message, leaving the current data, and a canary file outside the
//! store, exactly as they were.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

mod common;

use common::{non_delivery as input, today};
use recours_core::evidence::AttachOutcome;
use recours_core::Store;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn sha_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The database's rows, as text.
fn rows(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let tables: Vec<String> = {
        let mut s = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .expect("tables");
        let names = s.query_map([], |r| r.get(0)).expect("rows");
        names.collect::<Result<_, _>>().expect("names")
    };
    let mut out = Vec::new();
    for t in tables {
        let mut s = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1"))
            .expect("select");
        let n = s.column_count();
        let all = s
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .expect("rows");
        for row in all {
            out.push(format!("{t}: {}", row.expect("row").join("|")));
        }
    }
    out
}

/// What the data folder holds: every file with its bytes, the database by its rows (its file and
/// journal change when it is closed and opened again), the lock file aside.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().expect("type").is_dir() {
                stack.push(p);
            } else if name == "recours.sqlite3" {
                out.insert(p.clone(), rows(&p).join("\n").into_bytes());
            } else if ![
                "recours.verrou",
                "recours.sqlite3-wal",
                "recours.sqlite3-shm",
            ]
            .contains(&name.as_str())
            {
                out.insert(p.clone(), std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// One entry of a crafted archive.
struct Entry {
    name: String,
    bytes: Vec<u8>,
    method: CompressionMethod,
}

/// A real backup taken apart: its entries and its manifest.
struct Parts {
    entries: Vec<Entry>,
    manifest: serde_json::Value,
}

impl Parts {
    fn of(file: &Path) -> Parts {
        let mut archive =
            zip::ZipArchive::new(std::fs::File::open(file).expect("open")).expect("zip");
        let mut entries = Vec::new();
        let mut manifest = serde_json::Value::Null;
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).expect("entry");
            let name = e.name().expect("name").into_owned();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).expect("read");
            if name == "manifest.json" {
                manifest = serde_json::from_slice(&bytes).expect("manifest");
            } else {
                entries.push(Entry {
                    name,
                    bytes,
                    method: CompressionMethod::Stored,
                });
            }
        }
        Parts { entries, manifest }
    }

    fn db(&mut self) -> &mut Vec<u8> {
        &mut self
            .entries
            .iter_mut()
            .find(|e| e.name == "recours.sqlite3")
            .expect("db entry")
            .bytes
    }

    /// Changes the database with SQL, as a person with a copy of SQLite would.
    fn edit_db(&mut self, work: &Path, sql: &[&str]) {
        let path = work.join("edit.sqlite3");
        let _ = std::fs::remove_file(&path);
        std::fs::write(&path, &*self.db()).expect("write db");
        for step in sql {
            // Each step on a fresh connection: a schema edited through writable_schema is read anew.
            let conn = rusqlite::Connection::open(&path).expect("open db");
            conn.execute_batch(step).expect("sql");
        }
        *self.db() = std::fs::read(&path).expect("read db");
    }

    /// What an attacker does after editing: list every entry with its true size and hash.
    fn relist(&mut self) {
        let files: Vec<serde_json::Value> = self
            .entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "path": e.name, "size": e.bytes.len(), "sha256": sha_hex(&e.bytes)
                })
            })
            .collect();
        self.manifest["files"] = serde_json::Value::Array(files);
    }

    fn write(&self, out: &Path) {
        self.write_with(
            out,
            serde_json::to_vec(&self.manifest).expect("json"),
            CompressionMethod::Stored,
        );
    }

    fn write_with(&self, out: &Path, manifest: Vec<u8>, manifest_method: CompressionMethod) {
        let file = std::fs::File::create(out).expect("create");
        let mut w = zip::ZipWriter::new(file);
        for e in &self.entries {
            w.start_file(
                e.name.as_str(),
                SimpleFileOptions::default().compression_method(e.method),
            )
            .expect("start");
            w.write_all(&e.bytes).expect("write");
        }
        w.start_file(
            "manifest.json",
            SimpleFileOptions::default().compression_method(manifest_method),
        )
        .expect("start");
        w.write_all(&manifest).expect("write");
        w.set_comment("0".repeat(64)).expect("comment");
        w.finish().expect("finish");
        reseal(out);
    }
}

/// The seal anyone can compute: SHA-256 of the file with its last 64 bytes as zeros.
fn reseal(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read");
    let n = bytes.len();
    bytes[n - 64..].fill(0);
    let seal = sha_hex(&bytes);
    bytes[n - 64..].copy_from_slice(seal.as_bytes());
    std::fs::write(path, bytes).expect("write");
}

/// Replaces every occurrence of `from` by `to` (same length) in the file: names in the local and
/// central headers, or a size field.
fn patch(path: &Path, from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut bytes = std::fs::read(path).expect("read");
    let mut found = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            found += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    assert!(found > 0, "nothing to patch");
    std::fs::write(path, bytes).expect("write");
    reseal(path);
}

struct Scene {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// A real backup of a store with two dossiers and two pieces.
    backup: PathBuf,
    /// The person's current data, which no refused backup may change.
    target: Store,
    canary: PathBuf,
}

fn scene() -> Scene {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().to_path_buf();
    let mut source = Store::open(&root.join("source")).expect("open");
    let d = source
        .create_dossier(&input("Colis perdu"), today())
        .expect("dossier");
    for (name, bytes) in [
        ("a.pdf", b"%PDF-1.4 a".to_vec()),
        ("b.txt", vec![7u8; 3000]),
    ] {
        let p = root.join(name);
        std::fs::write(&p, bytes).expect("write");
        assert!(matches!(
            source.attach_file(d.id, &p, 1 << 30).expect("attach"),
            AttachOutcome::Stored { .. }
        ));
    }
    let backup = root.join("vrai.recours");
    source.backup_to(&backup).expect("backup");
    drop(source);

    let mut target = Store::open(&root.join("mes-donnees")).expect("open");
    let mine = target
        .create_dossier(&input("Mes données"), today())
        .expect("dossier");
    let p = root.join("ma-facture.pdf");
    std::fs::write(&p, b"%PDF-1.4 la mienne").expect("write");
    target.attach_file(mine.id, &p, 1 << 30).expect("attach");
    let canary = root.join("canari.txt");
    std::fs::write(&canary, b"ne pas toucher").expect("canary");
    Scene {
        _dir: dir,
        root,
        backup,
        target,
        canary,
    }
}

/// Restores `file` into the scene's store and checks it was refused with nothing touched.
fn assert_refused(s: &mut Scene, file: &Path, what: &str) -> String {
    let before = snapshot(s.target.data_dir());
    let err = s
        .target
        .restore_from(file)
        .expect_err(&format!("{what}: must be refused"));
    assert!(
        ["backup_refused", "schema_too_new"].contains(&err.code()),
        "{what}: {} — {err}",
        err.code()
    );
    assert!(
        err.to_string().contains("pas été touchées"),
        "{what}: {err}"
    );
    assert_eq!(
        snapshot(s.target.data_dir()),
        before,
        "{what}: data changed"
    );
    assert_eq!(
        std::fs::read(&s.canary).expect("canary"),
        b"ne pas toucher",
        "{what}: the canary changed"
    );
    // The store still works on the same data, and deleting a piece touches nothing outside it.
    assert!(
        s.target.check_integrity(true).expect("check").is_ok(),
        "{what}"
    );
    assert!(s.canary.exists());
    err.to_string()
}

fn crafted(s: &Scene, name: &str, change: impl FnOnce(&mut Parts, &Path)) -> PathBuf {
    let mut parts = Parts::of(&s.backup);
    change(&mut parts, &s.root);
    let out = s.root.join(format!("{name}.recours"));
    parts.write(&out);
    out
}

/// The blob table as it would be without its CHECK (what a crafted database declares).
const BLOB_WITHOUT_CHECK: &str = "CREATE TABLE blob (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL CHECK (size > 0),
    mime       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT";

/// Points every piece and blob row of the database at `text` instead of a hash.
fn repoint(parts: &mut Parts, work: &Path, text: &str, keep_schema_text: bool) {
    let original: String = {
        let path = work.join("peek.sqlite3");
        std::fs::write(&path, &*parts.db()).expect("write");
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'blob'",
            [],
            |r| r.get(0),
        )
        .expect("sql")
    };
    let loosen = format!(
        "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '{}' WHERE name = 'blob';",
        BLOB_WITHOUT_CHECK.replace('\'', "''")
    );
    let change = format!(
        "PRAGMA foreign_keys = OFF;
         UPDATE blob SET sha256 = '{t}' WHERE rowid = (SELECT min(rowid) FROM blob);
         UPDATE piece SET blob_sha256 = '{t}' WHERE id = (SELECT min(id) FROM piece);",
        t = text.replace('\'', "''")
    );
    let tighten = format!(
        "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '{}' WHERE name = 'blob';",
        original.replace('\'', "''")
    );
    if keep_schema_text {
        parts.edit_db(work, &[&loosen, &change, &tighten]);
    } else {
        parts.edit_db(work, &[&loosen, &change]);
    }
    parts.relist();
}

#[test]
fn a_hash_that_is_a_path_is_refused_whether_or_not_the_schema_hides_it() {
    let mut s = scene();
    let canary = s.canary.display().to_string();
    // `blobs/sha256` joined with "//…" is the absolute path of the canary.
    let absolute = format!("/{}", canary);
    let dotdot = "../".repeat(21) + "x";
    let non_ascii = "é".repeat(32);
    for (name, text) in [
        ("absolu", absolute.as_str()),
        ("parent", dotdot.as_str()),
        ("non-ascii", non_ascii.as_str()),
    ] {
        for keep in [false, true] {
            let file = crafted(&s, &format!("{name}-{keep}"), |p, work| {
                repoint(p, work, text, keep)
            });
            assert_refused(&mut s, &file, &format!("{name} (schéma intact : {keep})"));
        }
    }
}

#[test]
fn triggers_views_and_tables_recours_does_not_make_are_refused() {
    let mut s = scene();
    for (name, sql) in [
        (
            "declencheur",
            "CREATE TRIGGER t AFTER DELETE ON piece BEGIN DELETE FROM dossier; END;",
        ),
        ("vue", "CREATE VIEW v AS SELECT * FROM dossier;"),
        ("table", "CREATE TABLE x (a TEXT);"),
        ("index", "CREATE INDEX i ON dossier (title);"),
    ] {
        let file = crafted(&s, name, |p, work| {
            p.edit_db(work, &[sql]);
            p.relist();
        });
        let message = assert_refused(&mut s, &file, name);
        assert!(message.contains("structure"), "{name}: {message}");
    }
}

#[test]
fn rows_that_break_the_rules_are_refused() {
    let mut s = scene();
    let cases: [(&str, &[&str]); 3] = [
        (
            "cle-etrangere",
            &["PRAGMA foreign_keys = OFF; UPDATE piece SET dossier_id = 999;"],
        ),
        (
            "probleme-inconnu",
            // Through writable_schema, a value the CHECK forbids, the schema text unchanged.
            &[
                "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
               UPDATE dossier SET problem = 'bidon';",
            ],
        ),
        (
            "piece-sans-fichier",
            &["PRAGMA foreign_keys = OFF; DELETE FROM blob;"],
        ),
    ];
    for (name, sql) in cases {
        let file = crafted(&s, name, |p, work| {
            p.edit_db(work, sql);
            p.relist();
        });
        assert_refused(&mut s, &file, name);
    }
    let garbage = crafted(&s, "pas-une-base", |p, _| {
        *p.db() = b"ceci n'est pas une base SQLite".repeat(100);
        p.relist();
    });
    assert_refused(&mut s, &garbage, "pas une base");
}

#[test]
fn archive_tricks_are_refused_before_anything_is_unpacked() {
    let mut s = scene();
    // A compressed entry (a "zip bomb" would be one).
    let deflated = crafted(&s, "deflate", |p, _| {
        p.entries[1].method = CompressionMethod::Deflated;
    });
    assert_refused(&mut s, &deflated, "entrée compressée");

    // A Deflate entry whose declared size lies: 20 MB of zeros declared as 16 bytes.
    let bomb = crafted(&s, "bombe", |p, _| {
        p.entries.push(Entry {
            name: "blobs/sha256/00/bombe".into(),
            bytes: vec![0u8; 20_000_000],
            method: CompressionMethod::Deflated,
        });
    });
    let real = 20_000_000u32.to_le_bytes();
    patch(&bomb, &real, &16u32.to_le_bytes());
    assert_refused(&mut s, &bomb, "taille mensongère");

    // A size in the manifest that is not the entry's.
    let lying = crafted(&s, "taille", |p, _| {
        p.manifest["files"][1]["size"] = serde_json::json!(1);
    });
    assert_refused(&mut s, &lying, "taille du manifeste");

    // The same name twice (the second one would win in some readers).
    let twice = crafted(&s, "double", |p, _| {
        let copy = Entry {
            name: p.entries[1].name.replace("sha256/", "sha256X"),
            bytes: b"autre contenu".to_vec(),
            method: CompressionMethod::Stored,
        };
        p.entries.push(copy);
    });
    let Parts { entries, .. } = Parts::of(&s.backup);
    let original = entries[1].name.clone();
    patch(
        &twice,
        original.replace("sha256/", "sha256X").as_bytes(),
        original.as_bytes(),
    );
    assert_refused(&mut s, &twice, "entrée en double");

    // An entry the manifest does not list, and a listed path outside the blob layout.
    let extra = crafted(&s, "extra", |p, _| {
        p.entries.push(Entry {
            name: "notes.txt".into(),
            bytes: b"x".to_vec(),
            method: CompressionMethod::Stored,
        });
    });
    assert_refused(&mut s, &extra, "entrée non déclarée");
    let escape = crafted(&s, "evasion", |p, _| {
        p.entries[1].name = "../../canari.txt".into();
        p.relist();
    });
    assert_refused(&mut s, &escape, "chemin hors du magasin");
    let bad_hash = crafted(&s, "empreinte", |p, _| {
        p.manifest["files"][1]["sha256"] = serde_json::json!("../../../../etc/passwd");
    });
    assert_refused(&mut s, &bad_hash, "empreinte invalide");

    // A manifest far too large, stored compressed, with its declared size shrunk.
    let parts = Parts::of(&s.backup);
    let mut huge = serde_json::to_vec(&parts.manifest).expect("json");
    huge.extend(std::iter::repeat_n(b' ', 80 << 20));
    let out = s.root.join("manifeste.recours");
    parts.write_with(&out, huge, CompressionMethod::Deflated);
    let declared = ((80u32 << 20)
        + serde_json::to_vec(&parts.manifest).expect("json").len() as u32)
        .to_le_bytes();
    patch(&out, &declared, &100u32.to_le_bytes());
    let message = assert_refused(&mut s, &out, "manifeste démesuré");
    assert!(message.contains("manifeste"), "{message}");
    // The real backup still restores.
    s.target.restore_from(&s.backup).expect("the real one");
}
