#!/usr/bin/env bash
# Fuzzes the whole pipeline with libFuzzer (docs/performance.md): builds every Accord module with
# `swiftc -sanitize=fuzzer` into .build/fuzz, seeds a corpus from examples/ and the golden test
# inputs, and runs for SECONDS (default 60). Findings land in .build/fuzz/findings/.
#   scripts/fuzz.sh 600            # ten minutes
#   scripts/fuzz.sh 0 FILE…        # replay inputs (for example a finding) once each
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
out=.build/fuzz
mkdir -p "$out/modules" "$out/corpus" "$out/findings"
# One package name for all modules, as SwiftPM gives them: `package` declarations cross modules.
flags=(-O -swift-version 6 -parse-as-library -package-name accord -sanitize=fuzzer -I "$out/modules")
# Every library `accord` links, in the dependency order of Package.swift.
for module in AccordDiagnostics AccordSyntax AccordFormat AccordNumbers AccordModel AccordChecks AccordFigures AccordSpreadsheet AccordReports AccordLanguageServer AccordCommandLine; do
  swiftc "${flags[@]}" -wmo -c -module-name "$module" -emit-module -emit-module-path "$out/modules/$module.swiftmodule" \
    Sources/$module/*.swift -o "$out/modules/$module.o"
done
swiftc "${flags[@]}" scripts/fuzz/AccordFuzz.swift "$out"/modules/*.o -o "$out/accord-fuzz"
if [ "$#" -gt 0 ]; then exec "$out/accord-fuzz" "$@"; fi
find examples Tests -name '*.accord' -size -64k -exec cp {} "$out/corpus/" \;
exec "$out/accord-fuzz" "$out/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$out/findings/" -print_final_stats=1
