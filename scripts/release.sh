#!/usr/bin/env bash
# Builds a release of `accord` that installs without a Swift toolchain: a Linux binary with the
# Swift runtime linked in (it needs only glibc and libstdc++), in
# OUT/accord-VERSION-linux-ARCH.tar.gz with the editor set-ups, the README and any licence files,
# beside its SHA-256 sum (OUT/….tar.gz.sha256, for `sha256sum -c`). OUT defaults to dist/.
# A release build: several minutes. scripts/test-release.sh proves the result.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

swift build -c release --static-swift-stdlib --product accord
accord="$(swift build -c release --show-bin-path)/accord"
version="$("$accord" --version)"
version="${version#accord }"
name="accord-$version-linux-$(uname -m)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$accord" "$stage/$name/"
# Only tracked files: an editor's scratch files never ship; the editor tests stay in the repository.
git ls-files -z editors ':!editors/tests' | xargs -0 cp --parents -t "$stage/$name"
cp README.md "$stage/$name/"
for file in LICENSE* LICENCE* COPYING* NOTICE*; do
  if [[ -e "$file" ]]; then cp "$file" "$stage/$name/"; fi
done

tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
