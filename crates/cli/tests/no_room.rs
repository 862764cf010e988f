//! When the disk takes no more (here: a file-size limit set on the process, which fails writes the
//! way a full or FAT32 disk does), an ingest and a backup fail with a French message and leave the
//! data as it was: no piece, no blob, no temporary file, no half-written backup.
#![cfg(unix)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{cli, stdout_json};

const DOSSIER: &str = r#"{ "title": "Sans place", "problem": "other",
    "merchant": { "name": "Vendeur", "country": "FR" },
    "order": { "date": "2026-01-10", "amount_cents": 100, "payment_method": "card" } }"#;

/// recours-cli with writes limited to about 1 MB per file (512- or 1024-byte blocks, depending on
/// the shell); SIGXFSZ is ignored so that the write fails (EFBIG) instead of killing the process.
fn cli_without_room(data: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2048 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_recours-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("RECOURS_DATA_DIR")
        .output()
        .expect("run recours-cli under ulimit")
}

/// Every file under `dir`, relative, sorted (none when `dir` does not exist yet).
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir");
                out.push(rel.display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn dossier(dir: &Path, data: &Path) -> String {
    let file = dir.join("dossier.json");
    std::fs::write(&file, DOSSIER).expect("write");
    let created = stdout_json(&cli(
        data,
        &["create", "--json", file.to_str().expect("utf8")],
    ));
    created["id"].as_i64().expect("id").to_string()
}

#[test]
fn an_ingest_that_runs_out_of_room_adds_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let id = dossier(dir.path(), &data);
    let video = dir.path().join("deballage.mp4");
    std::fs::write(&video, vec![7u8; 6 * 1024 * 1024]).expect("write");
    let blobs_before = files_under(&data.join("blobs"));

    let out = cli_without_room(
        &data,
        &["attach", "--dossier", &id, video.to_str().expect("utf8")],
    );
    assert!(!out.status.success(), "the ingest must fail");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report[0]["outcome"]["result"], "refused", "{report}");
    assert_eq!(report[0]["outcome"]["code"], "too_big_for_disk", "{report}");
    let message = report[0]["outcome"]["message"].as_str().expect("message");
    assert!(
        message.contains("« deballage.mp4 » n'a pas été ajouté"),
        "{message}"
    );

    let pieces = stdout_json(&cli(&data, &["pieces", "--dossier", &id]));
    assert_eq!(pieces.as_array().expect("list").len(), 0);
    assert_eq!(
        files_under(&data.join("blobs")),
        blobs_before,
        "no blob or temporary file left"
    );
    let check = stdout_json(&cli(&data, &["check"]));
    assert_eq!(
        check["missing"].as_array().map(Vec::len),
        Some(0),
        "{check}"
    );
    assert_eq!(
        check["orphan_files"].as_array().map(Vec::len),
        Some(0),
        "{check}"
    );

    // With room again, the same file goes in.
    let out = stdout_json(&cli(
        &data,
        &["attach", "--dossier", &id, video.to_str().expect("utf8")],
    ));
    assert_eq!(out[0]["outcome"]["result"], "stored");
}

#[test]
fn a_backup_that_runs_out_of_room_leaves_no_file_and_says_why() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let id = dossier(dir.path(), &data);
    let video = dir.path().join("deballage.mp4");
    std::fs::write(&video, vec![7u8; 6 * 1024 * 1024]).expect("write");
    stdout_json(&cli(
        &data,
        &["attach", "--dossier", &id, video.to_str().expect("utf8")],
    ));
    let key = dir.path().join("cle-usb");
    std::fs::create_dir_all(&key).expect("dir");
    let target = key.join("recours-2026-11-24.recours");

    let out = cli_without_room(&data, &["backup", "--out", target.to_str().expect("utf8")]);
    assert!(!out.status.success(), "the backup must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("La sauvegarde n'a pas pu être écrite dans")
            && stderr.contains("n'accepte pas un fichier aussi gros")
            && stderr.contains("Vos données n'ont pas changé"),
        "{stderr}"
    );
    assert_eq!(
        files_under(&key),
        Vec::<String>::new(),
        "nothing left on the key"
    );

    // The data is intact: a backup with room works and restores.
    stdout_json(&cli(
        &data,
        &["backup", "--out", target.to_str().expect("utf8")],
    ));
    let check = stdout_json(&cli(&data, &["check"]));
    assert_eq!(
        check["missing"].as_array().map(Vec::len),
        Some(0),
        "{check}"
    );
}
