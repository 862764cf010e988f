//! The dossier store on real SQLite files in temporary directories.

use chrono::NaiveDate;
use recours_core::dossier::{
    DossierInput, DossierQuery, Merchant, Order, PaymentMethod, Problem, Status, StatusChange,
};
use recours_core::{CoreError, Store};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const TODAY: fn() -> NaiveDate = || day(2026, 11, 24);

fn sample(title: &str, merchant: &str) -> DossierInput {
    DossierInput {
        title: title.to_owned(),
        problem: Problem::NonDelivery,
        description: "Le colis n'est jamais arrivé.".to_owned(),
        merchant: Merchant {
            name: merchant.to_owned(),
            website: Some("https://www.maboutique.fr".to_owned()),
            email: Some("contact@maboutique.fr".to_owned()),
            phone: None,
            postal_address: Some("1 rue de la Paix\n75002 Paris".to_owned()),
            country: "FR".to_owned(),
            siren_siret: None,
            fevad_mediator: None,
            mediator_name: None,
            status: Default::default(),
        },
        platform: None,
        order: Order {
            reference: Some("CMD-2026-0042".to_owned()),
            date: day(2026, 10, 1),
            amount_cents: 12_990,
            payment_method: PaymentMethod::Card,
            promised_delivery_date: Some(day(2026, 10, 8)),
            delivered_date: None,
            used_goods: false,
            withdrawal_info_given: Some(true),
            card_lost_or_stolen: None,
            lender: None,
            service: None,
        },
        goal: Default::default(),
        carrier_chosen_by: None,
    }
}

fn open_temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open store");
    (dir, store)
}

fn field_names(err: &CoreError) -> Vec<String> {
    err.fields().iter().map(|f| f.field.clone()).collect()
}

#[test]
fn a_created_dossier_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let created = {
        let mut store = Store::open(dir.path()).expect("open");
        store
            .create_dossier(&sample("Colis jamais reçu", "MaBoutique"), TODAY())
            .expect("create")
    };
    let store = Store::open(dir.path()).expect("reopen");
    let again = store.get_dossier(created.id).expect("get");
    assert_eq!(again, created);
    assert_eq!(again.status, Status::Open);
    assert_eq!(again.order.amount_cents, 12_990);
    assert_eq!(
        again.merchant.postal_address.as_deref(),
        Some("1 rue de la Paix\n75002 Paris")
    );
    assert_eq!(
        store
            .list_dossiers(&DossierQuery::default(), TODAY())
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn the_database_uses_wal_and_foreign_keys() {
    let (dir, store) = open_temp();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("recours.sqlite3")).expect("raw open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    let (_dir2, store) = open_temp();
    assert_eq!(
        store.schema_version().expect("version"),
        recours_core::store::migrations::latest_version()
    );
}

#[test]
fn text_is_trimmed_and_empty_optional_fields_become_none() {
    let (_dir, mut store) = open_temp();
    let mut input = sample("  Colis  ", " MaBoutique ");
    input.merchant.phone = Some("   ".to_owned());
    input.merchant.country = "fr".to_owned();
    input.order.reference = Some(String::new());
    let d = store.create_dossier(&input, TODAY()).expect("create");
    assert_eq!(d.title, "Colis");
    assert_eq!(d.merchant.name, "MaBoutique");
    assert_eq!(d.merchant.phone, None);
    assert_eq!(d.merchant.country, "FR");
    assert_eq!(d.order.reference, None);
}

#[test]
fn bad_input_is_refused_with_french_messages_and_nothing_is_saved() {
    let (_dir, mut store) = open_temp();
    let mut input = sample("", "");
    input.order.amount_cents = -100;
    input.order.date = day(2026, 12, 1);
    input.merchant.email = Some("pas-une-adresse".to_owned());
    input.merchant.website = Some("maboutique".to_owned());
    input.merchant.country = "ZZ".to_owned();
    let err = store
        .create_dossier(&input, TODAY())
        .expect_err("must refuse");
    assert_eq!(err.code(), "validation");
    let fields = field_names(&err);
    for expected in [
        "title",
        "merchant.name",
        "merchant.website",
        "merchant.email",
        "merchant.country",
        "order.date",
        "order.amount_cents",
    ] {
        assert!(
            fields.contains(&expected.to_owned()),
            "{expected} missing in {fields:?}"
        );
    }
    let amount = err
        .fields()
        .iter()
        .find(|f| f.field == "order.amount_cents")
        .expect("amount error");
    assert!(amount.message.contains("négatif"), "{}", amount.message);
    assert_eq!(store.count_dossiers().expect("count"), 0);
}

#[test]
fn delivery_cannot_come_before_the_order() {
    let (_dir, mut store) = open_temp();
    let mut input = sample("Colis", "MaBoutique");
    input.order.delivered_date = Some(day(2026, 9, 30));
    input.order.promised_delivery_date = Some(day(2026, 9, 1));
    let err = store
        .create_dossier(&input, TODAY())
        .expect_err("must refuse");
    assert_eq!(
        field_names(&err),
        vec!["order.promised_delivery_date", "order.delivered_date"]
    );
    // The order date itself may be today, and delivery the same day.
    input.order.date = TODAY();
    input.order.promised_delivery_date = Some(TODAY());
    input.order.delivered_date = Some(TODAY());
    store
        .create_dossier(&input, TODAY())
        .expect("today is fine");
}

#[test]
fn the_database_itself_refuses_what_validation_would() {
    let (dir, mut store) = open_temp();
    let d = store
        .create_dossier(&sample("Colis", "MaBoutique"), TODAY())
        .expect("create");
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("recours.sqlite3")).expect("raw open");
    for sql in [
        "UPDATE dossier SET amount_cents = -1 WHERE id = ?1",
        "UPDATE dossier SET problem = 'lost' WHERE id = ?1",
        "UPDATE dossier SET status = 'closed' WHERE id = ?1",
        "UPDATE dossier SET title = '   ' WHERE id = ?1",
        "UPDATE dossier SET merchant_country = 'fr' WHERE id = ?1",
        "UPDATE dossier SET delivered_date = '2026-01-01' WHERE id = ?1",
        "UPDATE dossier SET order_date = '1er octobre' WHERE id = ?1",
        "UPDATE dossier SET amount_cents = '12,50' WHERE id = ?1",
    ] {
        assert!(conn.execute(sql, [d.id]).is_err(), "accepted: {sql}");
    }
    let store = Store::open(dir.path()).expect("reopen");
    assert_eq!(store.get_dossier(d.id).expect("unchanged"), d);
}

#[test]
fn editing_replaces_the_facts_and_keeps_the_rest() {
    let (_dir, mut store) = open_temp();
    let d = store
        .create_dossier(&sample("Colis", "MaBoutique"), TODAY())
        .expect("create");
    let mut input = DossierInput::from(&d);
    input.order.amount_cents = 4_990;
    input.problem = Problem::NonConforming;
    let edited = store.update_dossier(d.id, &input, TODAY()).expect("update");
    assert_eq!(edited.order.amount_cents, 4_990);
    assert_eq!(edited.problem, Problem::NonConforming);
    assert_eq!(edited.created_at, d.created_at);
    assert!(edited.updated_at >= d.updated_at);

    input.order.amount_cents = -5;
    assert!(store.update_dossier(d.id, &input, TODAY()).is_err());
    assert_eq!(store.get_dossier(d.id).expect("get"), edited);
    assert_eq!(
        store
            .update_dossier(9999, &DossierInput::from(&d), TODAY())
            .expect_err("missing")
            .code(),
        "not_found"
    );
}

#[test]
fn closing_and_reopening() {
    let (_dir, mut store) = open_temp();
    let d = store
        .create_dossier(&sample("Colis", "MaBoutique"), TODAY())
        .expect("create");
    let closed = store
        .set_status(
            d.id,
            &StatusChange {
                status: Status::Resolved,
                outcome_note: Some("  Remboursé intégralement le 20 novembre.  ".to_owned()),
            },
            TODAY(),
        )
        .expect("close");
    assert_eq!(closed.status, Status::Resolved);
    assert_eq!(
        closed.outcome_note.as_deref(),
        Some("Remboursé intégralement le 20 novembre.")
    );
    let open = store
        .set_status(
            d.id,
            &StatusChange {
                status: Status::Open,
                outcome_note: None,
            },
            TODAY(),
        )
        .expect("reopen");
    assert_eq!(open.status, Status::Open);
    assert_eq!(open.outcome_note, None);
}

#[test]
fn deleting_removes_only_that_dossier() {
    let (_dir, mut store) = open_temp();
    let a = store
        .create_dossier(&sample("A", "MaBoutique"), TODAY())
        .expect("a");
    let b = store
        .create_dossier(&sample("B", "AutreBoutique"), TODAY())
        .expect("b");
    store.delete_dossier(a.id).expect("delete");
    assert_eq!(
        store.get_dossier(a.id).expect_err("gone").code(),
        "not_found"
    );
    assert_eq!(store.get_dossier(b.id).expect("b stays"), b);
    assert_eq!(
        store.delete_dossier(a.id).expect_err("twice").code(),
        "not_found"
    );
}

#[test]
fn the_list_is_sorted_by_last_activity_and_can_be_searched_and_filtered() {
    let (_dir, mut store) = open_temp();
    let a = store
        .create_dossier(&sample("Aspirateur cassé", "Électro Dépôt"), TODAY())
        .expect("a");
    let mut other = sample("Chaussures", "ShoeShop");
    other.order.reference = Some("REF_50%".to_owned());
    let b = store.create_dossier(&other, TODAY()).expect("b");
    let c = store
        .create_dossier(&sample("Téléphone", "MaBoutique"), TODAY())
        .expect("c");
    // Touching `a` makes it the most recent.
    store
        .set_status(
            a.id,
            &StatusChange {
                status: Status::Abandoned,
                outcome_note: None,
            },
            TODAY(),
        )
        .expect("touch a");

    let ids = |q: DossierQuery| -> Vec<i64> {
        store
            .list_dossiers(&q, TODAY())
            .expect("list")
            .iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(ids(DossierQuery::default()), vec![a.id, c.id, b.id]);
    let search = |s: &str| DossierQuery {
        search: Some(s.to_owned()),
        status: None,
        limit: None,
    };
    assert_eq!(
        ids(search("electro")),
        vec![a.id],
        "accents and case are ignored"
    );
    assert_eq!(ids(search("TÉLÉ")), vec![c.id]);
    assert_eq!(
        ids(search("50%")),
        vec![b.id],
        "order reference, % taken literally"
    );
    assert_eq!(ids(search("%")), vec![b.id], "a lone % is not a wildcard");
    assert_eq!(ids(search("_")), vec![b.id], "nor is _");
    assert_eq!(ids(search("   ")).len(), 3, "blank search shows everything");
    assert_eq!(
        ids(DossierQuery {
            search: None,
            status: Some(Status::Open),
            limit: None,
        }),
        vec![c.id, b.id]
    );
    assert_eq!(
        ids(DossierQuery {
            search: Some("maboutique".into()),
            status: Some(Status::Abandoned),
            limit: None,
        }),
        Vec::<i64>::new()
    );
}

#[test]
fn an_unusable_data_directory_gives_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("un-fichier");
    std::fs::write(&file, b"x").expect("write");
    let err = Store::open(&file.join("sous-dossier"))
        .err()
        .expect("must fail");
    assert_eq!(err.code(), "data_dir");
    assert!(err.to_string().contains("n'est pas utilisable"), "{err}");
}

#[test]
fn a_page_of_the_list_comes_with_its_counts() {
    let (_dir, mut store) = open_temp();
    for i in 0..7 {
        store
            .create_dossier(
                &sample(
                    &format!("Dossier {i}"),
                    if i % 2 == 0 { "Alpha" } else { "Beta" },
                ),
                TODAY(),
            )
            .expect("create");
    }
    let page = store
        .list_page(
            &DossierQuery {
                search: Some("alpha".into()),
                status: None,
                limit: Some(2),
            },
            TODAY(),
        )
        .expect("page");
    assert_eq!(page.dossiers.len(), 2);
    assert_eq!(page.dossiers[0].title, "Dossier 6", "most recent first");
    assert!(
        page.dossiers[0].current_step.is_some(),
        "each row is assessed"
    );
    assert_eq!((page.total_matching, page.total_all), (4, 7));
}

/// The first screen in one call: the welcome on a first run only, and the list's first page.
#[test]
fn the_start_screen_says_welcome_only_on_a_first_run_and_brings_the_first_page() {
    let (_dir, mut store) = open_temp();
    let first = DossierQuery {
        search: None,
        status: None,
        limit: Some(2),
    };
    let start = store.start_screen(&first, TODAY()).expect("start");
    assert!(start.welcome_needed, "nothing yet: a first run");
    assert_eq!(start.page.total_all, 0);

    // The welcome seen: no welcome again, even with no dossier.
    let mut settings = store.settings().expect("settings");
    settings.welcome_done = true;
    store.save_settings(&settings).expect("save");
    assert!(
        !store
            .start_screen(&first, TODAY())
            .expect("start")
            .welcome_needed
    );

    // A store with dossiers (a backup restored on a new PC) is not a first run, welcome or not.
    settings.welcome_done = false;
    store.save_settings(&settings).expect("save");
    for i in 0..3 {
        store
            .create_dossier(&sample(&format!("Dossier {i}"), "MaBoutique"), TODAY())
            .expect("create");
    }
    let start = store.start_screen(&first, TODAY()).expect("start");
    assert!(!start.welcome_needed);
    assert_eq!(start.page.dossiers.len(), 2, "the first page only");
    assert_eq!(start.page.total_all, 3);
    assert_eq!(
        start.page.dossiers[0].title, "Dossier 2",
        "last activity first"
    );
}

/// More dossiers found than the few read row by row (the activity index walked instead): the same
/// order (most recent activity first), the same counts, with and without a status.
#[test]
fn a_search_that_finds_hundreds_of_dossiers_pages_them_by_activity() {
    let (_dir, mut store) = open_temp();
    let mut ids = Vec::new();
    for i in 0..320 {
        let seller = if i % 16 == 0 { "Beta" } else { "Alpha" };
        let d = store
            .create_dossier(&sample(&format!("Dossier {i}"), seller), TODAY())
            .expect("create");
        ids.push(d.id);
    }
    // Three « Alpha » dossiers touched in turn: the last touched is the most recent.
    for i in [1, 2, 3] {
        store
            .set_status(
                ids[i],
                &StatusChange {
                    status: Status::Abandoned,
                    outcome_note: None,
                },
                TODAY(),
            )
            .expect("touch");
    }
    let page = |search: &str, status: Option<Status>, limit: u32| {
        let p = store
            .list_page(
                &DossierQuery {
                    search: Some(search.to_owned()),
                    status,
                    limit: Some(limit),
                },
                TODAY(),
            )
            .expect("page");
        let shown: Vec<i64> = p.dossiers.iter().map(|d| d.id).collect();
        (shown, p.total_matching, p.total_all)
    };
    // 320 − 20 « Beta » (every 16th) = 300 found: more than the few read row by row.
    assert_eq!(
        page("alpha", None, 5),
        (vec![ids[3], ids[2], ids[1], ids[319], ids[318]], 300, 320)
    );
    assert_eq!(
        page("alpha", Some(Status::Abandoned), 2),
        (vec![ids[3], ids[2]], 3, 320)
    );
    assert_eq!(
        page("alpha", Some(Status::Open), 2),
        (vec![ids[319], ids[318]], 297, 320)
    );
    // 20 found: read row by row, in the same order.
    assert_eq!(
        page("beta", None, 3),
        (vec![ids[304], ids[288], ids[272]], 20, 320)
    );
}
