-- The Accord language server for Neovim 0.11+: with this folder on 'runtimepath',
-- vim.lsp.config finds this file by its name and vim.lsp.enable('accord') starts it.
return {
  cmd = { 'accord', 'lsp' },
  filetypes = { 'accord' },
  -- The server reads the whole plan (every included file) from the project's root.
  root_markers = { '.git' },
}
