#!/usr/bin/env python3
"""Ingest benchmark: store vs cp + sha256sum on the same files, then the re-drop vs sha256sum."""
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
    print(f"==> Writing {args.files} files of {each / 1e6:.1f} MB")
    files = [str(src / f"piece-{i:03d}.bin") for i in range(args.files)]
    write_files([(f, b"") for f in files], each)
    total = sum(os.path.getsize(p) for p in files)
    subprocess.run(["sync"], check=True)

    data = work / "data"
    facts = work / "dossier.json"
    facts.write_text(json.dumps({
        "title": "Banc d'essai", "problem": "other",
        "merchant": {"name": "Vendeur", "country": "FR"},
        "order": {"date": "2026-01-10", "amount_cents": 100, "payment_method": "card"}}))
    created = json.loads(subprocess.run([args.cli, "--data-dir", str(data), "create", "--json", str(facts)],
                                        check=True, capture_output=True, text=True).stdout)
    dossier = str(created["id"])

    # Floor: copy every file, then hash every copy (what a careful person would do by hand).
    copies = work / "copies"
    copies.mkdir()
    floor = timed(["cp", *files, str(copies)])
    floor += timed(["sha256sum", *[str(copies / Path(p).name) for p in files]])
    # The same floor once the copies are really on disk, as the store makes sure of for each file.
    floor_synced = floor + timed(["sync"])

    store = timed([args.cli, "--data-dir", str(data), "attach", "--dossier", dossier, *files])
    subprocess.run(["sync"], check=True)
    redrop = timed([args.cli, "--data-dir", str(data), "attach", "--dossier", dossier, *files])
    hash_pass = timed(["sha256sum", *files])

    pieces = json.loads(subprocess.run([args.cli, "--data-dir", str(data), "pieces", "--dossier", dossier],
                                       check=True, capture_output=True, text=True).stdout)
    assert len(pieces) == args.files, len(pieces)

    mb = total / 1e6
    print()
    print(f"Ingest benchmark: {args.files} files, {mb:.0f} MB")
    print(f"  cp + sha256sum (floor)   {floor:7.2f} s  {mb / floor:7.0f} MB/s")
    print(f"  cp + sha256sum + sync    {floor_synced:7.2f} s  {mb / floor_synced:7.0f} MB/s")
    print(f"  store (attach)           {store:7.2f} s  {mb / store:7.0f} MB/s   {floor / store:5.2f}× the floor's throughput (target ≥ 0.8×), {floor_synced / store:5.2f}× with sync")
    print(f"  sha256sum alone          {hash_pass:7.2f} s  {mb / hash_pass:7.0f} MB/s")
    print(f"  re-drop (duplicates)     {redrop:7.2f} s  {mb / redrop:7.0f} MB/s   {redrop / hash_pass:5.2f}× one hashing pass (target ≤ 1×)")
    print("(the store fsyncs every file before recording it; cp does not)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
