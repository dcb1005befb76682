#!/usr/bin/env bash
# A real editor client against `accord lsp`: Neovim headless (Debian `neovim`) with its built-in
# LSP client runs scripts/lsp-real-client.lua on a copy of the test plan with two mistakes.
# Installs Neovim with apt when it can; otherwise skips with the reason (exit 0), or fails with
# CI set, where nothing may be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
    if [ -n "${CI:-}" ]; then echo "lsp-real-client: FAILED: $1 (CI is set, so nothing may be skipped)"; exit 1; fi
    echo "lsp-real-client: skipped: $1"
    exit 0
}

if ! command -v nvim >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >/dev/null 2>&1 || true
    fi
fi
if ! command -v nvim >/dev/null 2>&1; then
    skip "Neovim is not installed and could not be installed with apt-get"
fi
# vim.lsp.start_client and vim.diagnostic need Neovim 0.7 or later.
if ! nvim --headless --clean -c 'lua if vim.fn.has("nvim-0.7") == 1 then vim.cmd("qall!") else vim.cmd("cquit!") end' >/dev/null 2>&1; then
    skip "$(nvim --version | head -1) is older than 0.7"
fi

swift build --product accord >/dev/null
accord="$(swift build --show-bin-path)/accord"

workspace="$(mktemp -d)"
trap 'rm -rf "$workspace"' EXIT
cp -R Tests/AccordLanguageServerTests/testdata/plan/. "$workspace/"
mkdir "$workspace/.git" # the root-plan search stops at a repository's top
sed -i -e 's/^  lead ESNEFT$/  lead ESNEFF/' -e 's/^    cash-releasing £1.0m$/    cash-releasing £1.0m + bogus/' "$workspace/schemes/outpatients.accord"

echo "lsp-real-client: $(nvim --version | head -1) against $accord lsp"
WORKSPACE="$workspace" ACCORD="$accord" timeout 180 nvim --headless --clean -n -c "luafile scripts/lsp-real-client.lua"
