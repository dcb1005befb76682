#!/usr/bin/env python3
"""`accord history` against its budget (docs/history.md): 24 monthly revisions of a generated
~2,000-line plan should take no more than about 24 × one `accord check` plus the git reads.

Run it as `scripts/bench.sh history` (which builds the release binaries first). It builds a
scratch repository (BENCH_DIR, default .build/bench/history) with one commit a month for 24
months, each a plan from `accord-gen 23 --seed MONTH` (23 schemes, ~2,000 lines; every month a
different plan, so nothing is shared between revisions), then reports medians of BENCH_RUNS runs
(default 5) of:
  - `accord history --format json` over the 24 months;
  - `accord check` of one revision's plan, on disk;
  - the git reads `accord history` makes: `git log`, then per revision `git ls-tree -r` and
    `git show REV:plan.accord`, run one after another as separate processes.
"""
import os
import shutil
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
ACCORD = os.path.join(BIN, "accord")
GEN = os.path.join(BIN, "accord-gen")
MONTHS = 24
SCHEMES = 23


def git(folder, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_DATE=date or "", GIT_COMMITTER_DATE=date or "")
    if date is None:
        env.pop("GIT_AUTHOR_DATE")
        env.pop("GIT_COMMITTER_DATE")
    return subprocess.run(["git", "-C", folder, "-c", "user.name=Bench", "-c", "user.email=bench@example.com",
                           "-c", "commit.gpgsign=false"] + list(args),
                          env=env, check=True, stdout=subprocess.PIPE).stdout


def build(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    git(folder, "init", "-q")
    for month in range(MONTHS):
        year, m = 2021 + month // 12, month % 12 + 1
        with open(os.path.join(folder, "plan.accord"), "wb") as f:
            f.write(subprocess.run([GEN, str(SCHEMES), "--seed", str(month + 1)], check=True, stdout=subprocess.PIPE).stdout)
        git(folder, "add", "-A")
        git(folder, "commit", "-q", "-m", f"month {month + 1}", date=f"{year}-{m:02d}-15T12:00:00+00:00")


def median(runs, action):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    folder = os.environ.get("BENCH_DIR", os.path.join(ROOT, ".build", "bench", "history"))
    build(folder)
    plan = os.path.join(folder, "plan.accord")
    with open(plan, "rb") as f:
        lines = f.read().count(b"\n")
    revisions = git(folder, "log", "--format=%H").decode().split()
    assert len(revisions) == MONTHS

    def history():
        result = subprocess.run([ACCORD, "history", "--format", "json", plan], stdout=subprocess.DEVNULL)
        assert result.returncode == 0, "accord history failed"

    def check():
        subprocess.run([ACCORD, "check", plan], stdout=subprocess.DEVNULL)

    def reads():
        git(folder, "log", "--first-parent", "--format=%H%x1f%cI%x1f%s", "HEAD", "--", ":(top)")
        for revision in revisions:
            git(folder, "ls-tree", "-r", "-z", "--full-tree", revision, "--")
            git(folder, "show", f"{revision}:plan.accord")

    print(f"accord history benchmark: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    print(f"{MONTHS} monthly revisions of a {lines:,}-line plan ({SCHEMES} schemes), median of {runs} runs")
    h, c, g = median(runs, history), median(runs, check), median(runs, reads)
    budget = MONTHS * c + g
    print(f"  accord history --format json   {h * 1000:9.1f} ms")
    print(f"  accord check, one revision     {c * 1000:9.1f} ms   (x {MONTHS} = {MONTHS * c * 1000:.1f} ms)")
    print(f"  git reads for {MONTHS} revisions    {g * 1000:9.1f} ms")
    print(f"  budget {MONTHS} x check + git reads {budget * 1000:9.1f} ms; history / budget = {h / budget:.2f}")


if __name__ == "__main__":
    main()
