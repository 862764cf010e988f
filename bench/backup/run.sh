#!/usr/bin/env bash
# bench/backup: back up and restore a data folder holding 1 GB of pieces (200 files), side by side in
# the same run with `cp` + `sha256sum` of the same files (the floor: reading and writing every byte
# once, and hashing it). Prints times and ratios. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
echo "==> Building recours-cli (release)"
cargo build --release --locked -p recours-cli
exec python3 bench/backup/measure.py --cli target/release/recours-cli --work bench/out/backup "$@"
