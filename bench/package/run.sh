#!/usr/bin/env bash
# bench/package: the size of the Recours .deb and of the Windows installer against their ceilings
# (.deb ≤ 16 MiB, installer ≤ 22 MiB: Typst and the bundled SQLite stay, decided in issue 14), side by
# side with two floors built here with the same toolchain, release profile and bundler: the hello-world
# Tauri app of bench/startup, and that same app plus the bundled SQLite the product requires. Prints
# sizes and ratios; fails when a ceiling is passed. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"
root=$PWD
tauri="$root/ui/node_modules/.bin/tauri"
out=bench/out/package
mkdir -p "$out"
# The frontend is built once here; the bundler must not run another build command.
# The hello-world apps share bench/startup's build folder: tauri is compiled once for both benches.
hello_target="$root/bench/out/startup/hello-target"
no_before='{"build":{"beforeBuildCommand":null}}'

echo "==> Building the Recours .deb (release)"
npm --prefix ui run build --silent
"$tauri" build --bundles deb --ci --config "$no_before" >/dev/null
recours_deb=$(ls -t target/release/bundle/deb/*.deb | sed -n 1p)
scripts/repack-deb.sh "$recours_deb" # xz, as make package-test ships it

hello_app() { # name, then extra commands run in its folder
  local name=$1
  rm -rf "${out:?}/$name" && cp -r bench/startup/hello "$out/$name"
  mkdir -p "$out/$name/icons" && cp icons/32x32.png icons/128x128.png icons/icon.png "$out/$name/icons/"
  cp Cargo.lock "$out/$name/Cargo.lock"   # same crate versions as Recours where they overlap
}

echo "==> Building the hello-world .deb"
hello_app hello
(cd "$out/hello" && CARGO_TARGET_DIR="$hello_target" "$tauri" build --bundles deb --ci >/dev/null)
hello_deb=$(ls -t "$hello_target"/release/bundle/deb/hello-tauri_*.deb | sed -n 1p)
cp "$hello_deb" "$out/hello.deb"
scripts/repack-deb.sh "$out/hello.deb" # the floors compressed as Recours is

echo "==> Building the hello-world + bundled SQLite .deb"
hello_app hello-sqlite
cp bench/package/hello-sqlite.rs "$out/hello-sqlite/src/main.rs"
# The same rusqlite line as Recours' Cargo.toml, under the hello app's [dependencies].
python3 - "$out/hello-sqlite/Cargo.toml" "$(grep -o '^rusqlite = .*' Cargo.toml)" <<'PY'
import sys
path, line = sys.argv[1], sys.argv[2]
text = open(path).read().replace("[dependencies]\n", "[dependencies]\n" + line + "\n", 1)
open(path, "w").write(text)
PY
(cd "$out/hello-sqlite" && CARGO_TARGET_DIR="$hello_target" "$tauri" build --bundles deb --ci >/dev/null)
sqlite_deb=$(ls -t "$hello_target"/release/bundle/deb/hello-tauri_*.deb | sed -n 1p)
cp "$sqlite_deb" "$out/hello-sqlite.deb"
scripts/repack-deb.sh "$out/hello-sqlite.deb" # the floors compressed as Recours is

echo "==> Building the Windows installer (make package-windows)"
scripts/package-windows.sh >/dev/null
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
installer="target/windows-installer/Recours_${version}_x64-setup.exe"

python3 - "$out/hello.deb" "$out/hello-sqlite.deb" "$recours_deb" "$installer" <<'PY'
import os, sys
hello, sqlite, recours, setup = (os.path.getsize(p) for p in sys.argv[1:5])
MiB = 1048576
mib = lambda n: f"{n / MiB:6.2f} MiB"
print()
print(f"hello-world Tauri .deb          {mib(hello)}   1.00×")
print(f"hello-world + bundled SQLite    {mib(sqlite)}   {sqlite / hello:.2f}×")
over = []
for label, size, ceiling, name in [
    ("Recours .deb                  ", recours, 16, sys.argv[3]),
    ("Recours Windows installer     ", setup, 22, sys.argv[4]),
]:
    verdict = "within" if size <= ceiling * MiB else "OVER"
    if verdict == "OVER":
        over.append(label.strip())
    print(f"{label}  {mib(size)}   {size / hello:.2f}×   {size / (ceiling * MiB):.2f} of its {ceiling} MiB ceiling: {verdict}   ({os.path.basename(name)})")
if over:
    sys.exit(f"over the ceiling: {', '.join(over)}")
PY
