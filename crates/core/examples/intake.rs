//! `make bench-intake`: proposals for 200 documents (the fixture corpus of tests/fixtures/intake,
//! cycled, each read from bytes in memory), median and p99 per document, beside a floor measured in
//! the same run on the same bytes: reading the document's text only (MIME decoding, HTML to text, PDF
//! interpretation), without looking for any fact. Target: a proposal under 200 ms.
//!
//! cargo run --release -p recours-core --example intake -- [DOCUMENTS]

use std::path::PathBuf;
use std::time::Instant;

use recours_core::intake;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const TARGET_MS: f64 = 200.0;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}

fn main() -> Res<()> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(200);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/intake");
    let mut corpus = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e != "py") {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            corpus.push((name, std::fs::read(&path)?));
        }
    }
    corpus.sort();
    if corpus.is_empty() {
        return Err("no fixture".into());
    }
    let (mut floor, mut full) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let mut by_kind: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for i in 0..count {
        let (name, bytes) = &corpus[i % corpus.len()];
        let t = Instant::now();
        let doc = intake::read_document(bytes).map_err(|e| format!("{name}: {e:?}"))?;
        floor.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let proposal = intake::propose(bytes).map_err(|e| format!("{name}: {e:?}"))?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        full.push(ms);
        by_kind
            .entry(format!("{:?}", doc.kind))
            .or_default()
            .push(ms);
        std::hint::black_box(proposal);
    }
    for v in [&mut floor, &mut full] {
        v.sort_by(f64::total_cmp);
    }
    let (f50, f99, p50, p99) = (
        percentile(&floor, 0.5),
        percentile(&floor, 0.99),
        percentile(&full, 0.5),
        percentile(&full, 0.99),
    );
    println!(
        "intake: {count} documents ({} distinct: e-mails, a saved page, PDFs)",
        corpus.len()
    );
    println!("  floor (text only)   p50 {f50:8.3} ms   p99 {f99:8.3} ms");
    println!(
        "  proposal            p50 {p50:8.3} ms   p99 {p99:8.3} ms   ratio p50 {:.2}x",
        p50 / f50.max(1e-9)
    );
    for (kind, mut v) in by_kind {
        v.sort_by(f64::total_cmp);
        println!(
            "  {kind:<8} p50 {:8.3} ms   p99 {:8.3} ms",
            percentile(&v, 0.5),
            percentile(&v, 0.99)
        );
    }
    let verdict = if p99 <= TARGET_MS { "met" } else { "NOT met" };
    println!("  target: a proposal under {TARGET_MS} ms (p99) — {verdict}");
    Ok(())
}
