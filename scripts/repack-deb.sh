#!/usr/bin/env bash
# scripts/repack-deb.sh PACKAGE.deb: the .deb Tauri's bundler writes, compressed again with xz, as
# Debian's own packages are (its data.tar.gz is 17.8 MiB; the same files in xz are about 12.9 MiB, under
# the 16 MiB ceiling of issue 14). The Tauri CLI of this project has no compression option for .deb
# (only for .rpm). The files, their modes and sizes are checked identical before the package is replaced.
set -euo pipefail
deb=${1:?usage: repack-deb.sh PACKAGE.deb}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Mode, size and path of every entry, with the leading « ./ » dpkg-deb writes and Tauri does not.
listing() { dpkg-deb --contents "$1" | awk '{ sub(/^\.\//, "", $6); sub(/\/$/, "", $6); if ($6 != "" && $6 != ".") print $1, $3, $6 }' | sort; }

dpkg-deb --raw-extract "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z9 --build "$work/root" "$work/repacked.deb" >/dev/null
if ! diff <(listing "$deb") <(listing "$work/repacked.deb") >"$work/diff"; then
  cat "$work/diff"
  echo "repack-deb: the repacked package does not hold the same files" >&2
  exit 1
fi
# Every file's bytes as the bundler's md5sums lists them.
(cd "$work/root" && md5sum --quiet -c DEBIAN/md5sums)
before=$(stat -c %s "$deb")
mv "$work/repacked.deb" "$deb"
after=$(stat -c %s "$deb")
awk -v a="$before" -v b="$after" 'BEGIN { printf "==> .deb compressed with xz: %.2f MiB → %.2f MiB\n", a / 1048576, b / 1048576 }'
