//! recours-cli letter, export, field-sheet and sender, run as processes on real data directories.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use support::{cli, stdout_json as json};

const DOSSIER: &str = r#"{
  "title": "Aspirateur jamais livré",
  "problem": "non_delivery",
  "merchant": { "name": "Électro Dépôt", "country": "FR", "postal_address": "3 quai Est\n69002 Lyon" },
  "order": { "reference": "A-123", "date": "2026-09-01", "amount_cents": 19990, "payment_method": "card" }
}"#;

fn setup(dir: &Path, with_sender: bool) -> std::path::PathBuf {
    let data = dir.join("data");
    let file = dir.join("d.json");
    std::fs::write(&file, DOSSIER).expect("write");
    json(&cli(
        &data,
        &["create", "--json", file.to_str().expect("utf8")],
    ));
    if with_sender {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recours-cli"))
            .args([
                "--data-dir",
                data.to_str().expect("utf8"),
                "sender",
                "--json",
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(br#"{"name":"Camille Martin","address":"8 rue des Lilas","postal_code":"69003","city":"Lyon"}"#)
            .expect("write");
        assert!(child.wait_with_output().expect("wait").status.success());
    }
    data
}

#[test]
fn list_kinds_names_every_letter() {
    let dir = tempfile::tempdir().expect("temp");
    let kinds = json(&cli(dir.path(), &["letter", "--list-kinds"]));
    let names: Vec<&str> = kinds
        .as_array()
        .expect("array")
        .iter()
        .map(|k| k["kind"].as_str().expect("kind"))
        .collect();
    for k in [
        "complaint",
        "formal_notice_delivery",
        "formal_notice_conformity",
        "formal_notice_withdrawal",
        "termination",
        "withdrawal_form",
        "mediator_referral",
        "conciliator_referral",
        "bank_dispute",
        "reminder",
    ] {
        assert!(names.contains(&k), "{k} missing");
    }
}

#[test]
fn letter_to_a_file_or_into_the_dossier_and_export_to_a_zip() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), true);
    let out = dir.path().join("mise.pdf");
    let written = json(&cli(
        &data,
        &[
            "letter",
            "--dossier",
            "1",
            "--kind",
            "formal_notice_delivery",
            "--out",
            out.to_str().expect("utf8"),
        ],
    ));
    assert!(written["bytes"].as_u64().expect("bytes") > 1000);
    assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF-"));
    // The file is never replaced.
    let again = cli(
        &data,
        &[
            "letter",
            "--dossier",
            "1",
            "--kind",
            "formal_notice_delivery",
            "--out",
            out.to_str().expect("utf8"),
        ],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("existe déjà"));
    // Without --out, the letter becomes a piece.
    let piece = json(&cli(
        &data,
        &["letter", "--dossier", "1", "--kind", "complaint"],
    ));
    assert_eq!(piece["category"], "letter");
    let zip = dir.path().join("dossier.zip");
    let report = json(&cli(
        &data,
        &[
            "export",
            "--dossier",
            "1",
            "--out",
            zip.to_str().expect("utf8"),
        ],
    ));
    assert_eq!(report["pieces"], 1);
    assert!(zip.exists());
    let sheet = dir.path().join("ip.pdf");
    json(&cli(
        &data,
        &[
            "field-sheet",
            "--dossier",
            "1",
            "--form",
            "injonction_de_payer",
            "--out",
            sheet.to_str().expect("utf8"),
        ],
    ));
    assert!(sheet.exists());
}

#[test]
fn a_letter_without_sender_says_what_to_fill_in_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), false);
    let out = dir.path().join("mise.pdf");
    let res = cli(
        &data,
        &[
            "letter",
            "--dossier",
            "1",
            "--kind",
            "formal_notice_delivery",
            "--out",
            out.to_str().expect("utf8"),
        ],
    );
    assert!(!res.status.success());
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(
        err.contains("letter_incomplete") && err.contains("Réglages"),
        "{err}"
    );
    assert!(!out.exists());
    let bad = cli(
        &data,
        &["letter", "--dossier", "1", "--kind", "lettre_au_pere_noel"],
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--list-kinds"));
}

#[test]
fn backup_and_restore_through_the_cli() {
    let dir = tempfile::tempdir().expect("temp");
    let data = setup(dir.path(), true);
    let file = dir.path().join("recours.recours");
    let report = json(&cli(
        &data,
        &["backup", "--out", file.to_str().expect("utf8")],
    ));
    assert_eq!(report["dossiers"], 1);
    let elsewhere = dir.path().join("nouveau-pc");
    let restored = json(&cli(&elsewhere, &["restore", file.to_str().expect("utf8")]));
    assert_eq!(restored["dossiers"], 1);
    assert_eq!(json(&cli(&elsewhere, &["sender"]))["city"], "Lyon");
    // A cut file is refused with a French message.
    let bytes = std::fs::read(&file).expect("read");
    let cut = dir.path().join("cut.recours");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let res = cli(&elsewhere, &["restore", cut.to_str().expect("utf8")]);
    assert!(!res.status.success());
    assert!(String::from_utf8_lossy(&res.stderr).contains("endommagée"));
}
