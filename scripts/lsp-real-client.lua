-- Drives `accord lsp` from Neovim's own LSP client (headless): opens a broken fragment of a
-- plan, checks the diagnostics' ranges land on the right text, fixes the mistakes through
-- Neovim's incremental sync, and goes to a definition in another file. Run by
-- scripts/lsp-real-client.sh; prints one line per check and exits non-zero on the first failure.
local root, accord = vim.env.WORKSPACE, vim.env.ACCORD
local failures = 0

local function report(ok, what)
  io.stdout:write((ok and "ok - " or "not ok - ") .. what .. "\n")
  if not ok then failures = failures + 1 end
end

local function finish()
  io.stdout:write(failures == 0 and "all checks passed\n" or (failures .. " check(s) failed\n"))
  vim.cmd(failures == 0 and "qall!" or "cquit! 1")
end

local function main()
  vim.cmd("edit " .. root .. "/schemes/outpatients.accord")
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = "accord", cmd = { accord, "lsp" }, root_dir = root })
  report(client_id ~= nil, "the client starts `accord lsp`")
  vim.lsp.buf_attach_client(buf, client_id)

  local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
  local function text_at(d)
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ""
    return line:sub(d.col + 1, d.end_col)
  end
  local function diagnostics()
    local all = vim.diagnostic.get(buf)
    table.sort(all, function(a, b) return a.lnum < b.lnum end)
    return all
  end

  report(vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 2 end, 50), "diagnostics arrive for the broken plan")
  local found = diagnostics()
  report(#found == 2, "two diagnostics (got " .. #found .. ")")
  if #found == 2 then
    local lead, bogus = found[1], found[2]
    report(code(lead) == "E202" and lead.lnum == 4 and lead.col == 7 and lead.end_col == 13 and text_at(lead) == "ESNEFF",
      string.format("E202 on `lead ESNEFF` at 5:%d-%d covers `%s`", lead.col + 1, lead.end_col, text_at(lead)))
    -- `£` is one UTF-16 unit but two bytes: Neovim turns the server's UTF-16 columns into bytes.
    report(code(bogus) == "E202" and bogus.lnum == 13 and text_at(bogus) == "bogus",
      string.format("E202 after `£` at 14:%d-%d covers `%s`", bogus.col + 1, bogus.end_col, text_at(bogus)))
    report(lead.severity == vim.diagnostic.severity.ERROR, "reported as an error")
  end

  -- Fix both through edits Neovim sends as incremental changes.
  vim.api.nvim_buf_set_text(buf, 4, 7, 4, 13, { "ESNEFT" })
  report(vim.wait(30000, function() return #vim.diagnostic.get(buf) == 1 end, 50), "fixing `ESNEFF` clears its diagnostic")
  local line = vim.api.nvim_buf_get_lines(buf, 13, 14, false)[1]
  local plus = line:find(" %+ bogus")
  vim.api.nvim_buf_set_text(buf, 13, plus - 1, 13, #line, { "" })
  report(vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 50), "removing `+ bogus` after `£` leaves no diagnostics")

  -- Go to the definition of `fu-cost` (declared in plan.accord, line 27).
  local usage = vim.api.nvim_buf_get_lines(buf, 14, 15, false)[1]
  vim.api.nvim_win_set_cursor(0, { 15, usage:find("fu-cost", 1, true) + 1 })
  vim.lsp.buf.definition()
  local landed = vim.wait(30000, function() return vim.api.nvim_buf_get_name(0):match("/plan%.accord$") ~= nil end, 50)
  local cursor = vim.api.nvim_win_get_cursor(0)
  report(landed and cursor[1] == 27 and cursor[2] == 4,
    string.format("go to definition lands in %s at %d:%d", vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":t"), cursor[1], cursor[2] + 1))
  report(vim.api.nvim_get_current_line() == "let fu-cost = £120", "on the line `" .. vim.api.nvim_get_current_line() .. "`")

  vim.lsp.stop_client(client_id)
end

-- A Lua error must fail the run, not leave a headless Neovim waiting.
local ok, err = pcall(main)
if not ok then report(false, "script error: " .. tostring(err)) end
finish()
