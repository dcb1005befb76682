#!/usr/bin/env bash
# Tests the editor support in editors/: the TextMate grammar (VS Code) and the Vim runtime files.
# Needs a built `accord` (swift build). Each part is skipped, with the reason printed, when its
# tool cannot be had: Python with `textmate-grammar-python`, Node.js, and Vim or Neovim.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="$(swift build --show-bin-path)"
if [[ ! -x "$bin/accord" ]]; then
  echo "test-editors: $bin/accord is missing; run swift build first" >&2
  exit 1
fi
export PATH="$bin:$PATH"
status=0
checks=Tests/AccordCommandLineTests/testdata/check

# 1. The TextMate grammar over every example and test fixture.
if python3 -c 'import textmate_grammar, onigurumacffi' 2>/dev/null; then
  mapfile -t plans < <(find examples Tests -name '*.accord' | sort)
  python3 editors/tests/test_textmate.py "$bin/accord" "${plans[@]}" || status=1
else
  echo "test-editors: SKIPPED the TextMate grammar test: python3 cannot import textmate_grammar (pip install textmate-grammar-python)"
fi

# 2. The VS Code manifest, language configuration and extension entry point.
if command -v node >/dev/null; then
  node editors/tests/test_vscode.js || status=1
else
  echo "test-editors: SKIPPED the VS Code extension test: node is not installed (apt-get install nodejs)"
fi

# 3. The Vim files in headless Vim (or Neovim, which reads the same runtime files).
vim=$(command -v vim || command -v nvim || true)
if [[ -n "$vim" ]]; then
  broken=$(mktemp -d)
  trap 'rm -rf "$broken"' EXIT
  mkdir "$broken/plans"
  cp "$checks/E104-unexpected-token.accord" "$checks/W407-unused.accord" "$broken/plans/"
  # Vim's screen output (the `:make` run) is discarded; the test writes its result to a file.
  ACCORD_EXAMPLE=examples/snee/schemes/se-05-outpatients.accord ACCORD_BROKEN="$broken/plans" ACCORD_REPORT="$broken/report" \
    "$vim" -Nu NONE -i NONE -Es --cmd "set rtp^=$PWD/editors/vim" -S editors/tests/test_vim.vim </dev/null >/dev/null 2>&1 \
    || { echo "test-editors: the Vim test failed ($vim)"; status=1; }
  cat "$broken/report" 2>/dev/null || echo "test-editors: the Vim test wrote no report"
else
  echo "test-editors: SKIPPED the Vim test: neither vim nor nvim is installed (apt-get install vim)"
fi

exit $status
