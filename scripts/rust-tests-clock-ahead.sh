#!/usr/bin/env bash
# Runs every Rust test binary again with the clock moved a year ahead (libfaketime), from its own
# package folder as cargo would: a test that passes only on the day it was written fails here.
# The binaries are the ones `cargo test` just built; cargo itself is not run under faketime.
set -euo pipefail
cd "$(dirname "$0")/.."
shift_by=${CLOCK_AHEAD:-+365d}
list=$(cargo test --workspace --locked --no-run --message-format=json 2>/dev/null | python3 -c '
import json, os, sys
for line in sys.stdin:
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m.get("profile", {}).get("test"):
        print(os.path.dirname(m["manifest_path"]) + "\t" + m["executable"])
')
[ -n "$list" ] || { echo "no test binary found"; exit 1; }
echo "Clock moved to: $(faketime -f "$shift_by" date -u '+%Y-%m-%d %H:%M UTC')"
failed=0
while IFS=$'\t' read -r dir exe; do
  if ! (cd "$dir" && faketime -f "$shift_by" "$exe" --quiet); then
    echo "FAILED with the clock moved $shift_by: $exe"
    failed=1
  fi
done <<< "$list"
exit $failed
