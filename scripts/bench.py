#!/usr/bin/env python3
"""Accord's benchmark: generated plans of several sizes through each accord command, beside
`hledger check`, `bean-check` and `wc -l` on generated inputs of the same number of lines.

Run it through scripts/bench.sh (which builds the release binaries first). Settings, from the
environment: BENCH_SIZES (schemes, default "100 1000 10000 50000"), BENCH_RUNS (runs per
measurement, default 5 below 200k lines, 3 below 1M, else 1), BENCH_PEER_MAX_LINES (peers are
skipped above this, default 1000000: bean-check reads ~24k lines/s), BENCH_DIR (scratch folder).
Wall time is the median of the runs; memory is the largest resident set of any run
(/usr/bin/time -f %M). hledger exits 1 on a problem, so statuses up to 2 count as a run.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
ACCORD = os.path.join(BIN, "accord")
GEN = os.path.join(BIN, "accord-gen")
AS_OF = "2022-09-30"

# The accord commands measured: one line each. {plan} is the root plan file, {dir} its folder.
ACCORD_COMMANDS = [
    ("check", ["check", "--as-of", AS_OF, "{plan}"]),
    ("fmt --check", ["fmt", "--check", "{dir}"]),
    ("summary", ["summary", "--as-of", AS_OF, "{plan}"]),
    ("eval", ["eval", "--as-of", AS_OF, "{plan}"]),
    ("model", ["model", "--as-of", AS_OF, "{plan}"]),
]


def measure(argv, runs):
    """Median wall seconds (the process started and waited for from here) and the largest max
    RSS in bytes over `runs` runs; output discarded. Memory comes from /usr/bin/time, a small
    process, because a child forked from Python would count Python's own pages."""
    walls, rss = [], 0
    report = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"accord-bench-rss-{os.getpid()}")
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", report] + argv,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        if status < 0 or status > 2:
            sys.exit(f"{' '.join(argv)} ended with status {status}")
        with open(report) as f:
            rss = max(rss, int(f.read().split()[-1]) * 1024)
    return statistics.median(walls), rss


def runs_for(lines):
    if "BENCH_RUNS" in os.environ:
        return int(os.environ["BENCH_RUNS"])
    return 5 if lines < 200_000 else 3 if lines < 1_000_000 else 1


def count(paths):
    lines = size = 0
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        lines += data.count(b"\n")
        size += len(data)
    return lines, size


def plan_files(folder):
    found = []
    for base, _, names in os.walk(folder):
        found += [os.path.join(base, n) for n in names if n.endswith(".accord")]
    return sorted(found)


def peers(folder, lines):
    """(name, argv or None, reason) for each peer, its input generated at `lines` lines."""
    result = []
    limit = int(os.environ.get("BENCH_PEER_MAX_LINES", "1000000"))
    journal = os.path.join(folder, "peer.journal")
    ledger = os.path.join(folder, "peer.beancount")
    if lines > limit:
        reason = f"input over BENCH_PEER_MAX_LINES={limit}"
        return [("hledger check", None, reason), ("bean-check", None, reason),
                ("wc -l", ["wc", "-l"] + plan_files(folder), "")]
    if shutil.which("hledger"):
        with open(journal, "w") as f:
            subprocess.run([GEN, "--hledger", str(lines)], stdout=f, check=True)
        result.append(("hledger check", ["hledger", "check", "-f", journal], ""))
    else:
        result.append(("hledger check", None, "hledger is not installed (apt-get install hledger)"))
    if shutil.which("bean-check"):
        with open(ledger, "w") as f:
            subprocess.run([GEN, "--beancount", str(lines)], stdout=f, check=True)
        # Without --no-cache, runs after the first read a pickled cache instead of the ledger.
        result.append(("bean-check", ["bean-check", "--no-cache", ledger], ""))
    else:
        result.append(("bean-check", None, "bean-check is not installed (pip install beancount)"))
    result.append(("wc -l", ["wc", "-l"] + plan_files(folder), ""))
    return result


def generate(folder, schemes):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    # One file while it stays well under the 64 MiB limit; beyond, schemes spread over includes.
    files = 1 if schemes <= 5000 else 1 + schemes // 2000
    subprocess.run([GEN, str(schemes), "--files", str(files), "--out", folder], check=True)
    return plan_files(folder)


def row(name, wall, rss, lines, size):
    return (f"  {name:<14} {wall * 1000:>10.1f} {lines / wall:>13,.0f} {size / wall / 1e6:>8.1f}"
            f" {rss / 1e6:>10.1f} {rss / size:>9.1f}x")


def main():
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "100 1000 10000 50000").split()]
    scratch = os.environ.get("BENCH_DIR", os.path.join(ROOT, ".build", "bench"))
    print(f"accord benchmark: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    per_line = {}  # command -> [(size, lines, seconds per line)]
    for schemes in sizes:
        folder = os.path.join(scratch, f"plan-{schemes}")
        files = generate(folder, schemes)
        lines, size = count(files)
        runs = runs_for(lines)
        plan = os.path.join(folder, "plan.accord")
        print(f"\n== {schemes:,} schemes: {lines:,} lines, {size / 1e6:.1f} MB in {len(files)} file(s), median of {runs} run(s) ==")
        print(f"  {'command':<14} {'wall ms':>10} {'lines/s':>13} {'MB/s':>8} {'max RSS MB':>10} {'RSS/input':>10}")
        walls = {}
        for name, args in ACCORD_COMMANDS:
            argv = [ACCORD] + [a.format(plan=plan, dir=folder) for a in args]
            wall, rss = measure(argv, runs)
            walls["accord " + name] = wall
            per_line.setdefault(name, []).append((schemes, lines, wall / lines))
            print(row("accord " + name, wall, rss, lines, size))
        for name, argv, reason in peers(folder, lines):
            if argv is None:
                print(f"  {name:<14} skipped: {reason}")
                continue
            wall, rss = measure(argv, min(runs, 3))
            walls[name] = wall
            print(row(name, wall, rss, lines, size))
        check = walls.get("accord check")
        ratios = [f"{peer} {walls[peer] / check:.2f}x" for peer in ("hledger check", "bean-check", "wc -l") if peer in walls]
        if check and ratios:
            print("  peer time / accord check time: " + ", ".join(ratios))
    print("\n== growth: cost per line (µs) and its ratio to the previous size (1.00 = linear) ==")
    for name, points in per_line.items():
        cells = []
        for index, (schemes, lines, cost) in enumerate(points):
            ratio = f" ({cost / points[index - 1][2]:.2f})" if index else ""
            cells.append(f"{schemes:,}: {cost * 1e6:.2f}{ratio}")
        print(f"  accord {name:<12} " + "  ".join(cells))

    # The pre-commit case: a ~500-line plan checked end to end, process start included.
    folder = os.path.join(scratch, "plan-small")
    files = generate(folder, 4)
    lines, size = count(files)
    wall, rss = measure([ACCORD, "check", "--as-of", AS_OF, os.path.join(folder, "plan.accord")], 21)
    print(f"\n== a {lines}-line plan, `accord check` end to end: median {wall * 1000:.2f} ms over 21 runs, max RSS {rss / 1e6:.1f} MB ==")


if __name__ == "__main__":
    main()
