#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the release binaries, then runs scripts/bench.py.
# BENCH_SIZES="100 1000" scripts/bench.sh for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product accord >/dev/null
swift build -c release --product accord-gen >/dev/null
exec python3 scripts/bench.py
