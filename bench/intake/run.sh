#!/usr/bin/env bash
# bench/intake: proposals for 200 documents of the fixture corpus, p50 / p99 per document, beside the
# floor of reading their text only, in the same run (target: under 200 ms per proposal); then the
# search over 10 000 dossiers and 50 000 pieces whose words are in the full-text index, p50 / p99 per
# query beside a floor of one row read by key (target: p99 under 20 ms). Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
echo "==> Building the intake and scale benchmarks (release)"
cargo build --release --locked -p recours-core --example intake --example scale
target/release/examples/intake "$@"
echo
echo "==> Search over 10 000 dossiers and 50 000 pieces (seeded through the store once, kept in bench/out/scale)"
mkdir -p bench/out/scale
target/release/examples/scale bench/out/scale 10000 50000 search-only
