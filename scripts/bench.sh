#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the release binaries, then runs scripts/bench.py.
# BENCH_SIZES="100 1000" scripts/bench.sh for a quick run. `scripts/bench.sh history` times
# `accord history` over 24 monthly revisions instead (scripts/bench_history.py, docs/history.md).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product accord >/dev/null
swift build -c release --product accord-gen >/dev/null
if [[ "${1:-}" == history ]]; then exec python3 scripts/bench_history.py; fi
exec python3 scripts/bench.py
