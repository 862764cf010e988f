//! Migration tests: from an empty database, from each earlier schema, and refusal of a newer one.

use rusqlite::Connection;

use super::migrations::M;
use super::*;

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_empty_directory_gets_the_latest_schema_and_no_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::latest_version()
    );
    assert!(files_in(&dir.path().join(BACKUP_DIR)).is_empty());
}

/// Each earlier schema version, filled with a row written by the SQL of that time, migrates to the
/// latest with its rows intact and a backup copy of the old file.
#[test]
fn every_earlier_schema_migrates_with_a_backup() {
    // Schema v1 is the first: a database "from before" is one at each version below the latest,
    // plus a test-only future migration so that the v1 → v2 path (backup, then migrate) runs today.
    let mut list = migrations::all();
    list.push(M::up("ALTER TABLE dossier ADD COLUMN test_only_note TEXT;"));
    for from in 1..list.len() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let mut conn = Connection::open(dir.path().join(DATABASE_FILE)).expect("raw");
            migrations::migrate(&mut conn, list.iter().take(from).copied().collect())
                .expect("old schema");
            // The row as the SQL of that time wrote it (the facts became one JSON value in v7).
            let sql = if from < 7 {
                "INSERT INTO dossier (title, problem, merchant_name, merchant_country, order_date,
                    amount_cents, payment_method, created_at, updated_at)
                 VALUES ('Ancien', 'other', 'Vendeur', 'FR', '2024-02-29', 100, 'card',
                    '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')"
            } else {
                r#"INSERT INTO dossier (title, problem, facts, created_at, updated_at)
                 VALUES ('Ancien', 'other',
                    '{"merchant":{"name":"Vendeur","country":"FR"},"order":{"date":"2024-02-29","amount_cents":100,"payment_method":"card"}}',
                    '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')"#
            };
            conn.execute(sql, []).expect("old row");
        }
        let store = Store::open_with(dir.path(), list.clone()).expect("migrate");
        assert_eq!(store.schema_version().expect("version"), list.len() as i64);
        let title: String = store
            .conn
            .query_row("SELECT title FROM dossier", [], |r| r.get(0))
            .expect("row kept");
        assert_eq!(title, "Ancien");
        // Found by a search inside its seller's name: the migration folded the old rows too.
        let found = store
            .list_dossiers(
                &crate::dossier::DossierQuery {
                    search: Some("ENDEU".into()),
                    ..Default::default()
                },
                chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("day"),
            )
            .expect("search");
        assert_eq!(found.len(), 1, "from v{from}");
        // Read back whole through the app's types: the facts came through every migration.
        let d = store.get_dossier(1).expect("the old dossier reads back");
        assert_eq!(
            (
                d.merchant.name.as_str(),
                d.merchant.country.as_str(),
                d.order.amount_cents
            ),
            ("Vendeur", "FR", 100)
        );
        assert_eq!(
            d.merchant.status,
            crate::dossier::SellerStatus::Professional
        );
        assert_eq!(d.order.date.to_string(), "2024-02-29");
        let backups = files_in(&dir.path().join(BACKUP_DIR));
        assert_eq!(backups.len(), 1, "{backups:?}");
        let backup =
            Connection::open(dir.path().join(BACKUP_DIR).join(&backups[0])).expect("backup");
        let version: i64 = backup
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("backup version");
        assert_eq!(version, from as i64, "the backup is the database as it was");
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("create"));
    let db = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&db).expect("raw");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let before = std::fs::read(&db).expect("read");
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "schema_too_new");
    assert!(err.to_string().contains("version plus récente"), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
}
