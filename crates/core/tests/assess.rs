//! Scenario tests of the rules engine, written from shared/domain/french-law-2026.md. Each goes through
//! `assess_json`, the entry point of `recours-cli assess`, and names the rule it checks.

use chrono::NaiveDate;
use recours_core::rules::{assess_json, model::Assessment};
use serde_json::{json, Value};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// A non-delivery dossier bought in France for 100 €, ordered on 2026-09-01.
fn base() -> Value {
    json!({
        "problem": "non_delivery",
        "merchant": { "name": "MaBoutique", "country": "FR", "fevad_mediator": null, "mediator_name": null },
        "order": { "date": "2026-09-01", "amount_cents": 10000, "payment_method": "card",
                   "promised_delivery_date": null, "delivered_date": null, "used_goods": false },
        "events": []
    })
}

fn with(mut v: Value, path: &[&str], value: Value) -> Value {
    let mut slot = &mut v;
    for key in path {
        slot = &mut slot[*key];
    }
    *slot = value;
    v
}

fn events(v: Value, list: Value) -> Value {
    with(v, &["events"], list)
}

fn assess(v: &Value, today: &str) -> Assessment {
    assess_json(&v.to_string(), d(today)).unwrap_or_else(|e| panic!("assess failed: {e}"))
}

fn json_of(a: &Assessment) -> Value {
    serde_json::to_value(a).expect("serialize")
}

fn deadline(a: &Assessment, id: &str) -> NaiveDate {
    a.deadlines
        .iter()
        .find(|x| x.id == id)
        .unwrap_or_else(|| {
            panic!(
                "no deadline {id} in {:?}",
                a.deadlines.iter().map(|d| &d.id).collect::<Vec<_>>()
            )
        })
        .date
}

fn has_deadline(a: &Assessment, id: &str) -> bool {
    a.deadlines.iter().any(|x| x.id == id)
}

fn step(a: &Assessment, id: &str) -> Value {
    json_of(a)["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no step {id}"))
}

fn current(a: &Assessment) -> String {
    json_of(a)["current_step"]
        .as_str()
        .expect("current")
        .to_owned()
}

fn penalty(a: &Assessment) -> Value {
    json_of(a)["penalty"].clone()
}

fn route(a: &Assessment) -> String {
    json_of(a)["court"]["route"]
        .as_str()
        .expect("route")
        .to_owned()
}

// --- Delivery (L216-1, L216-6, L216-7) ---------------------------------------------------------

#[test]
fn deliv_default_30_days_when_no_date_was_agreed() {
    let a = assess(&base(), "2026-09-10");
    assert_eq!(deadline(&a, "delivery_due"), d("2026-10-01"));
    assert_eq!(a.deadlines[0].basis, "L216-1");
}

#[test]
fn deliv_promised_date_is_the_deadline() {
    let v = with(
        base(),
        &["order", "promised_delivery_date"],
        json!("2026-09-08"),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-09-05"), "delivery_due"),
        d("2026-09-08")
    );
}

#[test]
fn deliv_before_the_due_date_the_complaint_is_current() {
    let v = with(
        base(),
        &["order", "promised_delivery_date"],
        json!("2026-09-08"),
    );
    let a = assess(&v, "2026-09-08");
    assert_eq!(current(&a), "complaint");
    assert_eq!(step(&a, "formal_notice")["status"], "upcoming");
    assert!(
        !a.deadlines
            .iter()
            .find(|x| x.id == "delivery_due")
            .expect("due")
            .passed,
        "not passed on the day itself"
    );
}

#[test]
fn deliv_notice_promised_date_past_makes_the_formal_notice_current() {
    let v = with(
        base(),
        &["order", "promised_delivery_date"],
        json!("2026-09-08"),
    );
    let a = assess(&v, "2026-09-09");
    assert_eq!(current(&a), "formal_notice");
    assert_eq!(step(&a, "complaint")["status"], "not_applicable");
    assert!(step(&a, "complaint")["reason"]
        .as_str()
        .expect("reason")
        .contains("mise en demeure"));
    assert_eq!(step(&a, "formal_notice")["deadline"], "delivery_due");
    assert!(
        a.deadlines
            .iter()
            .find(|x| x.id == "delivery_due")
            .expect("due")
            .passed
    );
}

#[test]
fn deliv_notice_expiry_counts_8_days_from_sending_by_default() {
    let v = events(
        base(),
        json!([{ "kind": "formal_notice_sent", "date": "2026-10-05" }]),
    );
    let a = assess(&v, "2026-10-06");
    assert_eq!(deadline(&a, "formal_notice_expiry"), d("2026-10-13"));
    assert_eq!(current(&a), "termination");
    assert_eq!(step(&a, "formal_notice")["status"], "done");
}

#[test]
fn deliv_notice_expiry_counts_from_the_acknowledgment_of_receipt() {
    let v = events(
        base(),
        json!([{ "kind": "formal_notice_sent", "date": "2026-10-05", "deadline_days": 15 },
               { "kind": "formal_notice_received", "date": "2026-10-07" }]),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-10-08"), "formal_notice_expiry"),
        d("2026-10-22")
    );
}

#[test]
fn deliv_refund_due_14_days_after_cancellation() {
    let v = events(
        base(),
        json!([{ "kind": "formal_notice_sent", "date": "2026-10-05" },
               { "kind": "termination_notified", "date": "2026-10-20" }]),
    );
    let a = assess(&v, "2026-10-21");
    assert_eq!(deadline(&a, "refund_due"), d("2026-11-03"));
    assert_eq!(step(&a, "termination")["status"], "done");
    assert_eq!(current(&a), "mediation");
    assert!(penalty(&a).is_null(), "not late yet");
}

/// Cancelled on 2026-10-20 by the merchant's online form, so received the same day (L216-6 I: the
/// contract is résolu on receipt; L216-7: refund within 14 days of it).
fn terminated(refund: Option<(&str, i64)>) -> Value {
    let mut list = vec![
        json!({ "kind": "formal_notice_sent", "date": "2026-10-05" }),
        json!({ "kind": "termination_notified", "date": "2026-10-20" }),
        json!({ "kind": "termination_received", "date": "2026-10-20" }),
    ];
    if let Some((date, amount)) = refund {
        list.push(json!({ "kind": "refund_received", "date": date, "amount_cents": amount }));
    }
    events(base(), Value::Array(list))
}

// refund due on 2026-11-03

#[test]
fn l241_4_refund_14_days_late_is_increased_by_10_percent() {
    let a = assess(&terminated(Some(("2026-11-17", 10000))), "2026-11-24");
    let p = penalty(&a);
    assert_eq!(p["basis"], "L241-4");
    assert_eq!(p["days_late"], 14);
    assert_eq!(p["rate_percent"], 10);
    assert_eq!(p["increase_cents"], 1000);
    assert_eq!(p["total_due_cents"], 11000);
}

#[test]
fn l241_4_refund_15_days_late_is_increased_by_20_percent() {
    let p = penalty(&assess(
        &terminated(Some(("2026-11-18", 10000))),
        "2026-11-24",
    ));
    assert_eq!(
        (p["days_late"].clone(), p["rate_percent"].clone()),
        (json!(15), json!(20))
    );
}

#[test]
fn l241_4_refund_30_days_late_is_still_20_percent_and_31_is_50() {
    let p30 = penalty(&assess(
        &terminated(Some(("2026-12-03", 10000))),
        "2026-12-24",
    ));
    assert_eq!(
        (p30["days_late"].clone(), p30["rate_percent"].clone()),
        (json!(30), json!(20))
    );
    let p31 = penalty(&assess(
        &terminated(Some(("2026-12-04", 10000))),
        "2026-12-24",
    ));
    assert_eq!(
        (p31["days_late"].clone(), p31["rate_percent"].clone()),
        (json!(31), json!(50))
    );
    assert_eq!(p31["increase_cents"], 5000);
}

#[test]
fn l241_4_without_refund_counts_until_today() {
    let p = penalty(&assess(&terminated(None), "2026-11-10"));
    assert_eq!(p["days_late"], 7);
    assert!(p["refunded_on"].is_null());
    assert_eq!(p["rate_percent"], 10);
}

#[test]
fn l241_4_refund_on_the_due_date_is_not_late() {
    assert!(penalty(&assess(
        &terminated(Some(("2026-11-03", 10000))),
        "2026-11-24"
    ))
    .is_null());
}

#[test]
fn l241_4_partial_refunds_count_when_the_whole_price_is_back() {
    let mut v = terminated(Some(("2026-11-01", 4000)));
    v["events"]
        .as_array_mut()
        .expect("events")
        .push(json!({ "kind": "refund_received", "date": "2026-11-10", "amount_cents": 6000 }));
    let p = penalty(&assess(&v, "2026-11-24"));
    assert_eq!(p["refunded_on"], "2026-11-10");
    assert_eq!(p["days_late"], 7);
}

#[test]
fn risk_carrier_chosen_by_the_consumer_moves_the_risk() {
    let v = with(base(), &["carrier_chosen_by"], json!("consumer"));
    let a = json_of(&assess(&v, "2026-09-10"));
    let note = a["notes"][0]["text"].as_str().expect("note");
    assert!(
        note.contains("L216-2") && note.contains("vous-même"),
        "{note}"
    );
    let v = with(base(), &["carrier_chosen_by"], json!("merchant"));
    let a = json_of(&assess(&v, "2026-09-10"));
    assert!(a["notes"][0]["text"]
        .as_str()
        .expect("note")
        .contains("répond de la perte"));
}

// --- Withdrawal (L221-18 to L221-24, L242-4) -----------------------------------------------------

/// Withdrawn by e-mail (received the same day, L221-24: 14 days from the day the merchant is
/// informed), the goods sent back that day.
fn withdrawal(notified: &str, refund: Option<&str>) -> Value {
    let mut list = vec![
        json!({ "kind": "withdrawal_notified", "date": notified }),
        json!({ "kind": "withdrawal_received", "date": notified }),
        json!({ "kind": "goods_returned", "date": notified }),
    ];
    if let Some(date) = refund {
        list.push(json!({ "kind": "refund_received", "date": date }));
    }
    let v = with(base(), &["problem"], json!("withdrawal_refund"));
    let v = with(v, &["order", "delivered_date"], json!("2026-09-05"));
    events(v, Value::Array(list))
}

// notified on 2026-09-10 → refund due on 2026-09-24

#[test]
fn wd_refund_due_14_days_after_the_withdrawal() {
    let a = assess(&withdrawal("2026-09-10", None), "2026-09-12");
    assert_eq!(deadline(&a, "refund_due"), d("2026-09-24"));
    assert_eq!(deadline(&a, "withdrawal_return_due"), d("2026-09-24"));
    assert_eq!(step(&a, "termination")["status"], "not_applicable");
}

#[test]
fn wd_refund_waits_for_goods_returned_late() {
    let v = with(base(), &["problem"], json!("withdrawal_refund"));
    let v = with(v, &["order", "delivered_date"], json!("2026-09-05"));
    let v = events(
        v,
        json!([{ "kind": "withdrawal_notified", "date": "2026-09-10" },
               { "kind": "goods_returned", "date": "2026-09-30" }]),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-10-01"), "refund_due"),
        d("2026-09-30")
    );
}

#[test]
fn l242_4_up_to_10_days_late_is_legal_interest_only() {
    let p = penalty(&assess(
        &withdrawal("2026-09-10", Some("2026-10-04")),
        "2026-11-24",
    ));
    assert_eq!(p["basis"], "L242-4");
    assert_eq!(p["days_late"], 10);
    assert_eq!(p["rate_percent"], 0);
    assert_eq!(p["legal_interest"], true);
    // 100 € × 6,67 % (2026 H2 not published: last known rate, marked to verify) × 10 / 365 = 0,18 €
    assert_eq!(p["increase_cents"], 18);
    assert_eq!(p["verified"], false);
}

#[test]
fn l242_4_legal_interest_uses_the_rate_of_the_period() {
    // Due on 2025-09-24 (2025 H2: 6,65 %), 5 days late: 1 000 € × 6,65 % × 5 / 365 = 0,91 €
    let v = with(
        withdrawal("2025-09-10", Some("2025-09-29")),
        &["order", "date"],
        json!("2025-09-01"),
    );
    let v = with(v, &["order", "delivered_date"], json!("2025-09-05"));
    let v = with(v, &["order", "amount_cents"], json!(100000));
    let p = penalty(&assess(&v, "2026-01-10"));
    assert_eq!(p["legal_interest_rate_bp"], 665);
    assert_eq!(p["increase_cents"], 91);
    assert_eq!(p["verified"], true);
}

#[test]
fn l242_4_rates_at_every_threshold() {
    // Refund due 2026-09-24; refund date = due + days.
    for (days, rate) in [
        (11, 5),
        (20, 5),
        (21, 10),
        (30, 10),
        (31, 20),
        (60, 20),
        (61, 50),
        (90, 50),
        (91, 55),
        (121, 60),
    ] {
        let refund = (d("2026-09-24") + chrono::Duration::days(days)).to_string();
        let p = penalty(&assess(
            &withdrawal("2026-09-10", Some(&refund)),
            "2027-06-01",
        ));
        assert_eq!(p["days_late"], days, "days {days}");
        assert_eq!(p["rate_percent"], rate, "days {days}");
        assert_eq!(p["increase_cents"], 10000 * rate / 100, "days {days}");
    }
}

#[test]
fn l242_4_reaches_the_price_then_legal_interest_runs_on_top() {
    // Due 2026-09-24. « 5 points par nouveau mois … jusqu'à concurrence du prix du produit, puis du
    // taux d'intérêt légal »: 50 % at 90 days late, the tenth further month starts on day 361.
    let at = |days: i64| {
        let refund = (d("2026-09-24") + chrono::Duration::days(days)).to_string();
        penalty(&assess(
            &withdrawal("2026-09-10", Some(&refund)),
            "2029-01-01",
        ))
    };
    let p = at(360);
    assert_eq!(
        (p["rate_percent"].clone(), p["legal_interest"].clone()),
        (json!(95), json!(false))
    );
    assert_eq!(p["increase_cents"], 9500);
    // Day 361: the price (100 %), plus one day of legal interest on 100 €: 100 × 6,67 % / 365 = 0,02 €.
    let p = at(361);
    assert_eq!(p["rate_percent"], 100);
    assert_eq!(p["legal_interest"], true);
    assert_eq!(p["increase_cents"], 10000 + 2);
    assert_eq!(
        p["verified"], false,
        "the way interest runs past the cap is our reading"
    );
    assert!(
        p["explanation"]
            .as_str()
            .expect("text")
            .contains("plafond atteint le 20 septembre 2027"),
        "{}",
        p["explanation"]
    );
    // A year past the cap: 100 € × 6,67 % × 365 / 365 = 6,67 €.
    let p = at(361 + 364);
    assert_eq!(p["increase_cents"], 10000 + 667);
    assert_eq!(p["total_due_cents"], 20000 + 667);
}

fn delivered_on(date: &str) -> Value {
    let v = with(base(), &["problem"], json!("withdrawal_refund"));
    let v = with(v, &["order", "date"], json!("2026-01-02"));
    with(v, &["order", "delivered_date"], json!(date))
}

#[test]
fn wd_period_ending_on_a_saturday_runs_to_monday() {
    // Delivered Saturday 31 October 2026 → +14 = Saturday 14 November → Monday 16 November.
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-10-31"), "2026-11-02"),
            "withdrawal_period_end"
        ),
        d("2026-11-16")
    );
}

#[test]
fn wd_period_ending_on_14_july_runs_to_the_15th() {
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-06-30"), "2026-07-01"),
            "withdrawal_period_end"
        ),
        d("2026-07-15")
    );
}

#[test]
fn wd_period_ending_on_easter_monday_runs_to_tuesday() {
    // Delivered 23 March 2026 → +14 = Monday 6 April 2026, Easter Monday → Tuesday 7 April.
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-03-23"), "2026-03-24"),
            "withdrawal_period_end"
        ),
        d("2026-04-07")
    );
}

#[test]
fn wd_period_ending_on_ascension_and_whit_monday() {
    // Ascension 14 May 2026 (delivered 30 April) → Friday 15 May.
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-04-30"), "2026-05-01"),
            "withdrawal_period_end"
        ),
        d("2026-05-15")
    );
    // Whit Monday 25 May 2026 (delivered 11 May) → Tuesday 26 May.
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-05-11"), "2026-05-12"),
            "withdrawal_period_end"
        ),
        d("2026-05-26")
    );
}

#[test]
fn wd_alsace_moselle_good_friday_extends_the_period() {
    // Delivered 20 March 2026 → +14 = Friday 3 April 2026, Good Friday in Alsace-Moselle → Tuesday 7 April.
    let v = with(
        delivered_on("2026-03-20"),
        &["holiday_region"],
        json!("alsace_moselle"),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-03-21"), "withdrawal_period_end"),
        d("2026-04-07")
    );
    assert_eq!(
        deadline(
            &assess(&delivered_on("2026-03-20"), "2026-03-21"),
            "withdrawal_period_end"
        ),
        d("2026-04-03")
    );
}

#[test]
fn wd_ext_12_more_months_without_the_information() {
    let v = with(
        delivered_on("2026-03-02"),
        &["order", "withdrawal_info_given"],
        json!(false),
    );
    let a = assess(&v, "2026-03-03");
    // 2 March + 14 = Monday 16 March 2026; + 12 months = Tuesday 16 March 2027.
    assert_eq!(deadline(&a, "withdrawal_period_end"), d("2027-03-16"));
    assert_eq!(
        a.deadlines
            .iter()
            .find(|x| x.id == "withdrawal_period_end")
            .expect("end")
            .basis,
        "L221-20"
    );
}

#[test]
fn not_knowing_whether_the_information_was_given_counts_the_shorter_period_and_says_so() {
    // L221-18 and L221-20: null is « je ne sais pas ». The extension is not asserted: the period
    // ends at its earliest possible day (Monday 16 March 2026), and a note explains the 12 months.
    let v = with(
        delivered_on("2026-03-02"),
        &["order", "withdrawal_info_given"],
        json!(null),
    );
    let a = assess(&v, "2026-03-03");
    assert_eq!(deadline(&a, "withdrawal_period_end"), d("2026-03-16"));
    assert!(
        a.notes
            .iter()
            .any(|n| n.text.contains("prolongé de 12 mois") && n.text.contains("ne le savez pas")),
        "{:?}",
        a.notes
    );
}

// --- Conformity (L217-3 ff.) ----------------------------------------------------------------------

fn conformity(delivered: &str, used: bool) -> Value {
    let v = with(base(), &["problem"], json!("non_conforming"));
    let v = with(v, &["order", "date"], json!("2024-02-20"));
    let v = with(v, &["order", "used_goods"], json!(used));
    with(v, &["order", "delivered_date"], json!(delivered))
}

#[test]
fn glc_guarantee_and_presumption_for_new_goods() {
    let a = assess(&conformity("2024-02-29", false), "2025-01-10");
    assert_eq!(
        deadline(&a, "conformity_guarantee_end"),
        d("2026-02-28"),
        "art. 641 CPC: last day of February"
    );
    assert_eq!(deadline(&a, "conformity_presumption_end"), d("2026-02-28"));
    assert_eq!(current(&a), "complaint");
}

#[test]
fn glc_presumption_is_12_months_for_used_goods() {
    let a = assess(&conformity("2024-03-15", true), "2024-04-01");
    assert_eq!(deadline(&a, "conformity_presumption_end"), d("2025-03-15"));
    assert_eq!(deadline(&a, "conformity_guarantee_end"), d("2026-03-15"));
}

#[test]
fn glc_fix_repair_due_30_days_after_the_request_then_price_reduction_or_cancellation() {
    let v = events(
        conformity("2024-03-15", false),
        json!([{ "kind": "repair_requested", "date": "2024-04-01" },
               { "kind": "complaint_sent", "date": "2024-04-01" }]),
    );
    let a = assess(&v, "2024-04-02");
    assert_eq!(deadline(&a, "repair_due"), d("2024-05-01"));
    assert_eq!(
        step(&a, "termination")["title"],
        "Résolution de la vente (ou réduction du prix)"
    );
    assert_eq!(current(&a), "formal_notice");
}

// --- Hidden defect (C. civ. 1641, 1648) ---------------------------------------------------------

#[test]
fn vice_action_within_2_years_of_discovery() {
    let v = with(base(), &["problem"], json!("hidden_defect"));
    let v = events(
        v,
        json!([{ "kind": "defect_discovered", "date": "2026-10-10" }]),
    );
    let a = assess(&v, "2026-10-11");
    assert_eq!(deadline(&a, "hidden_defect_action_end"), d("2028-10-10"));
    assert_eq!(step(&a, "termination")["status"], "not_applicable");
}

// --- Mediation (L612-1, L612-2) and CEC France ---------------------------------------------------

#[test]
fn med_window_one_year_after_the_first_written_complaint() {
    let v = events(
        with(base(), &["problem"], json!("other")),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "complaint_sent", "date": "2026-10-10" }]),
    );
    let a = assess(&v, "2026-10-11");
    assert_eq!(deadline(&a, "mediation_window_end"), d("2027-09-10"));
}

#[test]
fn med_window_counts_from_the_earliest_written_complaint() {
    let v = events(
        with(base(), &["problem"], json!("other")),
        json!([{ "kind": "formal_notice_sent", "date": "2026-09-05" },
               { "kind": "complaint_sent", "date": "2026-10-10" }]),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-10-11"), "mediation_window_end"),
        d("2027-09-05")
    );
}

#[test]
fn deliv_the_cancellation_is_never_passed_over() {
    let v = events(
        base(),
        json!([{ "kind": "formal_notice_sent", "date": "2026-10-01" },
               { "kind": "conciliation_requested", "date": "2026-10-20" }]),
    );
    let a = assess(&v, "2026-10-21");
    assert_eq!(
        current(&a),
        "termination",
        "without it no refund is owed (L216-7)"
    );
    assert_eq!(step(&a, "mediation")["status"], "not_applicable");
}

#[test]
fn med_window_passed_closes_the_mediation() {
    let v = events(
        with(base(), &["problem"], json!("other")),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "formal_notice_sent", "date": "2026-09-20" }]),
    );
    let a = assess(&v, "2027-09-11");
    assert_eq!(step(&a, "mediation")["status"], "not_applicable");
    assert!(step(&a, "mediation")["reason"]
        .as_str()
        .expect("reason")
        .contains("L612-2"));
    assert_eq!(current(&a), "conciliation");
}

#[test]
fn med_fevad_when_the_merchant_adheres() {
    let v = with(base(), &["merchant", "fevad_mediator"], json!(true));
    let a = assess(&v, "2026-09-10");
    let m = step(&a, "mediation");
    assert_eq!(m["title"], "Médiateur du e-commerce (FEVAD)");
    assert_eq!(m["sites"][0]["site"], "mediateur_fevad");
    assert_eq!(m["sites"][0]["url"], "https://www.mediateurfevad.fr");
}

#[test]
fn med_in_progress_stays_current_until_it_ends() {
    let v = events(
        with(base(), &["problem"], json!("other")),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "formal_notice_sent", "date": "2026-09-20" },
               { "kind": "mediation_requested", "date": "2026-10-01" }]),
    );
    let a = assess(&v, "2026-10-02");
    assert_eq!(current(&a), "mediation");
    assert!(step(&a, "mediation")["reason"]
        .as_str()
        .expect("reason")
        .contains("90 jours"));
    let v = events(
        with(base(), &["problem"], json!("other")),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "formal_notice_sent", "date": "2026-09-20" },
               { "kind": "mediation_requested", "date": "2026-10-01" },
               { "kind": "mediation_ended", "date": "2026-11-01" }]),
    );
    assert_eq!(current(&assess(&v, "2026-11-02")), "conciliation");
}

#[test]
fn cec_for_a_merchant_in_another_eu_country() {
    let v = with(base(), &["merchant", "country"], json!("DE"));
    let a = assess(&v, "2026-09-10");
    assert_eq!(step(&a, "mediation")["status"], "not_applicable");
    let reason = step(&a, "mediation")["reason"]
        .as_str()
        .expect("reason")
        .to_owned();
    assert!(
        reason.contains("Allemagne") && reason.contains("CEC France"),
        "{reason}"
    );
    assert_ne!(step(&a, "cec")["status"], "not_applicable");
    assert_eq!(step(&a, "conciliation")["status"], "not_applicable");
}

#[test]
fn cec_not_for_a_merchant_outside_the_eea() {
    let v = with(base(), &["merchant", "country"], json!("CN"));
    let a = assess(&v, "2026-09-10");
    assert_eq!(step(&a, "cec")["status"], "not_applicable");
    assert_ne!(step(&a, "mediation")["status"], "not_applicable");
    let v = with(base(), &["merchant", "country"], json!("NO"));
    assert_ne!(
        step(&assess(&v, "2026-09-10"), "cec")["status"],
        "not_applicable",
        "Norway is in the EEA"
    );
}

// --- Payment remedies (CMF L133-18 to -24, PayPal) ------------------------------------------------

#[test]
fn card_unauthorized_payment_13_months_and_bank_first() {
    let v = with(base(), &["problem"], json!("unauthorized_payment"));
    let a = assess(&v, "2026-09-10");
    assert_eq!(current(&a), "payment_dispute");
    assert_eq!(deadline(&a, "card_dispute_limit"), d("2027-10-01"));
    let s = step(&a, "payment_dispute");
    assert_eq!(s["parallel"], false);
    assert!(s["sites"]
        .as_array()
        .expect("sites")
        .iter()
        .any(|x| x["site"] == "perceval"));
    assert_eq!(step(&a, "formal_notice")["status"], "not_applicable");
}

#[test]
fn card_chargeback_runs_in_parallel_without_a_legal_deadline() {
    let a = assess(&base(), "2026-09-10");
    let s = step(&a, "payment_dispute");
    assert_eq!(s["parallel"], true);
    assert_eq!(s["status"], "upcoming");
    assert!(
        s["deadline"].is_null(),
        "the 120 days are not an official figure"
    );
    assert_eq!(s["legal"][0]["verified"], false);
}

#[test]
fn paypal_dispute_within_180_days() {
    let v = with(base(), &["order", "payment_method"], json!("paypal"));
    let a = assess(&v, "2026-09-10");
    assert_eq!(deadline(&a, "paypal_dispute_limit"), d("2027-02-28"));
    assert_eq!(
        step(&a, "payment_dispute")["title"],
        "Ouvrir un litige PayPal"
    );
    assert!(!has_deadline(
        &assess(&base(), "2026-09-10"),
        "paypal_dispute_limit"
    ));
}

#[test]
fn transfer_cannot_be_charged_back() {
    let v = with(base(), &["order", "payment_method"], json!("transfer"));
    assert_eq!(
        step(&assess(&v, "2026-09-10"), "payment_dispute")["status"],
        "not_applicable"
    );
}

// --- Court route (domain §9, §11) ------------------------------------------------------------------

fn amount(v: Value, cents: i64) -> Value {
    with(v, &["order", "amount_cents"], json!(cents))
}

#[test]
fn court_refund_in_france_is_an_injonction_de_payer_without_pre_action() {
    let a = assess(&amount(base(), 2_000_000), "2026-09-10");
    assert_eq!(route(&a), "injonction_de_payer");
    let c = &json_of(&a)["court"];
    assert_eq!(c["pre_action_required"], false);
    assert_eq!(c["contribution_cents"], 0);
    assert_eq!(c["form"], "Cerfa 12948*06");
}

#[test]
fn court_performance_up_to_10000_is_an_injonction_de_faire_with_the_50_euro_contribution() {
    let v = with(amount(base(), 1_000_000), &["goal"], json!("performance"));
    let a = assess(&v, "2026-09-10");
    assert_eq!(route(&a), "injonction_de_faire");
    assert_eq!(json_of(&a)["court"]["contribution_cents"], 5000);
    assert_eq!(json_of(&a)["court"]["form"], "Cerfa 11723*11");
    let v = with(amount(base(), 1_000_001), &["goal"], json!("performance"));
    assert_eq!(route(&assess(&v, "2026-09-10")), "lawyer_required");
}

#[test]
fn court_eu_merchant_up_to_5000_is_the_european_small_claims_procedure() {
    let v = with(
        amount(base(), 500_000),
        &["merchant", "country"],
        json!("ES"),
    );
    assert_eq!(route(&assess(&v, "2026-09-10")), "european_small_claims");
    let v = with(
        amount(base(), 500_001),
        &["merchant", "country"],
        json!("ES"),
    );
    assert_eq!(
        route(&assess(&v, "2026-09-10")),
        "european_order_for_payment"
    );
}

#[test]
fn court_disputed_sum_up_to_5000_is_a_requete_after_conciliation() {
    let hidden = with(base(), &["problem"], json!("hidden_defect"));
    let a = assess(&amount(hidden.clone(), 500_000), "2026-09-10");
    assert_eq!(route(&a), "requete");
    assert_eq!(json_of(&a)["court"]["pre_action_required"], true);
    assert_eq!(json_of(&a)["court"]["pre_action_done"], false);
    assert_eq!(json_of(&a)["court"]["form"], "Cerfa 16042*02");
    assert_eq!(
        route(&assess(&amount(hidden.clone(), 500_001), "2026-09-10")),
        "assignation"
    );
    assert_eq!(
        route(&assess(&amount(hidden.clone(), 1_000_000), "2026-09-10")),
        "assignation"
    );
    assert_eq!(
        route(&assess(&amount(hidden, 1_000_001), "2026-09-10")),
        "lawyer_required"
    );
}

#[test]
fn court_pre_action_done_after_a_conciliation() {
    let v = events(
        amount(with(base(), &["problem"], json!("other")), 30_000),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "conciliation_requested", "date": "2026-10-10" }]),
    );
    let a = assess(&v, "2026-10-11");
    assert_eq!(json_of(&a)["court"]["pre_action_done"], true);
    assert_eq!(
        current(&a),
        "court",
        "the conciliation was asked for: the court comes next"
    );
    assert_eq!(
        step(&a, "mediation")["status"],
        "not_applicable",
        "passed over"
    );
}

// --- The ladder as a whole --------------------------------------------------------------------------

#[test]
fn resolved_ends_the_ladder() {
    let v = events(
        base(),
        json!([{ "kind": "resolved", "date": "2026-09-20" }]),
    );
    let a = assess(&v, "2026-09-21");
    assert_eq!(current(&a), "resolved");
    assert_eq!(step(&a, "resolved")["status"], "done");
    assert_eq!(step(&a, "court")["status"], "not_applicable");
}

#[test]
fn exactly_one_current_step_and_it_matches_current_step() {
    for problem in [
        "non_delivery",
        "non_conforming",
        "withdrawal_refund",
        "hidden_defect",
        "unauthorized_payment",
        "other",
    ] {
        let a = assess(&with(base(), &["problem"], json!(problem)), "2026-11-24");
        let steps = json_of(&a)["steps"].as_array().expect("steps").clone();
        let currents: Vec<_> = steps.iter().filter(|s| s["status"] == "current").collect();
        assert_eq!(currents.len(), 1, "{problem}");
        assert_eq!(currents[0]["id"], json_of(&a)["current_step"], "{problem}");
        for s in &steps {
            if s["status"] == "not_applicable" {
                assert!(
                    !s["reason"].as_str().expect("reason").is_empty(),
                    "{problem} {}",
                    s["id"]
                );
            }
            for l in s["legal"].as_array().expect("legal") {
                assert!(l["url"].as_str().expect("url").starts_with("https://"));
            }
        }
    }
}

#[test]
fn nothing_from_2010_or_the_closed_odr_platform_is_ever_offered() {
    for problem in [
        "non_delivery",
        "non_conforming",
        "withdrawal_refund",
        "hidden_defect",
        "unauthorized_payment",
        "other",
    ] {
        for country in ["FR", "DE", "CN"] {
            let v = with(
                with(base(), &["problem"], json!(problem)),
                &["merchant", "country"],
                json!(country),
            );
            let text = json_of(&assess(&v, "2026-11-24"))
                .to_string()
                .to_lowercase();
            for gone in [
                "juridiction de proximité",
                "tribunal d'instance",
                "forum des droits",
                "ec.europa.eu/consumers/odr",
                "règlement en ligne des litiges",
            ] {
                assert!(!text.contains(gone), "{problem}/{country} offers {gone}");
            }
        }
    }
}

// --- Bad input ----------------------------------------------------------------------------------------

fn error_of(text: &str) -> (String, Vec<String>) {
    let err = assess_json(text, d("2026-11-24")).expect_err("must be refused");
    (
        err.to_string(),
        err.fields().iter().map(|f| f.field.clone()).collect(),
    )
}

#[test]
fn bad_input_names_the_field() {
    let (msg, fields) = error_of(&with(base(), &["problem"], json!("lost_parcel")).to_string());
    assert_eq!(fields, vec!["problem"], "{msg}");
    assert!(msg.contains("valeur inconnue « lost_parcel »"), "{msg}");

    let (msg, fields) =
        error_of(&with(base(), &["order", "date"], json!("2026-02-30")).to_string());
    assert_eq!(fields, vec!["order.date"], "{msg}");
    assert!(msg.contains("date invalide"), "{msg}");

    let (msg, fields) = error_of(&with(base(), &["order", "amount_cents"], json!(-1)).to_string());
    assert_eq!(fields, vec!["order.amount_cents"], "{msg}");

    let (_, fields) = error_of(&with(base(), &["order", "date"], json!("2027-01-01")).to_string());
    assert_eq!(fields, vec!["order.date"]);

    let (_, fields) = error_of(
        &events(
            base(),
            json!([{ "kind": "complaint_sent", "date": "2026-08-01" }]),
        )
        .to_string(),
    );
    assert_eq!(fields, vec!["events[0].date"]);

    let (_, fields) = error_of(
        &events(
            base(),
            json!([{ "kind": "formal_notice_sent", "date": "2026-10-01", "deadline_days": 0 }]),
        )
        .to_string(),
    );
    assert_eq!(fields, vec!["events[0].deadline_days"]);

    let (_, fields) =
        error_of(&with(base(), &["order", "delivered_date"], json!("2026-08-01")).to_string());
    assert_eq!(fields, vec!["order.delivered_date"]);

    let (msg, _) = error_of("{ pas du json");
    assert!(msg.contains("JSON invalide"), "{msg}");
    let (msg, fields) = error_of(
        &events(
            base(),
            json!([{ "kind": "teleported", "date": "2026-10-01" }]),
        )
        .to_string(),
    );
    assert_eq!(fields, vec!["events[0].kind"], "{msg}");
}

#[test]
fn goal_and_withdrawal_information_have_defaults() {
    let mut v = base();
    v.as_object_mut().expect("object").remove("events");
    let a = assess(&v, "2026-09-10");
    assert_eq!(route(&a), "injonction_de_payer");
}

// --- Precisions from the review against the domain file ----------------------------------------

#[test]
fn court_denmark_and_non_eu_merchants_have_no_european_procedure() {
    let v = with(
        amount(base(), 10_000),
        &["merchant", "country"],
        json!("DK"),
    );
    assert_eq!(route(&assess(&v, "2026-09-10")), "denmark");
    let v = with(
        amount(base(), 10_000),
        &["merchant", "country"],
        json!("IS"),
    );
    let a = assess(&v, "2026-09-10");
    assert_eq!(route(&a), "foreign_merchant");
    assert_ne!(
        step(&a, "cec")["status"],
        "not_applicable",
        "the CEC covers Iceland"
    );
    let v = with(
        amount(base(), 10_000),
        &["merchant", "country"],
        json!("LI"),
    );
    assert_eq!(
        step(&assess(&v, "2026-09-10"), "cec")["status"],
        "not_applicable"
    );
}

#[test]
fn card_unauthorized_payment_is_against_the_bank_whatever_the_merchant_country() {
    let v = with(
        with(base(), &["problem"], json!("unauthorized_payment")),
        &["merchant", "country"],
        json!("DE"),
    );
    let v = events(
        v,
        json!([{ "kind": "payment_dispute_opened", "date": "2026-09-05" },
               { "kind": "complaint_sent", "date": "2026-09-20" }]),
    );
    let a = assess(&v, "2026-10-01");
    assert_eq!(route(&a), "injonction_de_payer");
    assert_eq!(current(&a), "mediation");
    assert_eq!(step(&a, "mediation")["title"], "Médiateur de votre banque");
    assert_eq!(step(&a, "cec")["status"], "not_applicable");
}

#[test]
fn paypal_unauthorized_payment_is_13_months_and_a_dispute_must_be_escalated_in_20_days() {
    let v = with(
        with(base(), &["problem"], json!("unauthorized_payment")),
        &["order", "payment_method"],
        json!("paypal"),
    );
    let a = assess(&v, "2026-09-10");
    assert_eq!(deadline(&a, "card_dispute_limit"), d("2027-10-01"));
    assert!(!has_deadline(&a, "paypal_dispute_limit"));
    assert_eq!(
        step(&a, "payment_dispute")["title"],
        "Signaler le paiement non autorisé à PayPal"
    );
    let v = with(base(), &["order", "payment_method"], json!("paypal"));
    let v = events(
        v,
        json!([{ "kind": "payment_dispute_opened", "date": "2026-10-10" }]),
    );
    assert_eq!(
        deadline(&assess(&v, "2026-10-11"), "paypal_claim_limit"),
        d("2026-10-30")
    );
}

#[test]
fn wd_no_increase_until_the_goods_are_sent_back() {
    let v = with(base(), &["problem"], json!("withdrawal_refund"));
    let v = with(v, &["order", "delivered_date"], json!("2026-09-05"));
    let v = events(
        v,
        json!([{ "kind": "withdrawal_notified", "date": "2026-09-10" }]),
    );
    let a = assess(&v, "2026-11-24");
    assert_eq!(deadline(&a, "refund_due"), d("2026-09-24"));
    assert!(
        penalty(&a).is_null(),
        "L221-24: the merchant may wait for the goods"
    );
    assert!(json_of(&a)["notes"].to_string().contains("L221-24"));
}

#[test]
fn wd_period_runs_from_the_last_delivery() {
    let v = with(
        delivered_on("2026-10-01"),
        &["events"],
        json!([{ "kind": "delivered", "date": "2026-10-20" }]),
    );
    // Last parcel on 20 October 2026 → +14 = Tuesday 3 November 2026.
    assert_eq!(
        deadline(&assess(&v, "2026-10-21"), "withdrawal_period_end"),
        d("2026-11-03")
    );
}

#[test]
fn court_after_a_mediation_the_conciliation_is_optional_before_a_requete() {
    let v = events(
        amount(with(base(), &["problem"], json!("hidden_defect")), 30_000),
        json!([{ "kind": "complaint_sent", "date": "2026-09-10" },
               { "kind": "mediation_requested", "date": "2026-09-20" },
               { "kind": "mediation_ended", "date": "2026-10-20" }]),
    );
    let a = assess(&v, "2026-10-21");
    assert_eq!(current(&a), "conciliation");
    assert!(step(&a, "conciliation")["reason"]
        .as_str()
        .expect("reason")
        .starts_with("Facultative"));
    assert_eq!(json_of(&a)["court"]["pre_action_done"], true);
}
