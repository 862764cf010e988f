//! Legal review, round 2: scenario tests written from the texts (shared/domain/french-law-2026.md,
//! its §12 prevailing), each naming its article, at the boundaries.

use chrono::NaiveDate;
use recours_core::rules::{assess_json, model::Assessment};
use serde_json::{json, Value};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn facts(
    problem: &str,
    country: &str,
    amount: i64,
    delivered: Option<&str>,
    events: Value,
) -> Value {
    json!({
        "problem": problem,
        "merchant": { "name": "Vendeur", "country": country },
        "order": { "date": "2026-09-01", "amount_cents": amount, "payment_method": "card",
                   "delivered_date": delivered },
        "events": events
    })
}

fn assess(v: &Value, today: &str) -> Assessment {
    assess_json(&v.to_string(), d(today)).unwrap_or_else(|e| panic!("assess failed: {e}"))
}

fn json_of(a: &Assessment) -> Value {
    serde_json::to_value(a).expect("json")
}

fn deadline(a: &Assessment, id: &str) -> (NaiveDate, bool) {
    a.deadlines
        .iter()
        .find(|x| x.id == id)
        .map(|x| (x.date, x.earliest))
        .unwrap_or_else(|| panic!("no deadline {id}"))
}

fn route(a: &Assessment) -> Value {
    json_of(a)["court"]["route"].clone()
}

// --- 1. Refunds run from receipt (L216-6 I, L216-7; L221-24) --------------------------------------

#[test]
fn l216_7_refund_runs_from_the_receipt_of_the_cancellation_not_its_sending() {
    // Sent by registered letter on Wednesday 9 December 2026, received Friday 11 December, before
    // the Christmas holiday: the contract is résolu on receipt (L216-6 I), the refund is due 14 days
    // later (L216-7): Friday 25 December 2026.
    let sent_only = facts(
        "non_delivery",
        "FR",
        10_000,
        None,
        json!([{ "kind": "formal_notice_sent", "date": "2026-11-10" },
               { "kind": "termination_notified", "date": "2026-12-09" }]),
    );
    let a = assess(&sent_only, "2027-01-20");
    assert_eq!(
        deadline(&a, "refund_due"),
        (d("2026-12-23"), true),
        "the earliest possible date"
    );
    assert!(
        json_of(&a)["penalty"].is_null(),
        "no L241-4 increase counted from a sending date"
    );
    assert!(json_of(&a)["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .any(|n| n["text"]
            .as_str()
            .is_some_and(|t| t.contains("avis de réception"))));

    let mut received = sent_only.clone();
    received["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "termination_received", "date": "2026-12-11" }));
    let a = assess(&received, "2027-01-20");
    assert_eq!(deadline(&a, "refund_due"), (d("2026-12-25"), false));
    // Still not refunded on 20 January 2027: 26 days late, +20 % (L241-4).
    let p = json_of(&a)["penalty"].clone();
    assert_eq!(
        (p["days_late"].clone(), p["rate_percent"].clone()),
        (json!(26), json!(20))
    );

    // A receipt recorded before the sending is not a receipt of this letter.
    let mut odd = sent_only.clone();
    odd["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "termination_received", "date": "2026-12-01" }));
    assert_eq!(
        deadline(&assess(&odd, "2027-01-20"), "refund_due"),
        (d("2026-12-23"), true)
    );
}

#[test]
fn l221_24_refund_runs_from_the_day_the_merchant_is_informed_of_the_withdrawal() {
    // Withdrawal posted Monday 14 September 2026, received Thursday 17; goods sent back on the 20th.
    let base = json!([{ "kind": "withdrawal_notified", "date": "2026-09-14" },
                      { "kind": "goods_returned", "date": "2026-09-20" },
                      { "kind": "refund_received", "date": "2026-10-12" }]);
    let v = facts(
        "withdrawal_refund",
        "FR",
        10_000,
        Some("2026-09-05"),
        base.clone(),
    );
    let a = assess(&v, "2026-10-20");
    assert_eq!(deadline(&a, "refund_due"), (d("2026-09-28"), true));
    assert!(json_of(&a)["penalty"].is_null());

    let mut list = base.as_array().expect("list").clone();
    list.push(json!({ "kind": "withdrawal_received", "date": "2026-09-17" }));
    let v = facts(
        "withdrawal_refund",
        "FR",
        10_000,
        Some("2026-09-05"),
        Value::Array(list),
    );
    let a = assess(&v, "2026-10-20");
    assert_eq!(deadline(&a, "refund_due"), (d("2026-10-01"), false));
    // Refunded 12 October: 11 days late, +5 % (L242-4).
    let p = json_of(&a)["penalty"].clone();
    assert_eq!(
        (p["days_late"].clone(), p["rate_percent"].clone()),
        (json!(11), json!(5))
    );
    assert_eq!(p["increase_cents"], 500);
}

// --- 5. Denmark is in the EU; Belgium has the European procedures ---------------------------------

#[test]
fn a_danish_seller_is_in_the_eu_but_outside_the_european_procedures() {
    let dk = assess(
        &facts("non_delivery", "DK", 10_000, None, json!([])),
        "2026-09-10",
    );
    let j = json_of(&dk);
    assert_eq!(j["court"]["route"], "denmark");
    assert_eq!(j["court"]["title"], "Vendeur établi au Danemark");
    assert!(!j["court"]["title"]
        .as_str()
        .expect("t")
        .contains("hors de l'Union"));
    let cec = j["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "cec")
        .expect("cec");
    assert_ne!(cec["status"], "not_applicable", "CEC France covers Denmark");
    // The same case against a Belgian seller: the European small claims (Reg. 861/2007).
    let be = assess(
        &facts("non_delivery", "BE", 10_000, None, json!([])),
        "2026-09-10",
    );
    assert_eq!(route(&be), "european_small_claims");
    // Over 5 000 €, a fixed sum owed: the European order for payment (Reg. 1896/2006).
    let be = assess(
        &facts("non_delivery", "BE", 800_000, None, json!([])),
        "2026-09-10",
    );
    assert_eq!(route(&be), "european_order_for_payment");
    // Over 5 000 €, a sum not yet owed: no European procedure; the title says the EU, not « hors ».
    let be = assess(
        &facts(
            "hidden_defect",
            "BE",
            800_000,
            Some("2026-09-05"),
            json!([]),
        ),
        "2026-09-10",
    );
    let j = json_of(&be);
    assert_eq!(j["court"]["route"], "foreign_merchant");
    assert!(j["court"]["title"]
        .as_str()
        .expect("t")
        .contains("autre pays de l'Union"));
}

// --- 6. Repair extension (L217-13; Dir. 2024/1799 à vérifier) --------------------------------------

#[test]
fn l217_13_a_repaired_good_keeps_the_guarantee_six_months_longer() {
    let v = facts(
        "non_conforming",
        "FR",
        10_000,
        Some("2026-09-10"),
        json!([{ "kind": "repair_requested", "date": "2026-09-20" },
               { "kind": "repair_done", "date": "2026-10-05" }]),
    );
    let a = assess(&v, "2026-10-06");
    assert_eq!(
        deadline(&a, "conformity_guarantee_end"),
        (d("2029-03-10"), false)
    );
    let j = json_of(&a);
    let end = j["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .find(|x| x["id"] == "conformity_guarantee_end")
        .expect("end")
        .clone();
    assert_eq!(end["basis"], "L217-13");
    assert_eq!(
        end["legal"]["verified"], false,
        "« à vérifier »: the 12-month EU rule"
    );
    assert!(j["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .any(|n| n["text"].as_str().is_some_and(|t| t.contains("12 mois"))));
    // Without a repair: 2 years from delivery (L217-3).
    let plain = facts(
        "non_conforming",
        "FR",
        10_000,
        Some("2026-09-10"),
        json!([]),
    );
    assert_eq!(
        deadline(&assess(&plain, "2026-10-06"), "conformity_guarantee_end"),
        (d("2028-09-10"), false)
    );
}

// --- 7. Injonction de payer: serve the order in time (art. 1411 CPC, Décret 2026-96) ---------------

#[test]
fn an_injonction_de_payer_order_lapses_unless_served_in_time() {
    let order = |received: &str| {
        let mut v = facts(
            "non_delivery",
            "FR",
            10_000,
            None,
            json!([{ "kind": "termination_notified", "date": "2026-07-01" },
                   { "kind": "termination_received", "date": "2026-07-03" },
                   { "kind": "court_filed", "date": "2026-08-01" },
                   { "kind": "payment_order_received", "date": received }]),
        );
        v["order"]["date"] = json!("2026-05-04");
        v
    };
    // Made before 1 September 2026: 6 months.
    let a = assess(&order("2026-08-31"), "2026-09-02");
    assert_eq!(
        deadline(&a, "payment_order_service_limit"),
        (d("2027-02-28"), false)
    );
    // From 1 September 2026: 3 months.
    let a = assess(&order("2026-09-01"), "2026-09-02");
    assert_eq!(
        deadline(&a, "payment_order_service_limit"),
        (d("2026-12-01"), false)
    );
    let j = json_of(&a);
    assert_eq!(j["current_step"], "court");
    let court = j["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "court")
        .expect("court")
        .clone();
    assert!(court["reason"]
        .as_str()
        .expect("reason")
        .contains("commissaire de justice"));
    assert_eq!(court["deadline"], "payment_order_service_limit");
}

// --- 8. A refund for a non-conforming good is owed once the sale is résolue (L217-14) --------------

#[test]
fn l217_14_the_price_of_a_non_conforming_good_is_claimed_after_the_resolution() {
    let before = facts(
        "non_conforming",
        "FR",
        10_000,
        Some("2026-09-10"),
        json!([{ "kind": "formal_notice_sent", "date": "2026-09-20" }]),
    );
    let a = assess(&before, "2026-11-10");
    assert_eq!(route(&a), "resolution_first");
    assert!(json_of(&a)["court"]["explanation"]
        .as_str()
        .expect("text")
        .contains("L217-14"));
    let mut after = before.clone();
    after["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "termination_notified", "date": "2026-11-05" }));
    assert_eq!(route(&assess(&after, "2026-11-10")), "injonction_de_payer");
    let mut repair = before.clone();
    repair["goal"] = json!("performance");
    assert_eq!(route(&assess(&repair, "2026-11-10")), "injonction_de_faire");
}

// --- 9. The conformity mise en demeure asks for repair: it starts the 30 days (L217-10) -------------

#[test]
fn l217_10_the_conformity_formal_notice_starts_the_thirty_days() {
    let sent = facts(
        "non_conforming",
        "FR",
        10_000,
        Some("2026-09-10"),
        json!([{ "kind": "formal_notice_sent", "date": "2026-10-01" }]),
    );
    assert_eq!(
        deadline(&assess(&sent, "2026-10-02"), "repair_due"),
        (d("2026-10-31"), true)
    );
    let mut received = sent.clone();
    received["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "formal_notice_received", "date": "2026-10-03" }));
    assert_eq!(
        deadline(&assess(&received, "2026-10-04"), "repair_due"),
        (d("2026-11-02"), false)
    );
    // An earlier request recorded as such comes first.
    let mut asked = sent.clone();
    asked["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "repair_requested", "date": "2026-09-15" }));
    assert_eq!(
        deadline(&assess(&asked, "2026-10-02"), "repair_due"),
        (d("2026-10-15"), false)
    );
}

// --- 10. PayPal (DSP2 art. 73, L133-18) and L216-5 -------------------------------------------------

#[test]
fn paypal_unauthorized_payments_cite_the_directive_and_l216_5_answers_the_usual_refusal() {
    let mut v = facts("unauthorized_payment", "FR", 10_000, None, json!([]));
    v["order"]["payment_method"] = json!("paypal");
    let j = json_of(&assess(&v, "2026-09-10"));
    let dispute = j["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "payment_dispute")
        .expect("step")
        .clone();
    let citations: Vec<&str> = dispute["legal"]
        .as_array()
        .expect("legal")
        .iter()
        .filter_map(|l| l["citation"].as_str())
        .collect();
    assert!(
        citations
            .iter()
            .any(|c| c.contains("DSP2") && c.contains("art. 73") && c.contains("L133-18")),
        "{citations:?}"
    );
    let nc = json_of(&assess(
        &facts(
            "non_conforming",
            "FR",
            10_000,
            Some("2026-09-05"),
            json!([]),
        ),
        "2026-09-10",
    ));
    assert!(nc["notes"].as_array().expect("notes").iter().any(|n| {
        n["legal"][0]["citation"] == "Code de la consommation, art. L216-5"
            && n["text"].as_str().is_some_and(|t| t.contains("réserves"))
    }));
}

// --- 4. Card lost or stolen (L133-19, L133-23) ------------------------------------------------------

#[test]
fn l133_19_the_50_euro_share_applies_only_to_a_lost_or_stolen_card() {
    let card = |lost: Value| {
        let mut v = facts("unauthorized_payment", "FR", 10_000, None, json!([]));
        v["order"]["card_lost_or_stolen"] = lost;
        json_of(&assess(&v, "2026-09-10"))
    };
    let ids = |j: &Value| -> Vec<String> {
        j["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .find(|s| s["id"] == "payment_dispute")
            .expect("step")["legal"]
            .as_array()
            .expect("legal")
            .iter()
            .map(|l| l["rule"].as_str().expect("rule").to_owned())
            .collect()
    };
    let lost = ids(&card(json!(true)));
    assert!(lost.contains(&"CARD_LOST".to_owned()) && lost.contains(&"CARD_PROOF".to_owned()));
    let kept = ids(&card(json!(false)));
    assert!(!kept.contains(&"CARD_LOST".to_owned()) && kept.contains(&"CARD_PROOF".to_owned()));
    assert!(!ids(&card(Value::Null)).contains(&"CARD_LOST".to_owned()));
}
