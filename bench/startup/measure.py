#!/usr/bin/env python3
"""Measures start-to-painted time and memory of Recours and of the hello-world Tauri app, alternating
runs so that both see the same machine state. Memory is summed over the app and its WebKit child
processes (RSS and PSS, from /proc/PID/smaps_rollup) once the page has painted and settled."""
import argparse, json, os, shutil, signal, statistics, subprocess, sys, time
from pathlib import Path


def seed(cli, data_dir, count):
    """Creates `count` dossiers through recours-cli (the same core as the app)."""
    problems = ["non_delivery", "non_conforming", "withdrawal_refund", "hidden_defect", "other"]
    for i in range(count):
        dossier = {
            "title": f"Dossier n° {i + 1}",
            "problem": problems[i % len(problems)],
            "description": "Commande payée, problème constaté à la réception." * 3,
            "merchant": {"name": f"Boutique {i % 97}", "country": "FR", "email": f"sav{i}@boutique.example.fr"},
            "order": {"reference": f"CMD-{i:05d}", "date": "2026-01-15", "amount_cents": 1000 + i * 37,
                      "payment_method": "card", "promised_delivery_date": "2026-01-22"},
        }
        subprocess.run([cli, "--data-dir", str(data_dir), "create", "--json", "-"],
                       input=json.dumps(dossier), text=True, check=True, stdout=subprocess.DEVNULL)


def tree(pid):
    """pid and all its descendants."""
    pids, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            children = []
        for child in map(int, children):
            pids.append(child)
            frontier.append(child)
    return pids


def memory_kib(pid):
    rss = pss = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def one_run(binary, data_dir, work, extra_env=None):
    ready = work / "ready"
    ready.unlink(missing_ok=True)
    trace = work / "trace"
    trace.unlink(missing_ok=True)
    env = dict(os.environ, RECOURS_DATA_DIR=str(data_dir), RECOURS_READY_FILE=str(ready),
               RECOURS_STARTUP_TRACE=str(trace), **(extra_env or {}))
    start_ms = time.time() * 1000
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.time() + 60
        while not (ready.exists() and ready.read_text().strip()):
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{binary} never reported its first paint")
            time.sleep(0.005)
        painted_ms = int(ready.read_text().strip())
        time.sleep(1.5)  # let the page settle before reading memory
        rss, pss = memory_kib(proc.pid)
        marks = {}
        if trace.exists():  # Recours' milestones (a test-hooks build): label, epoch ms
            for line in trace.read_text().splitlines():
                label, _, ms = line.rpartition(" ")
                marks.setdefault(label, float(ms) - start_ms)
        return painted_ms - start_ms, rss / 1024, pss / 1024, marks
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--recours", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--hello", required=True)
    ap.add_argument("--dossiers", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--work", required=True)
    ap.add_argument("--keep-data", action="store_true", help="reuse the seeded folder of an earlier run")
    ap.add_argument("--big-data", help="a data folder seeded with 10 000 dossiers (bench/scale's seeding)")
    args = ap.parse_args()

    work = Path(args.work).resolve()
    data = work / "data"
    marker = data / f"seeded-{args.dossiers}"
    if not (args.keep_data and marker.exists()):
        shutil.rmtree(data, ignore_errors=True)
        print(f"==> Seeding {args.dossiers} dossiers")
        seed(args.cli, data, args.dossiers)
        marker.write_text("")
    listed = json.loads(subprocess.run([args.cli, "--data-dir", str(data), "list"], capture_output=True,
                                       text=True, check=True).stdout)
    assert len(listed) == args.dossiers, len(listed)
    empty = work / "hello-data"
    empty.mkdir(exist_ok=True)

    big = Path(args.big_data).resolve() if args.big_data else None

    # One warm-up each (fills the page cache), then alternate.
    one_run(args.recours, data, work)
    one_run(args.hello, empty, work)
    if big:
        one_run(args.recours, big, work)
    results = {"recours": [], "hello": [], "big": []}
    # Both apps again in WebKit's non-accelerated mode, the one Recours chooses itself on a machine
    # without a graphics device (src-tauri/src/rendering.rs): the same drawing for both.
    same = {"WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    results["recours-same"], results["hello-same"] = [], []
    for i in range(args.runs):
        results["recours"].append(one_run(args.recours, data, work))
        results["hello"].append(one_run(args.hello, empty, work))
        results["recours-same"].append(one_run(args.recours, data, work, same))
        results["hello-same"].append(one_run(args.hello, empty, work, same))
        line = f"  run {i + 1}/{args.runs}: recours {results['recours'][-1][0]:.0f} ms, hello {results['hello'][-1][0]:.0f} ms"
        if big:
            results["big"].append(one_run(args.recours, big, work))
            line += f", recours with 10 000 dossiers {results['big'][-1][0]:.0f} ms"
        print(line)

    def stats(name, idx):
        values = [r[idx] for r in results[name]]
        return min(values), statistics.median(values)

    print()
    print(f"Startup benchmark: {args.dossiers} dossiers, {args.runs} runs each (after one warm-up)")
    print(f"{'':32} {'Recours':>18} {'hello-world':>18} {'ratio (median)':>15}")
    for label, idx, unit, target in [("start → list painted", 0, "ms", 1.15),
                                     ("memory RSS (app + WebKit)", 1, "MiB", 1.2),
                                     ("memory PSS (app + WebKit)", 2, "MiB", 1.2)]:
        r_min, r_med = stats("recours", idx)
        h_min, h_med = stats("hello", idx)
        ratio = r_med / h_med if h_med else float("nan")
        print(f"{label:32} {r_min:7.0f} / {r_med:7.0f} {unit:3} {h_min:7.0f} / {h_med:7.0f} {unit:3} "
              f"{ratio:8.2f}×  (target ≤ {target}×)")
    print(f"{'both non-accelerated: start':32} {stats('recours-same', 0)[0]:7.0f} / {stats('recours-same', 0)[1]:7.0f} ms  "
          f"{stats('hello-same', 0)[0]:7.0f} / {stats('hello-same', 0)[1]:7.0f} ms  "
          f"{stats('recours-same', 0)[1] / stats('hello-same', 0)[1]:8.2f}×  (target ≤ 1.15×)")
    print(f"{'both non-accelerated: PSS':32} {stats('recours-same', 2)[0]:7.0f} / {stats('recours-same', 2)[1]:7.0f} MiB "
          f"{stats('hello-same', 2)[0]:7.0f} / {stats('hello-same', 2)[1]:7.0f} MiB "
          f"{stats('recours-same', 2)[1] / stats('hello-same', 2)[1]:8.2f}×  (target ≤ 1.2×)")
    if big:
        b_min, b_med = stats("big", 0)
        r_min, r_med = stats("recours", 0)
        print(f"{'start, 10 000 dossiers':32} {b_min:7.0f} / {b_med:7.0f} ms  vs {args.dossiers}: "
              f"{b_med / r_med:8.2f}×  (target ≤ 1.10×)")
        pb = stats("big", 2)[1]
        print(f"{'memory PSS, 10 000 dossiers':32} {pb:7.0f} MiB")
    print("(figures are min / median)")
    # Where each start goes: the median time of each milestone after the process was spawned.
    def milestones(name):
        labels = {}
        for run in results[name]:
            for label, ms in run[3].items():
                labels.setdefault(label, []).append(ms)
        return {label: statistics.median(v) for label, v in labels.items()}
    ours, floor = milestones("recours-same"), milestones("hello-same")
    if ours:
        print()
        print(f"Milestones, both non-accelerated, median ms after spawn ({args.dossiers} dossiers):")
        print(f"  {'':28} {'Recours':>9} {'hello':>9}")
        for label, ms in sorted(ours.items(), key=lambda kv: kv[1]):
            other = f"{floor[label]:9.1f}" if label in floor else f"{'':>9}"
            print(f"  {label:28} {ms:9.1f} {other}")

if __name__ == "__main__":
    sys.exit(main())
