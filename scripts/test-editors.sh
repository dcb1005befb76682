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

# 3. The Vim files, in headless Vim and Neovim (which read the same runtime files).
editors=()
command -v vim >/dev/null && editors+=("vim -Es")
command -v nvim >/dev/null && editors+=("nvim --headless")
if (( ${#editors[@]} )); then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir "$work/plans"
  cp "$checks/E104-unexpected-token.accord" "$checks/W407-unused.accord" "$work/plans/"
  for editor in "${editors[@]}"; do
    rm -f "$work/report"
    # The editor's screen output (the `:make` run) is discarded; the test writes its result to a file.
    # shellcheck disable=SC2086 # the editor's name and its headless flag
    ACCORD_EXAMPLE=examples/snee/schemes/se-05-outpatients.accord ACCORD_BROKEN="$work/plans" ACCORD_REPORT="$work/report" \
      $editor -Nu NONE -i NONE --cmd "set rtp^=$PWD/editors/vim" -S editors/tests/test_vim.vim </dev/null >/dev/null 2>&1 \
      || { echo "test-editors: the Vim test failed in $editor"; status=1; }
    cat "$work/report" 2>/dev/null || echo "test-editors: $editor wrote no report"
  done
else
  echo "test-editors: SKIPPED the Vim test: neither vim nor nvim is installed (apt-get install vim)"
fi

exit $status
