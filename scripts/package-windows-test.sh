#!/usr/bin/env bash
# make package-windows-test: builds the Windows installer (make package-windows), then, in a fresh Wine
# prefix under Xvfb:
#   1. installs it silently and checks the files, the Start-menu shortcut and the uninstall entry;
#   2. checks that every DLL the exes import is one Windows ships (or the WebView2 loader beside them);
#   3. runs the installed recours-cli.exe through a round trip (packaging/windows/wine-test/round_trip.py);
#   4. starts the installed recours.exe and waits for its WebView2 check (Wine has no WebView2: the
#      window itself cannot be tested here);
#   5. uninstalls silently and checks that nothing is left but the person's data folder.
# Not in .ci/run (about 20 minutes more on a cold machine): CI runs make windows-cli-test instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${RECOURS_IN_XVFB:-}" ]; then
  scripts/package-windows.sh
  scripts/install-deps.sh windows-test
  RECOURS_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x860x24" "$0" "$@"
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
start=$SECONDS
source scripts/wine-prefix.sh

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
installer="$PWD/target/windows-installer/Recours_${version}_x64-setup.exe"
[ -f "$installer" ] || fail "no installer at $installer"

localappdata=$(winpath "$(win_env LOCALAPPDATA)")
startmenu="$appdata/Microsoft/Windows/Start Menu/Programs"
instdir="$localappdata/Programs/Recours"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\org.recours.desktop'

say "Silent install (per user, no administrator)"
"$wine" "$installer" /S
"$wineserver" -w
for f in recours.exe recours-cli.exe WebView2Loader.dll uninstall.exe; do
  [ -f "$instdir/$f" ] || fail "$f is not installed in $instdir"
done
[ "$(ls "$instdir" | wc -l)" = 4 ] || fail "unexpected files in $instdir: $(ls "$instdir")"
[ -f "$startmenu/Recours.lnk" ] || fail "no Start-menu shortcut in $startmenu"
reg=$("$wine" reg query "$key" 2>/dev/null | tr -d '\r')
for want in "DisplayName    REG_SZ    Recours" "DisplayVersion    REG_SZ    $version" \
  "Publisher    REG_SZ    Recours" "QuietUninstallString" "DisplayIcon" "EstimatedSize"; do
  grep -qF "$want" <<<"$reg" || fail "uninstall entry lacks « $want »: $reg"
done
echo "  files, shortcut and uninstall entry (HKCU) are in place"

say "Every imported DLL is one Windows ships, or the loader installed beside the exes"
check_imports "$instdir/recours.exe" "$instdir/recours-cli.exe"
echo "  recours.exe and recours-cli.exe: system DLLs only"

say "Round trip with the installed recours-cli.exe"
round_trip "$instdir/recours-cli.exe"

say "The installed recours.exe reaches its WebView2 check"
# A session started without the display lingers and would refuse to create a window.
"$wineserver" -k >/dev/null 2>&1 || true
"$wineserver" -w
"$wine" "$instdir/recours.exe" >"$work/gui.log" 2>&1 &
gui=$!
title="un composant de Windows manque" # src-tauri/src/webview_check.rs
window=""
for _ in $(seq 1 90); do
  window=$(xdotool search --name "$title" 2>/dev/null | sed -n 1p || true)
  [ -n "$window" ] && break
  kill -0 "$gui" 2>/dev/null || break
  sleep 1
done
[ -n "$window" ] || fail "recours.exe showed no WebView2 message: $(tail -20 "$work/gui.log")"
grep -q "Microsoft Edge WebView2 Runtime" "$work/gui.log" || fail "the message is not the expected one"
xdotool key --window "$window" Return 2>/dev/null # « OK »
code=""
for _ in $(seq 1 30); do
  if ! kill -0 "$gui" 2>/dev/null; then
    code=0
    wait "$gui" || code=$?
    break
  fi
  sleep 1
done
[ "$code" = 1 ] || fail "recours.exe should stop with code 1 once the message is closed (got « $code »)"
echo "  recours.exe started, found no WebView2 runtime, said so in French and stopped (the window needs real Windows)"

say "Silent uninstall"
"$wine" "$instdir/uninstall.exe" /S
"$wineserver" -w
[ ! -e "$instdir" ] || fail "left behind in $instdir: $(ls -A "$instdir")"
[ ! -e "$startmenu/Recours.lnk" ] || fail "the shortcut is left"
if "$wine" reg query "$key" >/dev/null 2>&1; then fail "the uninstall entry is left"; fi
[ -f "$appdata/org.recours.desktop/recours.sqlite3" ] || fail "the person's data folder was removed"
echo "  program, shortcut and entry removed; %APPDATA%\\org.recours.desktop kept"

say "Windows package test passed ($((SECONDS - start)) s under Wine; installer $(du -h "$installer" | cut -f1))"
