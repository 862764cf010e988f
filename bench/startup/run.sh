#!/usr/bin/env bash
# bench/startup: time from process start to the dossier list painted (1 000 dossiers), and the memory of
# the app with its WebKit processes, side by side with a hello-world Tauri 2 app built here with the same
# toolchain and profile. Prints min/median and ratios. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh test
command -v python3 >/dev/null || { echo "python3 is needed for the benchmark"; exit 1; }

out=bench/out/startup
mkdir -p "$out"
echo "==> Building Recours (release)"
npm --prefix ui run build --silent
# The ready signal (RECOURS_READY_FILE) is a test hook: only a build with `test-hooks` has it.
cargo build --release --locked -p recours -p recours-cli --features recours/test-hooks
echo "==> Seeding 10 000 dossiers through the store (kept between runs)"
cargo build --release --locked -p recours-core --example scale
big=$(target/release/examples/scale "$out/scale" 10000 0 seed-only)

echo "==> Building the hello-world Tauri app (release, same toolchain and profile)"
rm -rf "$out/hello" && cp -r bench/startup/hello "$out/hello"
mkdir -p "$out/hello/icons" && cp icons/32x32.png icons/128x128.png icons/icon.png "$out/hello/icons/"
cp Cargo.lock "$out/hello/Cargo.lock"   # same crate versions as Recours where they overlap
(cd "$out/hello" && CARGO_TARGET_DIR="$PWD/../hello-target" cargo build --release)

exec xvfb-run -a -s "-screen 0 1280x860x24" python3 bench/startup/measure.py \
  --recours target/release/recours --cli target/release/recours-cli \
  --hello "$out/hello-target/release/hello-tauri" --dossiers 1000 --runs 10 --work "$out" --big-data "$big"
