#!/usr/bin/env bash
# bench/documents: (1) one letter typeset in a running process, warm, against a one-line page (floor)
# and the 100 ms target; (2) export of a dossier of 50 pieces (100 MB) as a ZIP, side by side in the
# same run with `zip` of the same files. Prints ratios. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
command -v zip >/dev/null || { echo "zip is needed for the benchmark (apt-get install zip)"; exit 1; }
echo "==> Building recours-cli and the letter benchmark (release)"
cargo build --release --locked -p recours-cli -p recours-documents --example letter_bench
exec python3 bench/documents/measure.py --cli target/release/recours-cli \
  --letter-bench target/release/examples/letter_bench --work bench/out/documents "$@"
