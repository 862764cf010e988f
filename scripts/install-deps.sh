#!/usr/bin/env bash
# Installs what Recours needs on Debian/Ubuntu, and only what is missing.
#   scripts/install-deps.sh build   — to build and run the app
#   scripts/install-deps.sh test    — the above, plus what the tests need (among them mingw-w64 and the
#                                     Rust target x86_64-pc-windows-gnu, for clippy on the Windows code)
#   scripts/install-deps.sh windows — build, plus the Windows cross-build (mingw-w64, NSIS, Rust target)
#   scripts/install-deps.sh windows-test — windows, plus Wine and Xvfb to install and run it
# On other systems it prints what to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}
build_pkgs=(build-essential pkg-config curl wget file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
test_pkgs=(xvfb xauth webkit2gtk-driver dbus xdotool python3-gi gir1.2-gtk-3.0 qpdf poppler-utils zip unzip faketime)
windows_pkgs=(mingw-w64 nsis python3)
windows_test_pkgs=(wine64 xvfb xauth xdotool poppler-utils unzip)
pkgs=("${build_pkgs[@]}")
case "$mode" in
  build) ;;
  test) pkgs+=("${test_pkgs[@]}" "${windows_pkgs[@]}") ;;
  windows) pkgs+=("${windows_pkgs[@]}") ;;
  windows-test) pkgs+=("${windows_pkgs[@]}" "${windows_test_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|windows|windows-test"; exit 2 ;;
esac

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "This system is not Debian/Ubuntu. Install the equivalents of: ${pkgs[*]}"
  echo "(see https://v2.tauri.app/start/prerequisites/), then run this command again with SKIP_SYSTEM_DEPS=1."
  [ "${SKIP_SYSTEM_DEPS:-0}" = 1 ] || exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this command again."
  exit 1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js (20.19 or newer) and npm are missing: install them, then run this command again."
  exit 1
fi
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?1:0)')
if [ "$node_ok" != 1 ]; then
  echo "Node.js $(node --version) is too old: Recours' frontend needs 20.19 or newer."
  exit 1
fi

if [ "$mode" = test ]; then
  rustup component list --installed 2>/dev/null | grep '^rustfmt' >/dev/null || rustup component add rustfmt clippy
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
    say "Installing tauri-driver"
    cargo install tauri-driver --locked --version 2.1.0
  fi
fi

if [ "$mode" != build ]; then
  if ! rustup target list --installed 2>/dev/null | grep -x x86_64-pc-windows-gnu >/dev/null; then
    say "Installing the Rust target x86_64-pc-windows-gnu"
    rustup target add x86_64-pc-windows-gnu
  fi
fi

# Frontend packages, exactly as locked; skipped when node_modules already matches the lockfile.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/.installed-lock" 2>/dev/null; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/.installed-lock"
  fi
}
npm_ci ui
[ "$mode" = test ] && npm_ci tests/e2e
exit 0
