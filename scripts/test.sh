#!/usr/bin/env bash
# Every check and every test: formatting, lints, type check, Rust tests, frontend tests, and the
# end-to-end tests that drive the built app in its real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Each step prints the free disk space: CI machines differ, and a full disk fails a build midway.
step() { printf '\n\033[1m==> %s\033[0m  (free: %s)\n' "$*" "$(df -h --output=avail . | sed -n 2p | tr -d ' ')"; }
# Incremental caches double the size of the workspace crates' artifacts and help only an edit loop.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "Frontend build (embedded in the app)"
npm --prefix ui run build --silent

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy -D warnings for Windows (x86_64-pc-windows-gnu: the Windows-only code paths)"
cargo clippy --workspace --all-targets --locked --target x86_64-pc-windows-gnu -- -D warnings

step "Frontend type check (svelte-check) and lint (eslint)"
npm --prefix ui run check --silent
npm --prefix ui run lint --silent

step "Rust tests (core, CLI, app; includes the TypeScript bindings drift check)"
cargo test --workspace --locked

step "Rust tests again with the clock a year ahead (faketime): none may depend on the day it runs"
scripts/rust-tests-clock-ahead.sh

step "Frontend component tests (vitest)"
npm --prefix ui test --silent

step "Build the app for the end-to-end tests (with the test hooks that replace the system dialogs)"
cargo build --workspace --locked --features recours/test-hooks

step "End-to-end tests in the real window (tauri-driver + WebKitWebDriver under Xvfb)"
xvfb-run -a -s "-screen 0 1280x860x24" npm --prefix tests/e2e test --silent

step "All checks passed"
