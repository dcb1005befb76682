-- Starts `accord lsp` for Accord buffers. Neovim 0.11+ uses lsp/accord.lua beside this folder;
-- 0.8 to 0.10 start the server with vim.lsp.start. Older versions get highlighting only.
if vim.g.loaded_accord_lsp then
  return
end
vim.g.loaded_accord_lsp = true

vim.filetype.add({ extension = { accord = 'accord' } })

if vim.lsp.config and vim.lsp.enable then
  vim.lsp.enable('accord')
elseif vim.lsp.start then
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'accord',
    group = vim.api.nvim_create_augroup('accord_lsp', { clear = true }),
    callback = function(event)
      local file = vim.api.nvim_buf_get_name(event.buf)
      local git = vim.fs.find('.git', { upward = true, path = vim.fs.dirname(file) })[1]
      vim.lsp.start({
        name = 'accord',
        cmd = { 'accord', 'lsp' },
        root_dir = git and vim.fs.dirname(git) or vim.fs.dirname(file),
      })
    end,
  })
end
