#!/usr/bin/env bash
# Tests the editor support in editors/: the TextMate grammar and the VS Code extension, the Vim
# runtime files (in Vim and Neovim) and the Emacs mode. Needs a built `accord` (swift build).
# Each part is skipped, with the reason printed, when its tool is missing: Python with
# `textmate-grammar-python`, Node.js, Vim, Neovim, Emacs. With CI set, a skip fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

skipped() {
  if [[ -n "${CI:-}" ]]; then
    echo "test-editors: FAILED, $1 (CI is set, so nothing may be skipped)"
    status=1
  else
    echo "test-editors: SKIPPED $1"
  fi
}

bin="$(swift build --show-bin-path)"
if [[ ! -x "$bin/accord" ]]; then
  echo "test-editors: $bin/accord is missing; run swift build first" >&2
  exit 1
fi
export PATH="$bin:$PATH"

# A folder of plans whose diagnostics the editor tests know: 5 errors, 4 warnings.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/plans"
checks=Tests/AccordCommandLineTests/testdata/check
cp "$checks/E104-unexpected-token.accord" "$checks/W407-unused.accord" "$work/plans/"
export ACCORD_BROKEN="$work/plans" ACCORD_EXAMPLE=examples/snee/schemes/se-05-outpatients.accord

# 1. The TextMate grammar over every example and test fixture.
if python3 -c 'import textmate_grammar, onigurumacffi' 2>/dev/null; then
  mapfile -t plans < <(find examples Tests -name '*.accord' | sort)
  python3 editors/tests/test_textmate.py "$bin/accord" "${plans[@]}" || status=1
else
  skipped "the TextMate grammar test: python3 cannot import textmate_grammar (pip install textmate-grammar-python)"
fi

# 2. The VS Code manifest, language configuration and extension entry point.
if command -v node >/dev/null; then
  node editors/tests/test_vscode.js || status=1
else
  skipped "the VS Code extension test: node is not installed (apt-get install nodejs)"
fi

# 3. The Vim files, in headless Vim and Neovim (which read the same runtime files).
editors=()
if command -v vim >/dev/null; then editors+=("vim -Es"); else skipped "the Vim test in Vim: vim is not installed (apt-get install vim)"; fi
if command -v nvim >/dev/null; then editors+=("nvim --headless"); else skipped "the Vim and LSP tests in Neovim: nvim is not installed (apt-get install neovim)"; fi
for editor in "${editors[@]+"${editors[@]}"}"; do
  rm -f "$work/report"
  # The editor's screen output (the `:make` run) is discarded; the test writes its result to a file.
  # shellcheck disable=SC2086 # the editor's name and its headless flag
  ACCORD_REPORT="$work/report" $editor -Nu NONE -i NONE --cmd "set rtp^=$PWD/editors/vim" \
    -S editors/tests/test_vim.vim </dev/null >/dev/null 2>&1 || { echo "test-editors: the Vim test failed in $editor"; status=1; }
  cat "$work/report" 2>/dev/null || echo "test-editors: $editor wrote no report"
done
# The Neovim LSP set-up (editors/neovim), as far as this Neovim's version allows.
if command -v nvim >/dev/null; then
  rm -f "$work/report"
  ACCORD_REPORT="$work/report" nvim --headless -u NONE -i NONE --cmd "set rtp^=$PWD/editors/vim,$PWD/editors/neovim" \
    -c 'luafile editors/tests/test_neovim.lua' </dev/null >/dev/null 2>&1 || { echo "test-editors: the Neovim LSP test failed"; status=1; }
  cat "$work/report" 2>/dev/null || echo "test-editors: nvim wrote no report"
fi

# 4. The Helix snippet is TOML naming the server.
if ! python3 -c 'import tomllib' 2>/dev/null; then
  skipped "the Helix check: python3 has no tomllib (Python 3.11+)"
else python3 - <<'PY' || status=1
import tomllib
with open("editors/helix/languages.toml", "rb") as file:
    helix = tomllib.load(file)
language, server = helix["language"][0], helix["language-server"]["accord"]
assert (language["name"], language["file-types"], language["language-servers"]) == ("accord", ["accord"], ["accord"]), language
assert (server["command"], server["args"]) == ("accord", ["lsp"]), server
print("helix: languages.toml names accord lsp for .accord files")
PY
fi

# 5. The Emacs mode in batch Emacs.
if command -v emacs >/dev/null; then
  emacs -Q --batch -l editors/tests/test_emacs.el 2>&1 | grep '^emacs' || { echo "test-editors: the Emacs test failed"; status=1; }
else
  skipped "the Emacs test: emacs is not installed (apt-get install emacs-nox)"
fi

exit $status
