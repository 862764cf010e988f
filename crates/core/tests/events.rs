//! The events journal and the assessment of stored dossiers, on real SQLite files.

use chrono::NaiveDate;
use recours_core::dossier::{
    DossierInput, DossierQuery, Merchant, Order, PaymentMethod, Problem, Status, StatusChange,
};
use recours_core::events::EventInput;
use recours_core::rules::model::{EventKind, StepId};
use recours_core::Store;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn non_delivery() -> DossierInput {
    DossierInput {
        title: "Colis jamais reçu".into(),
        problem: Problem::NonDelivery,
        description: String::new(),
        goal: Default::default(),
        carrier_chosen_by: None,
        merchant: Merchant {
            name: "MaBoutique".into(),
            website: None,
            email: None,
            phone: None,
            postal_address: None,
            country: "FR".into(),
            siren_siret: None,
            fevad_mediator: Some(true),
            mediator_name: None,
            status: Default::default(),
        },
        platform: None,
        order: Order {
            reference: None,
            date: day(2026, 9, 1),
            amount_cents: 10_000,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: Some(day(2026, 9, 8)),
            delivered_date: None,
            used_goods: false,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
    }
}

fn event(kind: EventKind, date: NaiveDate) -> EventInput {
    EventInput {
        kind,
        date,
        note: String::new(),
        amount_cents: None,
        deadline_days: None,
        tracking_number: None,
    }
}

const TODAY: fn() -> NaiveDate = || day(2026, 11, 24);

#[test]
fn recording_a_formal_notice_moves_the_ladder_on() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    let before = store
        .assess_dossier(d.id, day(2026, 10, 1))
        .expect("assess");
    assert_eq!(before.current_step, StepId::FormalNotice);

    let mut notice = event(EventKind::FormalNoticeSent, day(2026, 10, 1));
    notice.deadline_days = Some(15);
    notice.tracking_number = Some(" 1a 123 456 7890 1 ".into());
    let e = store.add_event(d.id, &notice, TODAY()).expect("add");
    assert_eq!(e.tracking_number.as_deref(), Some("1A12345678901"));
    assert_eq!(e.deadline_days, Some(15));

    let after = store
        .assess_dossier(d.id, day(2026, 10, 2))
        .expect("assess");
    assert_eq!(after.current_step, StepId::Termination);
    let expiry = after
        .deadlines
        .iter()
        .find(|x| x.id == "formal_notice_expiry")
        .expect("expiry");
    assert_eq!(expiry.date, day(2026, 10, 16));

    // Reopened, the journal is there.
    drop(store);
    let store = Store::open(dir.path()).expect("reopen");
    assert_eq!(store.list_events(d.id).expect("events"), vec![e]);
}

#[test]
fn bad_events_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    let before = store.get_dossier(d.id).expect("get");

    let field = |store: &mut Store, e: EventInput| -> String {
        let err = store.add_event(d.id, &e, TODAY()).expect_err("refused");
        assert_eq!(err.code(), "validation");
        err.fields()[0].field.clone()
    };
    assert_eq!(
        field(
            &mut store,
            event(EventKind::ComplaintSent, day(2026, 12, 1))
        ),
        "date"
    );
    assert_eq!(
        field(&mut store, event(EventKind::ComplaintSent, day(2026, 8, 1))),
        "date"
    );
    let mut bad = event(EventKind::FormalNoticeSent, day(2026, 10, 1));
    bad.tracking_number = Some("1A 123".into());
    assert_eq!(field(&mut store, bad), "tracking_number");
    let mut bad = event(EventKind::FormalNoticeSent, day(2026, 10, 1));
    bad.deadline_days = Some(0);
    assert_eq!(field(&mut store, bad), "deadline_days");
    let mut bad = event(EventKind::RefundReceived, day(2026, 10, 1));
    bad.amount_cents = Some(-5);
    assert_eq!(field(&mut store, bad), "amount_cents");

    assert!(store.list_events(d.id).expect("events").is_empty());
    assert_eq!(
        store.get_dossier(d.id).expect("get"),
        before,
        "not even the activity time moved"
    );
    assert_eq!(
        store
            .add_event(
                999,
                &event(EventKind::ComplaintSent, day(2026, 10, 1)),
                TODAY()
            )
            .expect_err("no dossier")
            .code(),
        "not_found"
    );
}

#[test]
fn events_can_be_corrected_and_deleted_and_go_with_their_dossier() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    let e = store
        .add_event(
            d.id,
            &event(EventKind::ComplaintSent, day(2026, 9, 10)),
            TODAY(),
        )
        .expect("add");
    let mut fixed = event(EventKind::ComplaintSent, day(2026, 9, 12));
    fixed.note = "  Par e-mail au service client.  ".into();
    let e2 = store.update_event(e.id, &fixed, TODAY()).expect("update");
    assert_eq!(
        (e2.id, e2.date, e2.note.as_str()),
        (e.id, day(2026, 9, 12), "Par e-mail au service client.")
    );
    store.delete_event(e.id).expect("delete");
    assert_eq!(store.get_event(e.id).expect_err("gone").code(), "not_found");

    store
        .add_event(
            d.id,
            &event(EventKind::ComplaintSent, day(2026, 9, 10)),
            TODAY(),
        )
        .expect("add");
    store.delete_dossier(d.id).expect("delete dossier");
    let other = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    assert!(
        store.list_events(other.id).expect("events").is_empty(),
        "no orphan event came back"
    );
}

#[test]
fn the_list_shows_each_dossiers_next_deadline_and_step() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    store
        .add_event(
            d.id,
            &event(EventKind::ComplaintSent, day(2026, 9, 10)),
            TODAY(),
        )
        .expect("add");
    let rows = store
        .list_dossiers(&DossierQuery::default(), day(2026, 9, 20))
        .expect("list");
    assert_eq!(rows[0].current_step, Some(StepId::FormalNotice));
    let next = rows[0].next_deadline.clone().expect("a next deadline");
    assert_eq!(
        (next.id.as_str(), next.date),
        ("mediation_window_end", day(2027, 9, 10))
    );
}

#[test]
fn a_dossier_closed_as_resolved_is_resolved_for_the_rules() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    store
        .set_status(
            d.id,
            &StatusChange {
                status: Status::Resolved,
                outcome_note: None,
            },
            TODAY(),
        )
        .expect("close");
    assert_eq!(
        store
            .assess_dossier(d.id, TODAY())
            .expect("assess")
            .current_step,
        StepId::Resolved
    );
}

#[test]
fn reminders_are_opt_in_and_shown_once() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    assert!(
        !store.reminders_enabled().expect("setting"),
        "off by default"
    );
    store.set_reminders_enabled(true).expect("on");
    assert!(store.reminders_enabled().expect("setting"));

    let d = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    // Promised on 8 September: due that day, still announced within a week, then no more.
    assert!(store
        .take_due_reminders(day(2026, 9, 7))
        .expect("none yet")
        .is_empty());
    let due = store.take_due_reminders(day(2026, 9, 8)).expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].dossier_id, due[0].deadline_id.as_str()),
        (d.id, "delivery_due")
    );
    assert!(
        store
            .take_due_reminders(day(2026, 9, 9))
            .expect("again")
            .is_empty(),
        "only once"
    );

    let late = store
        .create_dossier(&non_delivery(), TODAY())
        .expect("create");
    assert!(store
        .take_due_reminders(day(2026, 9, 20))
        .expect("too old")
        .iter()
        .all(|r| r.dossier_id != late.id));
}

#[test]
fn the_holiday_region_is_a_setting() {
    use recours_core::rules::calendar::HolidayRegion;
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    assert_eq!(
        store.holiday_region().expect("region"),
        HolidayRegion::Metropole
    );
    store
        .set_holiday_region(HolidayRegion::AlsaceMoselle)
        .expect("set");
    drop(store);
    assert_eq!(
        Store::open(dir.path())
            .expect("reopen")
            .holiday_region()
            .expect("region"),
        HolidayRegion::AlsaceMoselle
    );
}

#[test]
fn the_piece_size_limit_is_a_setting_within_bounds() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = Store::open(dir.path()).expect("open");
    let mut settings = store.settings().expect("settings");
    assert_eq!(settings.max_piece_mb, 1000, "1 GB by default");
    settings.max_piece_mb = 50;
    store.save_settings(&settings).expect("save");
    assert_eq!(store.piece_limit_bytes().expect("limit"), 50_000_000);
    settings.max_piece_mb = 0;
    assert_eq!(
        store.save_settings(&settings).expect_err("refused").code(),
        "validation"
    );
    assert_eq!(
        store.settings().expect("settings").max_piece_mb,
        50,
        "unchanged"
    );
}
