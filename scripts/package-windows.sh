#!/usr/bin/env bash
# make package-windows: builds the Windows installer on this Linux machine.
#   recours.exe and recours-cli.exe for x86_64-pc-windows-gnu (mingw-w64), release profile, as two cargo
#   invocations (together, their shared crates would be compiled twice with different features);
#   WebView2Loader.dll (linked dynamically on the gnu target) goes beside recours.exe;
#   then packaging/windows/recours.nsi compiled by makensis. `tauri bundle --bundles nsis` cannot be
#   used here: it downloads a plugin from GitHub at every run (see ../shared/design/windows-notes.md).
# Output: target/windows-installer/Recours_<version>_x64-setup.exe
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
scripts/install-deps.sh windows
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

target=x86_64-pc-windows-gnu
release="target/$target/release"
out=target/windows-installer
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)

timed() { # label, command…: runs it and prints how long it took
  local label=$1 start=$SECONDS
  shift
  "$@"
  say "$label: $((SECONDS - start)) s"
}

say "Frontend (embedded in recours.exe)"
npm --prefix ui run build --silent
say "recours-cli.exe (release; the first build takes about ten minutes)"
timed "recours-cli.exe built" cargo build --release --locked --target "$target" -p recours-cli
say "recours.exe (release; the first build takes about ten minutes)"
timed "recours.exe built" cargo build --release --locked --target "$target" -p recours --bin recours

stage="$out/stage"
rm -rf "$stage" && mkdir -p "$stage"
cp "$release/recours.exe" "$release/recours-cli.exe" "$stage/"
loader=$(ls "$release/WebView2Loader.dll" 2>/dev/null ||
  find "$release/build" -path '*x64*' -name WebView2Loader.dll -print -quit)
[ -f "$loader" ] || { echo "WebView2Loader.dll was not found under $release"; exit 1; }
cp "$loader" "$stage/"
python3 packaging/windows/make_bitmaps.py icons/128x128.png "$out/side.bmp"

# No mingw runtime DLL may be needed (libgcc, libwinpthread, libstdc++): Windows would not have it.
# (The Wine test checks further that every imported DLL is one Windows ships, or the loader.)
for exe in "$stage"/*.exe; do
  if x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/.*DLL Name: //p' | grep -iE '^lib|mingw|gcc|pthread'; then
    echo "$(basename "$exe") imports a mingw runtime DLL (above): it would not start on Windows"
    exit 1
  fi
done

installer="$out/Recours_${version}_x64-setup.exe"
rm -f "$installer"
stage_win=$(cd "$stage" && pwd)
timed "Installer compiled" makensis -V2 -INPUTCHARSET UTF8 \
  "-DVERSION=$version" "-DVERSION4=$version.0" "-DSRCDIR=$stage_win" \
  "-DICON=$PWD/icons/icon.ico" "-DSIDEBMP=$PWD/$out/side.bmp" "-DOUTFILE=$PWD/$installer" packaging/windows/recours.nsi
(cd "$out" && sha256sum "$(basename "$installer")" >"$(basename "$installer").sha256")
say "Installer: $installer ($(du -h "$installer" | cut -f1)); SHA-256 in $(basename "$installer").sha256"
