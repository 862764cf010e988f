#!/usr/bin/env bash
# bench/scale: 10 000 dossiers and 50 000 pieces seeded through the store (kept in bench/out/scale
# between runs), then p50 / p99 of every store call behind the list, the search, the dossier page and
# the pieces view, against a floor read in the same run (one row by key, plain rusqlite), and the
# CLI's list of all dossiers. Target: p99 ≤ 5 ms per call. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
echo "==> Building the scale benchmark and recours-cli (release)"
cargo build --release --locked -p recours-cli
cargo build --release --locked -p recours-core --example scale
mkdir -p bench/out/scale
RECOURS_CLI=target/release/recours-cli exec target/release/examples/scale bench/out/scale "$@"
