//! `make bench-scale`: 10 000 dossiers and 50 000 pieces seeded through the store, then p50 / p99 of
//! every store call the list, the search, the dossier page and the pieces view make — the same calls
//! the IPC commands run (each command is one `Store` method inside `with_store`) — beside a floor
//! measured in the same run on the same file: reading one row by its key with plain rusqlite.
//!
//! The pieces are small text files whose words are read into the full-text index as the app does
//! (an invoice number, a product), so that a search also reads the words inside 50 000 pieces.
//!
//! cargo run --release -p recours-core --example scale -- WORK_DIR [DOSSIERS] [PIECES] [seed-only|search-only]
//! (`seed-only`: seed WORK_DIR/data-DOSSIERS-PIECES, print its path and stop: bench/startup uses it;
//! `search-only`: only the searches, for `make bench-intake`.)

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use recours_core::dossier::{DossierInput, DossierQuery, Status};
use recours_core::events::EventInput;
use recours_core::letters::kinds::LetterOption;
use recours_core::rules::model::EventKind;
use recours_core::Store;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const RUNS: usize = 300;
const TARGET_P99_MS: f64 = 5.0;

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let work = PathBuf::from(
        args.next()
            .ok_or("usage: scale WORK_DIR [DOSSIERS] [PIECES]")?,
    );
    let dossiers: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let pieces: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(50_000);
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    let data = work.join(format!("data-{dossiers}-{pieces}"));
    // The marker names what the seed holds: an older seed (pieces without their words) is made again.
    let marker = data.join("seeded-with-piece-texts");
    if !marker.exists() {
        let started = Instant::now();
        seed(&work, &data, dossiers, pieces, today)?;
        std::fs::write(&marker, "")?;
        eprintln!(
            "Seeded {dossiers} dossiers and {pieces} pieces through the store in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let mode = args.next();
    if mode.as_deref() == Some("seed-only") {
        println!("{}", data.display());
        return Ok(());
    }
    let search_only = mode.as_deref() == Some("search-only");
    let store = Store::open(&data)?;
    let raw = rusqlite::Connection::open(data.join(recours_core::paths::DATABASE_FILE))?;
    let ids: Vec<i64> = raw
        .prepare("SELECT id FROM dossier")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let pick = |i: usize| ids[(i * 7919) % ids.len()];
    // At start the window asks for the rows that fit (ui/src/lib/start.ts: 10 at 780 px), then 50 a page.
    let first_screen = DossierQuery {
        search: None,
        status: None,
        limit: Some(10),
    };
    let first_page = DossierQuery {
        search: None,
        status: None,
        limit: Some(50),
    };
    let searched = |text: String| DossierQuery {
        search: Some(text),
        status: None,
        limit: Some(50),
    };
    let open_only = DossierQuery {
        search: None,
        status: Some(Status::Open),
        limit: Some(50),
    };

    let floor = time(|i| {
        raw.query_row("SELECT title FROM dossier WHERE id = ?1", [pick(i)], |r| {
            r.get::<_, String>(0)
        })?;
        Ok(())
    })?;
    let floor_p50 = percentile(&floor, 50.0);
    println!();
    println!(
        "Scale benchmark: {} dossiers, {pieces} pieces, {RUNS} calls each",
        ids.len()
    );
    println!("floor (one row by key, plain rusqlite): p50 {floor_p50:.3} ms");
    println!(
        "{:46} {:>9} {:>9} {:>12}  target",
        "store call (IPC command)", "p50 ms", "p99 ms", "p99 / floor"
    );
    let searches: Vec<(&str, Vec<f64>)> = vec![
        (
            "search « boutique N » (a seller's name)",
            time(|i| done(store.list_page(&searched(format!("boutique {}", i % 97)), today)))?,
        ),
        (
            "search « F-N » (one invoice, inside a piece)",
            time(|i| {
                done(store.list_page(&searched(format!("F-{}", (i * 7919) % pieces)), today))
            })?,
        ),
        (
            "search « PRODUCT » (inside 1 piece in 8)",
            time(|i| done(store.list_page(&searched(PRODUCTS[i % PRODUCTS.len()].into()), today)))?,
        ),
        (
            "search « 42 » (two characters)",
            time(|i| done(store.list_page(&searched(format!("{}", 10 + i % 90)), today)))?,
        ),
    ];
    if search_only {
        let worst = report(&searches, floor_p50);
        println!(
            "worst search p99: {worst:.3} ms (target ≤ {TARGET_P99_MS} ms; issue 17: ≤ 20 ms)"
        );
        return Ok(());
    }
    let mut calls: Vec<(&str, Vec<f64>)> = vec![
        (
            "start_screen (welcome + the 10 rows that fit)",
            time(|_| done(store.start_screen(&first_screen, today)))?,
        ),
        (
            "list_dossiers, a page of 50",
            time(|_| done(store.list_page(&first_page, today)))?,
        ),
        (
            "list_dossiers, « en cours » only",
            time(|_| done(store.list_page(&open_only, today)))?,
        ),
        ("get_dossier", time(|i| done(store.get_dossier(pick(i))))?),
        (
            "assess_dossier",
            time(|i| done(store.assess_dossier(pick(i), today)))?,
        ),
        ("list_events", time(|i| done(store.list_events(pick(i))))?),
        (
            "letter_options",
            time(|i| {
                done(
                    store
                        .get_dossier(pick(i))
                        .map(|d| LetterOption::for_dossier(&d)),
                )
            })?,
        ),
        ("list_pieces", time(|i| done(store.list_pieces(pick(i))))?),
    ];
    calls.extend(searches);
    let worst = report(&calls, floor_p50);

    // The CLI lists every dossier, each with its step: one process, start to end.
    let cli = std::env::var_os("RECOURS_CLI").map(PathBuf::from);
    if let Some(cli) = cli {
        let started = Instant::now();
        let out = std::process::Command::new(&cli)
            .arg("--data-dir")
            .arg(&data)
            .arg("list")
            .output()?;
        if !out.status.success() {
            return Err("recours-cli list failed".into());
        }
        println!(
            "recours-cli list (all {} dossiers, each assessed): {:.0} ms",
            ids.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    println!("worst p99: {worst:.3} ms (target ≤ {TARGET_P99_MS} ms)");
    Ok(())
}

/// Prints p50 / p99 of each call against the floor; returns the worst p99.
fn report(calls: &[(&str, Vec<f64>)], floor_p50: f64) -> f64 {
    let mut worst: f64 = 0.0;
    for (label, samples) in calls {
        let (p50, p99) = (percentile(samples, 50.0), percentile(samples, 99.0));
        worst = worst.max(p99);
        let ok = if p99 <= TARGET_P99_MS { "ok" } else { "OVER" };
        println!(
            "{label:46} {p50:9.3} {p99:9.3} {:11.0}×  ≤ {TARGET_P99_MS} ms {ok}",
            p99 / floor_p50
        );
    }
    worst
}

/// Products named in the pieces' texts: a search for one finds 1 piece in 8.
const PRODUCTS: [&str; 8] = [
    "aspirateur",
    "lave-linge",
    "téléphone",
    "canapé",
    "imprimante",
    "trottinette",
    "réfrigérateur",
    "enceinte",
];

/// A call's result, its value dropped: only its time matters here.
fn done<T, E: Into<Box<dyn std::error::Error>>>(r: Result<T, E>) -> Res<()> {
    r.map(|_| ()).map_err(Into::into)
}

/// Milliseconds of each of RUNS calls, after 20 warm-up calls.
fn time(mut call: impl FnMut(usize) -> Res<()>) -> Res<Vec<f64>> {
    for i in 0..20 {
        call(i)?;
    }
    let mut out = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let t = Instant::now();
        call(i)?;
        out.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(out)
}

fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut v = samples.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    v.get(rank).copied().unwrap_or(f64::NAN)
}

fn seed(work: &Path, data: &Path, dossiers: usize, pieces: usize, today: NaiveDate) -> Res<()> {
    let _ = std::fs::remove_dir_all(data);
    let mut store = Store::open(data)?;
    let files = work.join("piece-files");
    std::fs::create_dir_all(&files)?;
    let problems = [
        "non_delivery",
        "non_conforming",
        "withdrawal_refund",
        "hidden_defect",
        "other",
    ];
    let per = pieces.div_ceil(dossiers.max(1));
    let mut made = 0;
    for i in 0..dossiers {
        let input: DossierInput = serde_json::from_value(serde_json::json!({
            "title": format!("Dossier n° {}", i + 1),
            "problem": problems[i % problems.len()],
            "description": "Commande payée, problème constaté à la réception.",
            "merchant": { "name": format!("Boutique {}", i % 97), "country": "FR",
                          "email": format!("sav{i}@boutique.example.fr") },
            "order": { "reference": format!("CMD-{i:05}"), "date": "2026-09-15",
                       "amount_cents": 1000 + (i as i64) * 37, "payment_method": "card",
                       "promised_delivery_date": "2026-09-22" },
        }))?;
        let d = store.create_dossier(&input, today)?;
        if i % 3 == 0 {
            let event = EventInput {
                kind: EventKind::ComplaintSent,
                date: NaiveDate::from_ymd_opt(2026, 10, 1).ok_or("date")?,
                note: "Réclamation par e-mail.".into(),
                amount_cents: None,
                deadline_days: None,
                tracking_number: None,
            };
            store.add_event(d.id, &event, today)?;
        }
        for k in 0..per {
            if made == pieces {
                break;
            }
            // Small distinct files: every one is stored, none is a duplicate.
            let path = files.join(format!("piece-{made}.txt"));
            std::fs::write(
                &path,
                format!(
                    "Facture F-{made} du dossier {}, page {k}.\nArticle : {}, livré par transporteur.\n",
                    d.id,
                    PRODUCTS[made % PRODUCTS.len()]
                ),
            )?;
            store.attach_file(d.id, &path, u64::MAX)?;
            std::fs::remove_file(&path)?;
            made += 1;
        }
    }
    // The words inside the pieces, read from the stored files as the app's background reader does.
    store.index_piece_texts(u32::MAX)?;
    Ok(())
}
