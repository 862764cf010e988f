//! Test hooks, compiled only with the `test-hooks` feature (the test suite turns it on; release
//! builds never have it). A checkpoint marks a point of a long operation where a crash test may
//! stop the process: with `RECOURS_TEST_PAUSE_AT=N`, the N-th checkpoint reached writes
//! `RECOURS_TEST_PAUSE_FILE` and waits forever, for the test to kill it there with SIGKILL;
//! `RECOURS_TEST_CHECKPOINTS_LOG` lists every checkpoint reached, one name a line.

#[cfg(feature = "test-hooks")]
pub fn checkpoint(name: &str) {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static REACHED: AtomicU64 = AtomicU64::new(0);
    let n = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
    if let Some(log) = std::env::var_os("RECOURS_TEST_CHECKPOINTS_LOG") {
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = writeln!(f, "{name}");
        }
    }
    let pause_at = std::env::var("RECOURS_TEST_PAUSE_AT")
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    if pause_at == Some(n) {
        if let Some(marker) = std::env::var_os("RECOURS_TEST_PAUSE_FILE") {
            let _ = std::fs::write(marker, name);
        }
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
}

#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn checkpoint(_name: &str) {}

/// Whether the test hooks are compiled in (the app's test-only environment variables depend on it).
pub const ENABLED: bool = cfg!(feature = "test-hooks");
