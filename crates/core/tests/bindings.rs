//! The committed TypeScript bindings must match the Rust types.

use std::path::PathBuf;

#[test]
fn bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let generated = recours_core::bindings::typescript();
    if std::env::var_os("RECOURS_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write ui/src/lib/bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is out of date with the Rust types: run \
         `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings` and commit the result"
    );
}

/// The frontend's component tests render an assessment made by this engine; it must stay current.
#[test]
fn the_ui_assessment_fixture_is_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test");
    let facts = r#"{ "problem": "non_delivery",
  "merchant": { "name": "MaBoutique", "country": "FR", "fevad_mediator": true, "mediator_name": null },
  "order": { "date": "2026-09-01", "amount_cents": 12990, "payment_method": "card",
             "promised_delivery_date": "2026-09-08", "delivered_date": null, "used_goods": false },
  "events": [] }"#;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 2).expect("date");
    let assessment = recours_core::rules::assess_json(facts, today).expect("assess");
    let generated = serde_json::to_string_pretty(&assessment).expect("json") + "\n";
    let path = dir.join("assessment-formal-notice.json");
    if std::env::var_os("RECOURS_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write fixture");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/test/assessment-formal-notice.json is out of date: run \
         `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings`"
    );
}
