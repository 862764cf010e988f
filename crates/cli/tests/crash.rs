//! Crash safety: `recours-cli attach` is killed (SIGKILL) at pseudo-random points of an ingest, 120
//! times. After each kill the store opens, no row points to a missing or altered blob, and the check
//! removes any temporary file left behind.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use recours_core::dossier::DossierInput;
use recours_core::Store;

const RUNS: u64 = 120;
const SIZE: usize = 6 * 1024 * 1024;

fn attach(data: &Path, dossier: i64, file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_recours-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(["attach", "--dossier", &dossier.to_string()])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn recours-cli")
}

#[test]
fn killing_an_ingest_never_leaves_a_broken_piece() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let input: DossierInput = serde_json::from_str(
        r#"{ "title": "Crash", "problem": "other",
             "merchant": { "name": "Vendeur", "country": "FR" },
             "order": { "date": "2026-01-10", "amount_cents": 100, "payment_method": "card" } }"#,
    )
    .expect("input");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let dossier = Store::open(&data)
        .expect("open")
        .create_dossier(&input, today)
        .expect("dossier")
        .id;

    // How long one full ingest takes here, to spread the kills over it.
    let mut content = vec![0u8; SIZE];
    let sample = dir.path().join("sample.bin");
    std::fs::write(&sample, &content).expect("write");
    let start = Instant::now();
    assert!(attach(&data, dossier, &sample)
        .wait()
        .expect("wait")
        .success());
    let full = start.elapsed().max(Duration::from_millis(5));

    let mut seed: u64 = 0x00C0_FFEE_1234_5678;
    let mut killed_mid_way = 0;
    for run in 0..RUNS {
        // A new file each time, so every run really ingests.
        content[..8].copy_from_slice(&run.to_le_bytes());
        let file = dir.path().join(format!("piece-{run}.bin"));
        std::fs::write(&file, &content).expect("write");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = full.mul_f64((seed % 1000) as f64 / 800.0);
        let mut child = attach(&data, dossier, &file);
        std::thread::sleep(delay);
        if child.try_wait().expect("poll").is_none() {
            killed_mid_way += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        let store = Store::open(&data).expect("the store opens after a kill");
        let report = store.check_integrity(true).expect("check");
        assert!(
            report.missing.is_empty(),
            "run {run}: a row points to a missing blob: {report:?}"
        );
        assert!(
            report.corrupt.is_empty(),
            "run {run}: a blob is altered: {report:?}"
        );
        let root = store.blob_store().root().to_path_buf();
        let leftovers = std::fs::read_dir(&root)
            .map(|it| {
                it.flatten()
                    .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(leftovers, 0, "run {run}: the check cleans temporary files");
        for piece in store.list_pieces(dossier).expect("pieces") {
            let blob = store.blob_store().path_of(&piece.sha256);
            assert_eq!(
                std::fs::metadata(&blob).expect("blob").len(),
                piece.size,
                "run {run}"
            );
        }
        std::fs::remove_file(&file).expect("cleanup");
    }
    assert!(
        killed_mid_way >= RUNS / 4,
        "only {killed_mid_way} kills landed during an ingest"
    );
}
