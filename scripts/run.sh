#!/usr/bin/env bash
# Builds Recours (release) and opens it. Data goes to the platform's app-data folder, or to
# RECOURS_DATA_DIR when set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
echo "==> Building the frontend"
npm --prefix ui run build --silent
echo "==> Building Recours (release; the first build takes several minutes)"
cargo build --release --locked
echo "==> Starting Recours"
exec target/release/recours
