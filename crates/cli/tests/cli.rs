//! recours-cli run as a process on real data directories.

mod support;

use std::process::Command;

use support::{cli, stdout_json};

const DOSSIER: &str = r#"{
  "title": "Aspirateur jamais livré",
  "problem": "non_delivery",
  "description": "Commande payée, rien reçu.",
  "merchant": { "name": "Électro Dépôt", "country": "FR", "email": "sav@electro.example.fr" },
  "order": { "reference": "A-123", "date": "2026-09-01", "amount_cents": 19990,
             "payment_method": "card", "promised_delivery_date": "2026-09-08",
             "delivered_date": null, "used_goods": false }
}"#;

#[test]
fn create_then_list_and_show_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("dossier.json");
    std::fs::write(&file, DOSSIER).expect("write");
    let data = dir.path().join("données");

    let created = stdout_json(&cli(
        &data,
        &["create", "--json", file.to_str().expect("utf8")],
    ));
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["merchant"]["name"], "Électro Dépôt");
    assert_eq!(created["order"]["amount_cents"], 19990);
    assert_eq!(created["status"], "open");

    let list = stdout_json(&cli(&data, &["list"]));
    assert_eq!(list.as_array().expect("array").len(), 1);
    assert_eq!(list[0]["id"].as_i64(), Some(id));
    assert_eq!(list[0]["title"], "Aspirateur jamais livré");

    let shown = stdout_json(&cli(&data, &["show", &id.to_string()]));
    assert_eq!(shown, created);

    // What `show` prints can be fed back to `create` (a copy with a new id).
    let copy_file = dir.path().join("copie.json");
    std::fs::write(&copy_file, serde_json::to_string(&shown).expect("json")).expect("write");
    let copy = stdout_json(&cli(
        &data,
        &["create", "--json", copy_file.to_str().expect("utf8")],
    ));
    assert_ne!(copy["id"], created["id"]);
    assert_eq!(copy["order"], created["order"]);

    let searched = stdout_json(&cli(
        &data,
        &["list", "--search", "electro", "--status", "open"],
    ));
    assert_eq!(searched.as_array().expect("array").len(), 2);
    let none = stdout_json(&cli(&data, &["list", "--status", "resolved"]));
    assert_eq!(none.as_array().expect("array").len(), 0);
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_recours-cli"))
        .arg("list")
        .env("RECOURS_DATA_DIR", dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(dir.path().join("recours.sqlite3").exists());
}

#[test]
fn bad_input_fails_in_french_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let file = dir.path().join("bad.json");

    std::fs::write(&file, DOSSIER.replace("19990", "-5")).expect("write");
    let out = cli(&data, &["create", "--json", file.to_str().expect("utf8")]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("négatif"), "{stderr}");
    assert!(stderr.contains("order.amount_cents"), "{stderr}");
    assert!(out.stdout.is_empty());

    std::fs::write(&file, "{ pas du json").expect("write");
    let out = cli(&data, &["create", "--json", file.to_str().expect("utf8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("JSON invalide"));

    let out = cli(&data, &["create", "--json", "/nonexistent/dossier.json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fichier introuvable"));

    let out = cli(&data, &["show", "42"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("n'existe pas"));

    let out = cli(&data, &["list", "--status", "fermé"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("État inconnu"));

    let list = stdout_json(&cli(&data, &["list"]));
    assert_eq!(list.as_array().expect("array").len(), 0);
}

#[test]
fn assess_a_file_and_a_stored_dossier_give_the_same_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let facts = dir.path().join("facts.json");
    std::fs::write(
        &facts,
        r#"{ "problem": "non_delivery",
             "merchant": { "name": "Électro Dépôt", "country": "FR", "fevad_mediator": null, "mediator_name": null },
             "order": { "date": "2026-09-01", "amount_cents": 19990, "payment_method": "card",
                        "promised_delivery_date": "2026-09-08", "delivered_date": null, "used_goods": false },
             "events": [] }"#,
    )
    .expect("write");
    let from_file = stdout_json(&cli(
        &data,
        &[
            "assess",
            "--today",
            "2026-10-01",
            facts.to_str().expect("utf8"),
        ],
    ));
    assert_eq!(from_file["current_step"], "formal_notice");
    assert_eq!(from_file["today"], "2026-10-01");

    let file = dir.path().join("dossier.json");
    std::fs::write(&file, DOSSIER).expect("write");
    let created = stdout_json(&cli(
        &data,
        &["create", "--json", file.to_str().expect("utf8")],
    ));
    let id = created["id"].as_i64().expect("id").to_string();
    let stored = stdout_json(&cli(
        &data,
        &["assess", "--today", "2026-10-01", "--dossier", &id],
    ));
    assert_eq!(stored["steps"], from_file["steps"]);
    assert_eq!(stored["deadlines"], from_file["deadlines"]);

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{ "problem": "lost", "merchant": {"country": "FR"}, "order": {} }"#,
    )
    .expect("write");
    let out = cli(&data, &["assess", bad.to_str().expect("utf8")]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("problem") && stderr.contains("valeur inconnue"),
        "{stderr}"
    );
}

#[test]
fn attach_pieces_and_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let file = dir.path().join("dossier.json");
    std::fs::write(&file, DOSSIER).expect("write");
    let created = stdout_json(&cli(
        &data,
        &["create", "--json", file.to_str().expect("utf8")],
    ));
    let id = created["id"].as_i64().expect("id").to_string();

    let invoice = dir.path().join("Facture.pdf");
    std::fs::write(&invoice, b"%PDF-1.4 facture").expect("write");
    let empty = dir.path().join("vide.txt");
    std::fs::write(&empty, b"").expect("write");
    let inv = invoice.to_str().expect("utf8");

    let out = stdout_json(&cli(&data, &["attach", "--dossier", &id, inv]));
    assert_eq!(out[0]["outcome"]["result"], "stored");
    assert_eq!(out[0]["outcome"]["piece"]["mime"], "application/pdf");

    let out = cli(
        &data,
        &[
            "attach",
            "--dossier",
            &id,
            inv,
            empty.to_str().expect("utf8"),
        ],
    );
    assert!(
        !out.status.success(),
        "a refused file makes the exit code non-zero"
    );
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(results[0]["outcome"]["result"], "duplicate");
    assert_eq!(results[1]["outcome"]["result"], "refused");
    assert_eq!(results[1]["outcome"]["code"], "empty");

    let pieces = stdout_json(&cli(&data, &["pieces", "--dossier", &id]));
    assert_eq!(pieces.as_array().expect("array").len(), 1);
    let sha = pieces[0]["sha256"].as_str().expect("sha").to_owned();

    // « Ouvrir »: a read-only copy under the original name; the stored file is never handed out.
    let piece_id = pieces[0]["id"].as_i64().expect("id").to_string();
    let opened = stdout_json(&cli(&data, &["open", "--piece", &piece_id]));
    let copy = std::path::PathBuf::from(opened["path"].as_str().expect("path"));
    assert_eq!(
        copy.file_name().and_then(|n| n.to_str()),
        Some("Facture.pdf")
    );
    assert!(copy.starts_with(&data));
    assert_eq!(std::fs::read(&copy).expect("copy"), b"%PDF-1.4 facture");
    assert!(std::fs::metadata(&copy)
        .expect("meta")
        .permissions()
        .readonly());
    assert_eq!(opened["show_folder_only"], false);
    let out = cli(&data, &["open", "--piece", "999"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("n° 999"));

    assert!(cli(&data, &["check"]).status.success());
    let blob = data.join("blobs/sha256").join(&sha[..2]).join(&sha[2..]);
    std::fs::write(&blob, b"%PDF-1.4 fACture").expect("tamper");
    let out = cli(&data, &["check"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 altéré"));
}
