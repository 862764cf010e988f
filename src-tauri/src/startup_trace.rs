//! Milestones of the start, for the startup benchmark: with `RECOURS_STARTUP_TRACE` naming a file
//! (a `test-hooks` build only), each milestone appends « label epoch-milliseconds » to it, and the
//! page's own milestones come with its « painted » call. A release build writes nothing.

use std::io::Write;

fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_default()
}

/// Notes `label` now.
pub fn mark(label: &str) {
    write(&[(label.to_owned(), epoch_ms())]);
}

/// Notes milestones measured elsewhere (the page's, in epoch milliseconds).
pub fn write(marks: &[(String, f64)]) {
    let Some(path) = crate::test_env::var_os("RECOURS_STARTUP_TRACE") else {
        return;
    };
    let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    for (label, ms) in marks {
        // Labels come from this program and its page; only letters, digits and ':' are kept.
        let label: String = label
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-'))
            .collect();
        let _ = writeln!(file, "{label} {ms:.1}");
    }
}
