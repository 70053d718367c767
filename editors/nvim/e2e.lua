-- Headless Neovim as a real LSP client of `keychainlint lsp`, for
-- cmd/keychainlint's TestNeovimEndToEnd (which checks what this script
-- records against the CLI). Neovim 0.7 is the oldest supported (Debian
-- 12's), so only APIs it has are used: vim.lsp.start_client and
-- vim.lsp.buf_attach_client (vim.lsp.start is 0.8), vim.fn.json_*.
--
-- Run: KL_E2E=config.json nvim --headless -u NONE -i NONE -n -c 'luafile e2e.lua'
-- config.json: {bin, root, files: [absolute paths], expected: {path: ["line:col
-- rule"]}, actions: [{file, line, rule, title?}], timeout_ms, out}. The
-- script writes {ok, error, diagnostics, shown, steps: [{file, actions,
-- applied, text, diagnostics}], exit_code, exit_signal, log} to `out` and
-- quits, exiting 1 when a step failed.

local cfg = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv("KL_E2E")), "\n"))
-- vim.empty_dict(): these encode as JSON objects even when nothing is added.
local out = {
  ok = false,
  diagnostics = vim.empty_dict(),
  shown = vim.empty_dict(),
  steps = {},
  log = {},
}
local timeout = cfg.timeout_ms or 30000

local published = {} -- uri -> the last diagnostics the server published
local publish_count = {} -- uri -> how many times
local exited = nil

local function uri_of(path)
  return vim.uri_from_fname(path)
end

local function wait(what, cond)
  if not vim.wait(timeout, cond, 20) then
    error("timed out after " .. timeout .. " ms waiting for " .. what)
  end
end

local function main()
  vim.cmd("filetype on") -- languageId in didOpen comes from the filetype
  local client_id = vim.lsp.start_client({
    name = "keychainlint",
    cmd = { cfg.bin, "lsp" },
    root_dir = cfg.root,
    init_options = cfg.init_options or vim.empty_dict(),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        publish_count[result.uri] = (publish_count[result.uri] or 0) + 1
        -- Neovim's own handler too: what the user would see.
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ["window/logMessage"] = function(_, result)
        table.insert(out.log, result.message)
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error("vim.lsp.start_client failed for " .. cfg.bin)
  end
  local client = vim.lsp.get_client_by_id(client_id)
  wait("initialize", function()
    return client.initialized or exited ~= nil
  end)
  if exited then
    error("the server exited during initialize: code " .. tostring(exited.code))
  end

  local bufs = {}
  for _, path in ipairs(cfg.files) do
    vim.cmd("edit " .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    bufs[path] = buf
    if not vim.lsp.buf_attach_client(buf, client_id) then
      error("buf_attach_client failed for " .. path)
    end
  end

  -- Diagnostics: wait until every file's last publication equals what the
  -- test expects (the CLI's findings); when it never does, the last ones
  -- are recorded and the Go test prints the difference.
  local function key(d)
    return string.format("%d:%d %s", d.range.start.line + 1, d.range.start.character + 1, tostring(d.code))
  end
  local function matches(path)
    local got = published[uri_of(path)]
    if not got then
      return false
    end
    local want = cfg.expected[path] or {}
    if #got ~= #want then
      return false
    end
    local have = {}
    for _, d in ipairs(got) do
      have[key(d)] = true
    end
    for _, k in ipairs(want) do
      if not have[k] then
        return false
      end
    end
    return true
  end
  local all_ok = vim.wait(timeout, function()
    for _, path in ipairs(cfg.files) do
      if not matches(path) then
        return false
      end
    end
    return true
  end, 20)
  for _, path in ipairs(cfg.files) do
    out.diagnostics[path] = published[uri_of(path)] or vim.NIL
    out.shown[path] = #vim.diagnostic.get(bufs[path], { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
  end
  if not all_ok then
    error("the diagnostics never matched the CLI's findings")
  end

  -- Code actions: for each finding the test names, ask for the code
  -- actions on its diagnostic, apply the one it names (a title prefix) or
  -- else the preferred quickfix, and wait for the finding to go away.
  for _, step in ipairs(cfg.actions) do
    local uri = uri_of(step.file)
    local diag
    for _, d in ipairs(published[uri] or {}) do
      if d.range.start.line + 1 == step.line and d.code == step.rule then
        diag = d
      end
    end
    if not diag then
      error(string.format("no %s diagnostic on line %d of %s", step.rule, step.line, step.file))
    end
    local params = {
      textDocument = { uri = uri },
      range = diag.range,
      context = { diagnostics = { diag }, only = { "quickfix" } },
    }
    local responses = vim.lsp.buf_request_sync(bufs[step.file], "textDocument/codeAction", params, timeout)
    local resp = responses and responses[client_id]
    if not resp or resp.err then
      error("textDocument/codeAction failed: " .. vim.inspect(resp and resp.err))
    end
    local titles, chosen = {}, nil
    for _, a in ipairs(resp.result or {}) do
      table.insert(titles, a.title)
      local wanted
      if step.title then
        wanted = a.title:sub(1, #step.title) == step.title
      else
        wanted = a.isPreferred and a.kind == "quickfix"
      end
      if wanted and not chosen then
        chosen = a
      end
    end
    if not chosen then
      error("no action " .. (step.title or "(preferred quickfix)") .. " among " .. vim.inspect(titles))
    end
    if not chosen.edit then
      local r = vim.lsp.buf_request_sync(bufs[step.file], "codeAction/resolve", chosen, timeout)
      chosen = r and r[client_id] and r[client_id].result or chosen
    end
    if not chosen.edit then
      error("the action " .. chosen.title .. " has no edit")
    end
    local before = publish_count[uri] or 0
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    wait("the diagnostics after " .. chosen.title .. " in " .. step.file, function()
      if (publish_count[uri] or 0) == before then
        return false
      end
      for _, d in ipairs(published[uri] or {}) do
        if d.range.start.line + 1 == step.line and d.code == step.rule then
          return false
        end
      end
      return true
    end)
    table.insert(out.steps, {
      file = step.file,
      actions = titles,
      applied = chosen.title,
      text = table.concat(vim.api.nvim_buf_get_lines(bufs[step.file], 0, -1, true), "\n") .. "\n",
      diagnostics = published[uri],
    })
  end

  -- Clean shutdown: shutdown, then exit; the process must end with 0.
  vim.lsp.stop_client(client_id)
  wait("the server to exit after shutdown", function()
    return exited ~= nil
  end)
  out.exit_code = exited.code
  out.exit_signal = exited.signal
  out.ok = true
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  out.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(out) }, cfg.out)
vim.cmd(ok and "qall!" or "cquit 1")
