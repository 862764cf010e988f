#!/usr/bin/env bash
# bench/intake: proposals for 200 documents of the fixture corpus, p50 / p99 per document, beside the
# floor of reading their text only, in the same run. Target: under 200 ms per proposal. Not part of
# `make test`. (The search half of the issue's benchmark comes with the full-text index.)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh build
echo "==> Building the intake benchmark (release)"
cargo build --release --locked -p recours-core --example intake
exec target/release/examples/intake "$@"
