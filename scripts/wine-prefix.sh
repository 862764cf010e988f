# Sourced by the Wine tests (package-windows-test.sh, windows-cli-test.sh): a fresh Wine prefix in a
# temporary folder, removed on exit, with what Wine lacks stood in for, and the helpers both tests use.
# Wine lacks bcryptprimitives.dll (Rust's random numbers): a test-only stand-in is built with mingw and
# put in the prefix; it is never shipped (Windows 10 and 11 have the real one).
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[1;31mFAILED: %s\033[0m\n' "$*"; exit 1; }

wine=$(command -v wine64 || command -v wine || true)
[ -n "$wine" ] || wine=/usr/lib/wine/wine64
wineserver=$(command -v wineserver || true)
[ -n "$wineserver" ] || wineserver=/usr/lib/wine/wineserver
[ -x "$wine" ] && [ -x "$wineserver" ] || fail "Wine is not installed"

work=$(mktemp -d /tmp/recours-wine.XXXXXX)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64 LC_ALL=C.UTF-8
# No Mono or Gecko install prompts in a fresh prefix: Recours needs neither.
export WINEDLLOVERRIDES="mscoree=;mshtml="
unset RECOURS_DATA_DIR
cleanup() {
  "$wineserver" -k >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

say "A fresh Wine prefix"
"$wine" wineboot -i >/dev/null 2>&1
"$wineserver" -w
system32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -O2 -shared -o "$system32/bcryptprimitives.dll" \
  packaging/windows/wine-test/bcryptprimitives.c packaging/windows/wine-test/bcryptprimitives.def -ladvapi32

winpath() { "$wine" winepath -u "$1" 2>/dev/null; }
win_env() { "$wine" cmd /c "echo %$1%" 2>/dev/null | tr -d '\r'; }
appdata=$(winpath "$(win_env APPDATA)")

# Every DLL the given exes import must be one Windows ships, or the WebView2 loader installed beside them.
check_imports() {
  local known exe dll
  known=$(ls "$system32" | tr '[:upper:]' '[:lower:]')
  for exe in "$@"; do
    x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/.*DLL Name: //p' | while read -r dll; do
      [ "$dll" = WebView2Loader.dll ] && continue
      [ "$dll" = bcryptprimitives.dll ] && continue # on every Windows 10 and 11; stood in for above
      case "${dll,,}" in api-ms-win-*) continue ;; esac # API sets: Windows resolves them, no file needed
      grep -qxF "${dll,,}" <<<"$known" || fail "$(basename "$exe") imports $dll, which Windows does not have"
    done
  done
}

# The round trip (packaging/windows/wine-test/round_trip.py) with the given recours-cli.exe. The Linux CLI
# makes the « backup from Linux »: built by the very command `make test` runs for the end-to-end tests
# (same packages, same features), so that after it nothing is compiled again.
round_trip() {
  cargo build --workspace --locked --features recours/test-hooks --quiet
  local cli_win
  cli_win=$("$wine" winepath -w "$1" 2>/dev/null | tr -d '\r')
  WINESERVER="$wineserver" python3 packaging/windows/wine-test/round_trip.py "$wine" "$cli_win" "$PWD/target/debug/recours-cli" "$work/round-trip"
}
