#!/usr/bin/env bash
# bench/ingest: 200 files, 1 GB in all, attached through the store (recours-cli attach, one process),
# side by side in the same run with `cp` + `sha256sum` of the same files, then a re-drop of the same
# files (duplicates: one hashing pass, nothing copied) beside a plain `sha256sum`. Prints throughput
# and ratios. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
command -v python3 >/dev/null || { echo "python3 is needed for the benchmark"; exit 1; }
echo "==> Building recours-cli (release)"
cargo build --release --locked -p recours-cli
exec python3 bench/ingest/measure.py --cli target/release/recours-cli --work bench/out/ingest "$@"
