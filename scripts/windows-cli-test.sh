#!/usr/bin/env bash
# make windows-cli-test (run by .ci/run): what catches the most of the Windows build in the least time.
# Builds recours-cli.exe for Windows (mingw-w64, release profile: the exe the installer ships), checks
# that it imports only DLLs Windows ships, and runs it under Wine, in a fresh prefix, through the round
# trip of packaging/windows/wine-test/round_trip.py (create, search with accents, attach names Windows
# forbids, letters in PDF, exports, backup, restore, check, a backup made on Linux).
# The whole installer (recours.exe, NSIS, install, WebView2 check, uninstall) is make package-windows-test,
# on demand: it adds about 20 minutes to a cold run. Clippy for the Windows target runs in make test.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${RECOURS_IN_XVFB:-}" ]; then
  scripts/install-deps.sh windows-test
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  start=$SECONDS
  cargo build --release --locked --target x86_64-pc-windows-gnu -p recours-cli
  printf '\033[1m==> recours-cli.exe built: %s s\033[0m\n' "$((SECONDS - start))"
  RECOURS_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x860x24" "$0" "$@"
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
start=$SECONDS
source scripts/wine-prefix.sh
exe="$PWD/target/x86_64-pc-windows-gnu/release/recours-cli.exe"

say "recours-cli.exe imports only DLLs Windows ships"
check_imports "$exe"

say "Round trip with recours-cli.exe on %APPDATA%"
round_trip "$exe"

say "Windows CLI test passed ($((SECONDS - start)) s under Wine)"
