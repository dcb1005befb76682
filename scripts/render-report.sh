#!/usr/bin/env bash
# Builds the HTML summary of a plan and photographs it with headless Chromium, so a person can
# look at the charts. Usage: scripts/render-report.sh [PLAN] [OUT.png]
# (default examples/snee and report-snee.png; needs `apt-get install -y chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."
plan="${1:-examples/snee}"
png="${2:-report-snee.png}"
html="${png%.png}.html"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "render-report: no Chromium found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
swift build --product accord >/dev/null
status=0
.build/debug/accord summary --format html -o "$html" "$plan" || status=$?
if [ "$status" -gt 1 ]; then exit "$status"; fi
# A tall window so the whole page fits in one picture; no network, no scripts needed.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-javascript \
  --window-size=1200,"${HEIGHT:-4200}" --screenshot="$png" "file://$(realpath "$html")" >/dev/null 2>&1 || true
if [ ! -s "$png" ]; then
  echo "render-report: Chromium wrote no picture to $png" >&2
  exit 1
fi
echo "wrote $html and $png"
