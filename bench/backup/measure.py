#!/usr/bin/env python3
"""Backup and restore of 1 GB of pieces against cp + sha256sum of the same files."""
import argparse, json, os, shutil, subprocess, time
from pathlib import Path
import sys
from pathlib import Path as _Path

sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))
from common import timed, write_files  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--total-mb", type=int, default=1000)
    args = ap.parse_args()
    work = Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    src = work / "source"
    src.mkdir(parents=True)
    each = args.total_mb * 1_000_000 // args.files
    files = [str(src / f"piece-{i:03d}.bin") for i in range(args.files)]
    write_files([(f, b"") for f in files], each)
    data = work / "data"
    cli = [args.cli, "--data-dir", str(data)]
    facts = work / "d.json"
    facts.write_text(json.dumps({"title": "Banc", "problem": "other", "merchant": {"name": "V", "country": "FR"},
                                 "order": {"date": "2026-01-10", "amount_cents": 100, "payment_method": "card"}}))
    dossier = str(json.loads(subprocess.run(cli + ["create", "--json", str(facts)], check=True,
                                            capture_output=True, text=True).stdout)["id"])
    subprocess.run(cli + ["attach", "--dossier", dossier] + files, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["sync"], check=True)

    backup = work / "recours.recours"
    t_backup = timed(cli + ["backup", "--out", str(backup)])
    subprocess.run(["sync"], check=True)
    t_restore = timed([args.cli, "--data-dir", str(work / "restored"), "restore", str(backup)])
    copy = work / "copy"
    copy.mkdir()
    subprocess.run(["sync"], check=True)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(src), str(copy)], check=True)
    subprocess.run(["sha256sum"] + [str(copy / "source" / Path(f).name) for f in files], check=True,
                   stdout=subprocess.DEVNULL)
    t_floor = time.perf_counter() - start
    size = sum(os.path.getsize(f) for f in files)
    print(f"Backup of {size / 1e9:.2f} GB of pieces: {t_backup:.2f} s ({t_backup / t_floor:.2f}× cp+sha256sum {t_floor:.2f} s)")
    print(f"Restore (check all, keep the current data, replace): {t_restore:.2f} s ({t_restore / t_floor:.2f}× cp+sha256sum)")
    print(f"Backup file: {backup.stat().st_size / 1e9:.2f} GB")


if __name__ == "__main__":
    main()
