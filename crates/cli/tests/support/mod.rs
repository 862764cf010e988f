//! Running recours-cli as a process on a data directory, for the CLI's integration tests.

use std::path::Path;
use std::process::{Command, Output};

pub fn cli(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recours-cli"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("RECOURS_DATA_DIR")
        .output()
        .expect("run recours-cli")
}

/// The JSON the command printed, after checking it succeeded.
pub fn stdout_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}
