#!/usr/bin/env python3
"""Documents benchmark: warm letter time, and dossier export vs `zip` of the same files."""
import argparse, json, os, shutil, statistics, subprocess, time
from pathlib import Path
import sys
from pathlib import Path as _Path

sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))
from common import timed, write_files  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--letter-bench", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--pieces", type=int, default=50)
    ap.add_argument("--total-mb", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    letter = json.loads(subprocess.run([args.letter_bench], check=True, capture_output=True, text=True).stdout)
    print(f"Letter: cold {letter['cold_ms']:.1f} ms, warm median {letter['letter_warm_median_ms']:.1f} ms "
          f"(target 100 ms: {letter['letter_warm_median_ms'] / 100:.2f}×; one-line page floor "
          f"{letter['floor_one_line_median_ms']:.1f} ms: {letter['letter_warm_median_ms'] / letter['floor_one_line_median_ms']:.2f}×)")

    work = Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    src = work / "source"
    src.mkdir(parents=True)
    each = args.total_mb * 1_000_000 // args.pieces
    # Photos and PDFs: what a dossier holds (already compressed, so stored as they are).
    named = [(str(src / (f"photo-{i:02d}.jpg" if i % 2 == 0 else f"document-{i:02d}.pdf")),
              b"\xff\xd8\xff\xe0" if i % 2 == 0 else b"%PDF-1.7\n") for i in range(args.pieces)]
    write_files(named, each)
    files = [path for path, _ in named]
    data = work / "data"
    facts = work / "dossier.json"
    facts.write_text(json.dumps({
        "title": "Banc d'essai", "problem": "non_delivery",
        "merchant": {"name": "Vendeur", "country": "FR", "postal_address": "1 rue du Port\n13002 Marseille"},
        "order": {"date": "2026-01-10", "amount_cents": 10000, "payment_method": "card"}}))
    cli = [args.cli, "--data-dir", str(data)]
    dossier = str(json.loads(subprocess.run(cli + ["create", "--json", str(facts)], check=True,
                                            capture_output=True, text=True).stdout)["id"])
    subprocess.run(cli + ["sender", "--json", "-"], input=json.dumps({
        "name": "Camille Martin", "address": "8 rue des Lilas", "postal_code": "69003", "city": "Lyon"}),
        check=True, text=True, stdout=subprocess.DEVNULL)
    subprocess.run(cli + ["attach", "--dossier", dossier] + files, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["sync"], check=True)

    ours, theirs, stored = [], [], []
    for run in range(args.runs):
        out = work / f"export-{run}.zip"
        ref = work / f"zip-{run}.zip"
        ref0 = work / f"zip0-{run}.zip"
        ours.append(timed(cli + ["export", "--dossier", dossier, "--out", str(out)]))
        theirs.append(timed(["zip", "-q", "-j", str(ref)] + files))
        stored.append(timed(["zip", "-q", "-0", "-j", str(ref0)] + files))
        for f in (out, ref, ref0):
            f.unlink()
    o, t, s0 = statistics.median(ours), statistics.median(theirs), statistics.median(stored)
    print(f"Export {args.pieces} pieces ({args.total_mb} MB) as ZIP (summary and bordereau typeset, every piece "
          f"re-hashed): median {o * 1e3:.0f} ms; `zip` of the same files: {t * 1e3:.0f} ms, ratio {o / t:.2f}× "
          f"(target ≤ 1.2×); `zip -0` (no compression, like ours for photos and PDFs): {s0 * 1e3:.0f} ms, "
          f"ratio {o / s0:.2f}×")


if __name__ == "__main__":
    main()
