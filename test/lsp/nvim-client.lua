-- Drives `sysdesign lsp --stdio` from Neovim's built-in LSP client (nvim --headless), the way a user's
-- config would start it, and writes what the client received to $SD_OUT as JSON for the test to check.
-- Runs on Neovim 0.7 (Debian 12) and later.
local out = { steps = {} }
local function step(name) table.insert(out.steps, name) end

local function finish(code)
  local file = io.open(vim.env.SD_OUT, 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.SD_DOC))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local client_id = vim.lsp.start_client({
    name = 'sysdesign',
    cmd = { vim.env.SD_NODE, vim.env.SD_CLI, 'lsp', '--stdio' },
    root_dir = vim.env.SD_ROOT,
    on_exit = function(code) out.server_exit = code end,
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  -- 1. Diagnostics, pushed by the server (the Mermaid verdict arrives in a second publish).
  local function has_code(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if (d.code or lsp.code) == code then return true end
    end
    return false
  end
  vim.wait(30000, function() return has_code('SD150') and has_code('SE002') end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out.diagnostics, {
      line = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  step('diagnostics')

  local client = vim.lsp.get_client_by_id(client_id)
  out.capabilities = {
    codeAction = client.server_capabilities.codeActionProvider ~= nil,
    codeLens = client.server_capabilities.codeLensProvider ~= nil,
    hover = client.server_capabilities.hoverProvider == true,
    symbols = client.server_capabilities.documentSymbolProvider == true,
  }

  -- 2. Code actions on the wrong claim's line, with the diagnostics the client holds there.
  local claim
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (d.code or lsp.code) == 'SE002' then claim = d end
  end
  assert(claim, 'no SE002 diagnostic')
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, claim.lnum)
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = claim.lnum, character = claim.col }, ['end'] = { line = claim.lnum, character = claim.col } },
    context = { diagnostics = line_diagnostics },
  }, 10000)
  out.actions = {}
  local fix
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(out.actions, { title = action.title, kind = action.kind, preferred = action.isPreferred == true })
      if action.isPreferred and not fix then fix = action end
    end
  end
  step('code actions')

  -- 3. Apply the preferred fix as a user would, and watch the claim's problem go away.
  if fix and fix.edit then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
    out.fixed_line = vim.api.nvim_buf_get_lines(bufnr, claim.lnum, claim.lnum + 1, false)[1]
    vim.wait(10000, function() return not has_code('SE002') end, 50)
    out.se002_after_fix = has_code('SE002')
  end
  step('fix applied')

  -- 4. Code lenses, through Neovim's own lens support.
  vim.lsp.codelens.refresh()
  vim.wait(10000, function() return #vim.lsp.codelens.get(bufnr) > 0 end, 50)
  out.lenses = {}
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    table.insert(out.lenses, { line = lens.range.start.line, title = lens.command and lens.command.title or vim.NIL, command = lens.command and lens.command.command or vim.NIL })
  end
  step('code lenses')

  -- 5. The fill-in lens's command: the server answers with a workspace/applyEdit the client carries out.
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    if lens.command and lens.command.command == 'systemDesign.fillEstimate' then
      local before = vim.api.nvim_buf_get_lines(bufnr, lens.range.start.line, lens.range.start.line + 1, false)[1]
      client.request_sync('workspace/executeCommand', lens.command, 10000, bufnr)
      vim.wait(5000, function()
        return vim.api.nvim_buf_get_lines(bufnr, lens.range.start.line, lens.range.start.line + 1, false)[1] ~= before
      end, 50)
      out.filled_line = vim.api.nvim_buf_get_lines(bufnr, lens.range.start.line, lens.range.start.line + 1, false)[1]
      break
    end
  end
  step('fill command')

  -- 6. Hover on an estimate line, document symbols and the checklist request.
  local estimate_line = out.lenses[1] and out.lenses[1].line or 0
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = estimate_line, character = 2 } }, 10000)
  for _, response in pairs(hover or {}) do
    if response.result then out.hover = response.result.contents.value end
  end
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000)
  out.symbols = {}
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      table.insert(out.symbols, { name = s.name, detail = s.detail or vim.NIL, depth = depth, line = s.range.start.line })
      walk(s.children, depth + 1)
    end
  end
  for _, response in pairs(symbols or {}) do walk(response.result, 0) end
  local checklist = vim.lsp.buf_request_sync(bufnr, 'systemDesign/checklist', { uri = uri }, 10000)
  for _, response in pairs(checklist or {}) do out.checklist = response.result end
  step('hover, symbols, checklist')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  step('stopped')
end)

if not ok then out.error = tostring(err) end
finish(ok and 0 or 3)
