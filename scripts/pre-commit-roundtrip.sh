#!/usr/bin/env bash
# Proves the hooks in .pre-commit-hooks.yaml with the real pre-commit framework, as a committer
# meets them: a scratch repository installs the hooks (`pre-commit install`) and commits. A good
# plan commits; each of these must be stopped, with the reason shown:
#   - a misspelt lead (E202 in the changed file);
#   - deleting a scheme file that a risk-share term names (no .accord file is passed to the hook);
#   - renaming that file out of the folder the include pattern covers.
# Renaming a file within the pattern must still commit.
#
# pre-commit builds Accord itself (`language: swift` means `swift build -c release`). The hooks
# come from a snapshot commit of this working tree, and every commit shares one pre-commit store,
# so the release build happens once. With CI set, a missing tool fails the run instead of skipping.
set -euo pipefail
accord_repo=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS

skip() {
    if [ -n "${CI:-}" ]; then echo "pre-commit round trip FAILED: $1 (CI is set, so nothing may be skipped)"; exit 1; fi
    echo "pre-commit round trip SKIPPED: $1"
    exit 0
}

if ! command -v pre-commit >/dev/null 2>&1; then
    python3 -m pip --version >/dev/null 2>&1 || skip "pre-commit is not installed and pip is not available to install it"
    python3 -m pip install --quiet pre-commit || skip "pip could not install pre-commit"
    command -v pre-commit >/dev/null 2>&1 || skip "pre-commit was installed but is not on PATH"
fi
command -v swift >/dev/null 2>&1 || skip "no swift on PATH for pre-commit to build the hooks with"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_AUTHOR_NAME="Round trip" GIT_AUTHOR_EMAIL="round-trip@example.com"
export GIT_COMMITTER_NAME="Round trip" GIT_COMMITTER_EMAIL="round-trip@example.com"
export PRE_COMMIT_HOME="$scratch/pre-commit-home"

# The hooks as this working tree has them, committed in a clone (try-repo would do the same, but
# build afresh every time).
hooks="$scratch/accord"
git clone -q "$accord_repo" "$hooks"
git -C "$hooks" checkout -q "$(git -C "$accord_repo" rev-parse HEAD)"
(cd "$accord_repo" && git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$hooks" -xf -
git -C "$hooks" add -A
git -C "$hooks" commit -q --allow-empty -m "Working tree snapshot for the round trip"
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$scratch/plans"
git init -q "$repo"
mkdir -p "$repo/schemes"
cat > "$repo/.pre-commit-config.yaml" <<CONFIG
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: accord-check
      - id: accord-fmt
CONFIG
cat > "$repo/plan.accord" <<'PLAN'
include "schemes/*.accord"

plan "Round-trip programme" {
  years FY24/25
  as-of 2024-10-31
}

partner TRUST "A partner NHS trust" {
  type provider
}

area corporate "Back office"

risk-share agency "Agency risk share" {
  schemes CIP-01
  measure cash-releasing
  years FY24/25
  shortfall {
    above TRUST 100%
  }
}
PLAN
for scheme in "agency CIP-01 Reduce agency spend £250k" "estates CIP-02 Release estates £100k"; do
    read -r file name title <<<"${scheme% *}"
    cat > "$repo/schemes/$file.accord" <<PLAN
scheme $name "$title" {
  area corporate
  level organisation
  status scoping
  lead TRUST

  savings FY24/25 {
    cash-releasing ${scheme##* }
  }
}
PLAN
done
(cd "$repo" && pre-commit install >/dev/null)

status=0
# commit NAME EXPECTATION [PATTERN]: commits what is staged; EXPECTATION is "passes" or "stopped",
# and a stopped commit must show PATTERN. A stopped commit is then undone for the next case.
commit() {
    local name=$1 expectation=$2 pattern=${3:-} code=0
    git -C "$repo" commit -q -m "$name" >"$scratch/$name.log" 2>&1 || code=$?
    echo "=== git commit: $name (exit $code) ==="
    sed -e "s|$scratch|\$SCRATCH|g" "$scratch/$name.log"
    if [ "$expectation" = passes ]; then
        [ $code = 0 ] || { echo "FAILED: the commit '$name' was stopped"; status=1; }
    else
        [ $code != 0 ] || { echo "FAILED: the commit '$name' was not stopped"; status=1; git -C "$repo" reset -q --hard HEAD~1; }
        grep -qF -- "$pattern" "$scratch/$name.log" || { echo "FAILED: '$pattern' is not in the output of '$name'"; status=1; }
        git -C "$repo" reset -q --hard HEAD
    fi
}

git -C "$repo" add .
commit "a good plan" passes

sed -i 's/  lead TRUST/  lead TRUTS/' "$repo/schemes/agency.accord"
git -C "$repo" add schemes/agency.accord
commit "a misspelt lead" stopped 'error[E202]: unknown partner `TRUTS`'

git -C "$repo" rm -q schemes/agency.accord
commit "delete a scheme a risk-share term names" stopped 'error[E202]: unknown scheme `CIP-01`'

git -C "$repo" mv schemes/agency.accord agency.accord
commit "rename a scheme out of the include pattern" stopped 'error[E202]: unknown scheme `CIP-01`'

git -C "$repo" mv schemes/estates.accord schemes/estates-2025.accord
commit "rename a scheme within the include pattern" passes

[ $status = 0 ] && echo "pre-commit round trip: OK — good commits passed; a misspelt lead, a deletion and a rename out of the plan were stopped with the error shown ($((SECONDS - started)) s)"
exit $status
