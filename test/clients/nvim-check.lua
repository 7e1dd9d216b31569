-- Headless Neovim as a real LSP client of the Corpus Lint server (works with Neovim 0.7 and later).
--
-- Run by scripts/test-clients.sh:
--   CORPUS_LINT_SERVER=dist/server.js CORPUS_LINT_ROOT=<copy of the seeds> \
--     nvim --headless --clean -n -u NONE -c 'luafile test/clients/nvim-check.lua'
-- Starts the server over stdio with the corpus folder as root, opens 002_59ed37bba01cb0ba.txt, waits for its
-- diagnostics (one of them `duplicate-paragraph`), hovers «بوتين» in 003_9f36dc66b4847675.txt, shuts the server down.
-- Prints PASS/FAIL lines; exits 0 when every check passed, 1 otherwise.

local server = assert(os.getenv('CORPUS_LINT_SERVER'), 'CORPUS_LINT_SERVER is not set')
local root = assert(os.getenv('CORPUS_LINT_ROOT'), 'CORPUS_LINT_ROOT is not set')
local timeout = tonumber(os.getenv('CORPUS_LINT_TIMEOUT_MS') or '') or 60000
local DIAG_FILE = '002_59ed37bba01cb0ba.txt'
local HOVER_FILE = '003_9f36dc66b4847675.txt'
local NAME = 'بوتين'

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function out(s) io.stdout:write(s .. '\n') end
local failed = 0
local function check(ok, what)
  if not ok then failed = failed + 1 end
  out(string.format('nvim: %s %s (%d ms)', ok and 'PASS' or 'FAIL', what, ms()))
  return ok
end
local function finish()
  local v = vim.version()
  out(string.format('nvim: %s, %d ms in all (Neovim %d.%d.%d)', failed == 0 and 'all checks passed' or (failed .. ' check(s) failed'),
    ms(), v.major, v.minor, v.patch))
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end

-- The LSP code of a diagnostic: Neovim 0.8+ copies it to `code`, 0.7 keeps it in user_data.lsp.
local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

-- The text of a hover's contents: MarkupContent, MarkedString or a list of MarkedStrings.
local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if type(contents) ~= 'table' then return '' end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do parts[#parts + 1] = type(c) == 'string' and c or (c.value or '') end
  return table.concat(parts, '\n')
end

local function main()
  local exit_code, exit_signal
  local path = root .. '/' .. DIAG_FILE
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'corpus'

  -- vim.lsp.start_client + buf_attach_client: the API of 0.7, still there in later versions (vim.lsp.start is 0.8+).
  local client_id = vim.lsp.start_client({
    name = 'corpus-lint',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    on_exit = function(code, signal) exit_code, exit_signal = code, signal end,
  })
  if not check(client_id ~= nil, 'server started') then return end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local initialized = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return exit_code ~= nil or (client ~= nil and client.initialized == true)
  end, 10)
  if not check(initialized and exit_code == nil, 'server initialized') then
    vim.lsp.stop_client(client_id, true)
    return
  end

  -- 1) diagnostics of the opened file, one of them a duplicated paragraph
  local function has_duplicate()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == 'duplicate-paragraph' then return true end
    end
    return false
  end
  local got = vim.wait(timeout, has_duplicate, 20)
  local diags = vim.diagnostic.get(bufnr)
  for _, d in ipairs(diags) do
    if code_of(d) == 'duplicate-paragraph' then
      out(string.format('nvim:   %s:%d:%d %s [%s]', DIAG_FILE, d.lnum + 1, d.col + 1, d.message, code_of(d)))
      break
    end
  end
  check(got, string.format('diagnostics of %s include duplicate-paragraph (%d diagnostics)', DIAG_FILE, #diags))

  -- 2) hover on the first «بوتين» of the other file
  local hover_buf = vim.fn.bufadd(root .. '/' .. HOVER_FILE)
  vim.fn.bufload(hover_buf)
  vim.bo[hover_buf].buflisted = true
  vim.bo[hover_buf].filetype = 'corpus'
  vim.lsp.buf_attach_client(hover_buf, client_id)
  local position
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(hover_buf, 0, -1, false)) do
    local byte = line:find(NAME, 1, true)
    if byte then
      -- LSP positions count UTF-16 units (the encoding Neovim 0.7 speaks); aim one character into the word
      local _, utf16 = vim.str_utfindex(line, byte - 1)
      position = { line = lnum - 1, character = utf16 + 1 }
      break
    end
  end
  if check(position ~= nil, string.format('«%s» found in %s', NAME, HOVER_FILE)) then
    out(string.format('nvim:   hover at %s:%d:%d', HOVER_FILE, position.line + 1, position.character + 1))
    local params = { textDocument = { uri = vim.uri_from_bufnr(hover_buf) }, position = position }
    local responses, err = vim.lsp.buf_request_sync(hover_buf, 'textDocument/hover', params, timeout)
    local text = ''
    for _, r in pairs(responses or {}) do
      if r.error then out('nvim:   hover error: ' .. vim.inspect(r.error)) end
      if r.result and r.result.contents then text = text .. hover_text(r.result.contents) end
    end
    if err then out('nvim:   hover request: ' .. tostring(err)) end
    out('nvim:   hover: ' .. (text:gsub('\n', ' '):sub(1, 200)))
    check(text:find(NAME, 1, true) ~= nil, string.format('hover on «%s» mentions %s', NAME, NAME))
  end

  -- 3) clean shutdown: shutdown request, exit notification, the server process exits with 0
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(10000, function() return exit_code ~= nil end, 20)
  check(stopped and exit_code == 0 and exit_signal == 0,
    string.format('server shut down (exit code %s, signal %s)', tostring(exit_code), tostring(exit_signal)))
end

local ok, err = pcall(main)
if not ok then check(false, 'error: ' .. tostring(err)) end
finish()
