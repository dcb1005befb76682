#!/usr/bin/env bash
# Proves the hooks in .pre-commit-hooks.yaml with the real pre-commit framework: a scratch git
# repository gets a good plan in one commit and breaks it in the next, and `pre-commit try-repo`
# must pass the good commit and fail the broken one with the diagnostic in its output.
#
# pre-commit builds Accord itself (`language: swift` means `swift build -c release`), once per
# try-repo run, into a temporary store. The two runs go side by side: a release build is mostly
# one module after another, so two of them on two cores take little longer than one.
set -euo pipefail
accord_repo=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS

if ! command -v pre-commit >/dev/null 2>&1; then
    if python3 -m pip --version >/dev/null 2>&1; then
        python3 -m pip install --quiet pre-commit
    else
        echo "pre-commit round trip SKIPPED: pre-commit is not installed and pip is not available to install it"
        exit 0
    fi
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "pre-commit round trip SKIPPED: no swift on PATH for pre-commit to build the hooks with"
    exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_AUTHOR_NAME="Round trip" GIT_AUTHOR_EMAIL="round-trip@example.com"
export GIT_COMMITTER_NAME="Round trip" GIT_COMMITTER_EMAIL="round-trip@example.com"

# The good commit: a root plan and a fragment it includes, in canonical layout.
git init -q "$scratch/good"
mkdir -p "$scratch/good/schemes"
cat > "$scratch/good/plan.accord" <<'PLAN'
include "schemes/*.accord"

plan "Round-trip programme" {
  years FY24/25
  as-of 2024-10-31
}

partner TRUST "A partner NHS trust" {
  type provider
}

area corporate "Back office"
PLAN
cat > "$scratch/good/schemes/agency.accord" <<'PLAN'
scheme CIP-01 "Reduce agency spend" {
  area corporate
  level organisation
  status scoping
  lead TRUST

  savings FY24/25 {
    cash-releasing £250k
  }
}
PLAN
git -C "$scratch/good" add . && git -C "$scratch/good" commit -q -m "A good plan"

# The broken commit: the scheme's lead is misspelt (E202, with a "did you mean").
git clone -q "$scratch/good" "$scratch/broken"
sed -i 's/  lead TRUST/  lead TRUTS/' "$scratch/broken/schemes/agency.accord"
git -C "$scratch/broken" commit -q -am "Break the plan"

for name in good broken; do
    (
        code=0
        # Each run its own pre-commit home, so neither waits on the other's lock.
        export PRE_COMMIT_HOME="$scratch/$name-home"
        cd "$scratch/$name" && pre-commit try-repo "$accord_repo" --all-files >"$scratch/$name.log" 2>&1 || code=$?
        echo "$code" >"$scratch/$name.status"
    ) &
done
wait

for name in good broken; do
    echo "=== pre-commit try-repo at the $name commit (exit $(cat "$scratch/$name.status")) ==="
    # The config try-repo prints names a temporary folder; the rest is what a committer sees.
    sed -e "s|$scratch|\$SCRATCH|g" "$scratch/$name.log"
done

status=0
[ "$(cat "$scratch/good.status")" = 0 ] || { echo "FAILED: the good commit did not pass"; status=1; }
[ "$(cat "$scratch/broken.status")" != 0 ] || { echo "FAILED: the broken commit passed"; status=1; }
grep -q 'error\[E202\]: unknown partner `TRUTS`' "$scratch/broken.log" || { echo "FAILED: the diagnostic is not in the broken commit's output"; status=1; }
[ $status = 0 ] && echo "pre-commit round trip: OK — good commit passed, broken commit failed with E202 shown ($((SECONDS - started)) s)"
exit $status
