-- Checks editors/neovim in headless Neovim, run by scripts/test-editors.sh:
--   nvim --headless -u NONE -i NONE -c 'luafile editors/tests/test_neovim.lua'
-- with editors/vim and editors/neovim on 'runtimepath' and ACCORD_EXAMPLE and ACCORD_REPORT set.
-- Neovim 0.11+ checks vim.lsp.config; 0.8 to 0.10 the vim.lsp.start path, with a stand-in
-- for vim.lsp.start; older ones only that the files load and start nothing.
local failures = {}
local function expect(what, got, want)
  if vim.inspect(got) ~= vim.inspect(want) then
    table.insert(failures, string.format('%s: got %s, want %s', what, vim.inspect(got), vim.inspect(want)))
  end
end

local root = vim.fn.getcwd()
local config = dofile(root .. '/editors/neovim/lsp/accord.lua')
expect('lsp/accord.lua', { config.cmd, config.filetypes }, { { 'accord', 'lsp' }, { 'accord' } })

local started = {}
local path
if vim.lsp.config and vim.lsp.enable then
  path = 'vim.lsp.config'
  vim.lsp.enable = function(name) table.insert(started, { name = name, cmd = vim.lsp.config[name].cmd }) end
elseif vim.lsp.start then
  path = 'vim.lsp.start'
  vim.lsp.start = function(c) table.insert(started, { name = c.name, cmd = c.cmd, root_dir = c.root_dir }) end
else
  path = 'none (Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ' has no vim.lsp.start)'
end

vim.cmd('filetype plugin on')
vim.cmd('runtime! plugin/accord.lua')
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ACCORD_EXAMPLE')))
expect('filetype', vim.bo.filetype, 'accord')
if path == 'vim.lsp.config' then
  expect('enabled', started, { { name = 'accord', cmd = { 'accord', 'lsp' } } })
elseif path == 'vim.lsp.start' then
  expect('started', started, { { name = 'accord', cmd = { 'accord', 'lsp' }, root_dir = root } })
else
  expect('started', started, {})
end

local report = #failures == 0 and { 'nvim lsp: the Accord server config loads; start path: ' .. path }
  or vim.tbl_map(function(f) return 'nvim lsp: FAIL: ' .. f end, failures)
vim.fn.writefile(report, os.getenv('ACCORD_REPORT'))
vim.cmd(#failures == 0 and 'qall!' or 'cquit!')
