//! `recours-cli intake`: the proposal printed is the shape `create` takes (created as is once the
//! person adds what only they know), and a file that is not a document is refused in French.

mod support;

use std::path::PathBuf;

use serde_json::json;
use support::{cli, stdout_json};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/intake")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn a_marketplace_confirmation_becomes_a_dossier_once_the_person_adds_the_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let proposal = stdout_json(&cli(
        dir.path(),
        &["intake", &fixture("amazon-marketplace.eml")],
    ));
    assert_eq!(proposal["kind"], "email");
    assert_eq!(
        proposal["sources"]["order.amount_cents"]["passage"],
        "Montant total : 59,89 €"
    );
    assert_eq!(proposal["dossier"]["platform"]["directory_id"], "amazon");

    // What only the person knows: the problem, and the seller's country.
    let mut input = proposal["dossier"].clone();
    input["problem"] = json!("non_delivery");
    input["merchant"]["country"] = json!("FR");
    let file = dir.path().join("input.json");
    std::fs::write(&file, input.to_string()).expect("write");
    let created = stdout_json(&cli(
        dir.path(),
        &["create", "--json", &file.display().to_string()],
    ));
    assert_eq!(created["merchant"]["name"], "TechDiscount FR");
    assert_eq!(
        created["platform"]["name"],
        proposal["dossier"]["platform"]["name"]
    );
    assert_eq!(created["order"]["reference"], "402-1234567-7654321");
    assert_eq!(created["order"]["amount_cents"], 5989);
    assert_eq!(created["order"]["promised_delivery_date"], "2026-11-12");
}

#[test]
fn an_e_mail_proposes_a_journal_entry_and_text_shows_where_passages_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let event = stdout_json(&cli(
        dir.path(),
        &["intake", "--event", &fixture("boulanger-reply.eml")],
    ));
    assert_eq!(event["kind"], "merchant_replied");
    assert_eq!(event["date"], "2026-11-21");
    assert_eq!(event["attachments"][0]["name"], "bon-de-retour.pdf");

    let p = stdout_json(&cli(
        dir.path(),
        &["intake", "--text", &fixture("lumen-english.eml")],
    ));
    let text = p["text"].as_str().expect("text");
    let source = &p["sources"]["order.reference"];
    let (start, end) = (
        source["start"].as_u64().unwrap_or(0) as usize,
        source["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(text.get(start..end), Some("ML-77821"));
}

#[test]
fn a_picture_is_refused_in_french_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let picture = dir.path().join("facture.pdf");
    std::fs::write(
        &picture,
        [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
        ],
    )
    .expect("write");
    let out = cli(dir.path(), &["intake", &picture.display().to_string()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("document_refused") && stderr.contains("ne sait pas lire"),
        "{stderr}"
    );
    let list = stdout_json(&cli(dir.path(), &["list"]));
    assert_eq!(list, json!([]));
}
