#!/usr/bin/env bash
# Proves the release installs without a toolchain, as the README tells a programme lead to:
# builds the tarball (scripts/release.sh, a release build), checks its sum, unpacks it into a
# temporary folder and runs that `accord` with an empty environment (`env -i`) on every example,
# expecting the output and exit status of the debug build (swift build --product accord). Nothing
# here is optional: a missing tool, file or library fails the test.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-release: FAILED, $1" >&2; exit 1; }
for tool in sha256sum tar ldd env; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
debug="$(swift build --show-bin-path)/accord"
[[ -x "$debug" ]] || fail "$debug is missing; run swift build --product accord first"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scripts/release.sh "$work/dist" || fail "scripts/release.sh failed"
tarballs=("$work"/dist/accord-*-linux-*.tar.gz)
[[ ${#tarballs[@]} == 1 && -f "${tarballs[0]}" ]] || fail "scripts/release.sh made no tarball"
tarball="${tarballs[0]}"
(cd "$work/dist" && sha256sum -c --strict "$(basename "$tarball").sha256") || fail "the SHA-256 sum does not match"
mkdir "$work/install"
tar -xzf "$tarball" -C "$work/install"
folder="$work/install/$(basename "$tarball" .tar.gz)"
for file in accord README.md editors/README.md editors/vim/syntax/accord.vim editors/vscode/package.json; do
  [[ -e "$folder/$file" ]] || fail "the tarball has no $file"
done
[[ ! -e "$folder/editors/tests" ]] || fail "the tarball ships the editor tests"
accord="$folder/accord"

# Nothing of the toolchain may be loaded: env -i alone would not show it, since a Swift binary
# finds the toolchain's runtime through its run path.
libraries="$(ldd "$accord")" || fail "ldd cannot read $accord"
if grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu|not found' <<<"$libraries"; then
  fail "the release binary needs the libraries above"
fi

# Each line: the arguments of one run, from the top of the repository.
runs=(
  "--version"
  "explain W401"
)
for example in examples/*/; do
  example="${example%/}"
  runs+=(
    "check $example"
    "check $example --format json"
    "summary $example"
    "summary $example --format json"
    "eval $example --scenario all"
    "model $example"
    "fmt --check $example"
    "outline $example"
  )
done

compared=0
for run in "${runs[@]}"; do
  read -ra arguments <<<"$run"
  status=0; env -i "$accord" "${arguments[@]}" >"$work/release.out" 2>"$work/release.err" || status=$?
  expected=0; "$debug" "${arguments[@]}" >"$work/debug.out" 2>"$work/debug.err" || expected=$?
  # Every run but `fmt --check` on formatted plans prints something: empty output is a failure.
  [[ "$run" == "fmt --check"* || -s "$work/debug.out" || -s "$work/debug.err" ]] || fail "accord $run printed nothing"
  [[ "$status" == "$expected" ]] || fail "accord $run exits $status, the debug build $expected"
  cmp -s "$work/release.out" "$work/debug.out" || { diff "$work/debug.out" "$work/release.out" | head -20; fail "accord $run: standard output differs from the debug build's"; }
  cmp -s "$work/release.err" "$work/debug.err" || { diff "$work/debug.err" "$work/release.err" | head -20; fail "accord $run: standard error differs from the debug build's"; }
  compared=$((compared + 1))
done
echo "test-release: OK, $(basename "$tarball") installs and matches the debug build on $compared runs"
