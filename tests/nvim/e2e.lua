-- Headless Neovim end-to-end test of the autoheal plugin and server:
-- open a workflow with a known problem, wait for the diagnostic, apply the
-- quick fix, check the buffer text, and check past-failure diagnostics.
--
-- Run through tests/nvim/run.sh (it sets AUTOHEAL_LSP_CMD and the runtimepath).

local function fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function log(msg)
  io.stderr:write(msg .. "\n")
end

local function write_file(path, text)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p")
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

local function messages(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, d.message)
  end
  return out
end

local function run()
  local cmd = vim.split(os.getenv("AUTOHEAL_LSP_CMD") or "autoheal lsp", " ", { trimempty = true })
  local autoheal = require("autoheal")
  autoheal.setup({ cmd = cmd })
  if vim.fn.exists(":AutohealDiagnose") ~= 2 then
    return fail(":AutohealDiagnose is not defined")
  end

  local root = vim.fn.tempname()
  local workflow = root .. "/.github/workflows/ci.yml"
  write_file(workflow, table.concat({
    "name: CI 🚀",
    "on: push",
    "jobs:",
    "  test:",
    "    runs-on:ubuntu-latest",
    "    timeout-minutes: 10",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - name: Run tests",
    "        run: pytest",
    "",
  }, "\n"))
  write_file(root .. "/.autoheal/failures/ci--42.json", vim.fn.json_encode({
    version = 1,
    run_id = 42,
    run_url = "https://github.com/o/r/actions/runs/42",
    date = "2026-11-20T10:00:00Z",
    workflow_path = ".github/workflows/ci.yml",
    failures = {
      {
        category = "missing_dependency",
        job = "test",
        step = { number = 3, name = "Run tests" },
        message = "ModuleNotFoundError: No module named 'yaml'",
        evidence = {},
        fixes = {},
      },
    },
  }))
  write_file(root .. "/other/docker-compose.yml", "services:\n  a:\n    image:x\n")

  -- A non-workflow YAML file gets no server.
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/other/docker-compose.yml"))
  if #vim.lsp.buf_get_clients(0) ~= 0 then
    return fail("the server attached to a non-workflow YAML file")
  end

  vim.cmd("edit " .. vim.fn.fnameescape(workflow))
  local bufnr = vim.api.nvim_get_current_buf()
  local function has(pattern)
    for _, m in ipairs(messages(bufnr)) do
      if m:find(pattern, 1, true) then
        return true
      end
    end
    return false
  end
  local ok = vim.wait(20000, function()
    return (has("YAML syntax error") or has("missing space")) and has("failed in run 42 (2026-11-20)")
  end, 50)
  if not ok then
    return fail("expected diagnostics did not arrive; got: " .. vim.inspect(messages(bufnr)))
  end
  log("diagnostics: " .. vim.inspect(messages(bufnr)))

  local client = vim.lsp.buf_get_clients(bufnr)[next(vim.lsp.buf_get_clients(bufnr))]
  local line_of_error
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find("YAML syntax error", 1, true) or d.message:find("missing space", 1, true) then
      line_of_error = d.lnum
    end
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = line_of_error, character = 0 }, ["end"] = { line = line_of_error + 1, character = 0 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  local action
  for _, resp in pairs(responses or {}) do
    for _, a in ipairs(resp.result or {}) do
      if a.title:find("space after", 1, true) then
        action = a
      end
    end
  end
  if action == nil then
    return fail("no quick fix offered: " .. vim.inspect(responses))
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")

  local line = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
  if line ~= "    runs-on: ubuntu-latest" then
    return fail("buffer after the fix: " .. vim.inspect(line))
  end
  local first = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  if first ~= "name: CI 🚀" then
    return fail("the fix touched other text: " .. vim.inspect(first))
  end
  ok = vim.wait(20000, function()
    return not has("YAML syntax error") and not has("missing space") and has("failed in run 42")
  end, 50)
  if not ok then
    return fail("the fixed diagnostic did not clear: " .. vim.inspect(messages(bufnr)))
  end
  log("OK: diagnostic, quick fix, buffer text and past failure verified")
  vim.cmd("qall!")
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
