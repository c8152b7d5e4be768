-- The "without the plugin" Lua snippet of docs/editors.md, run as the page
-- shows it (only the server command is the one under test): it must attach
-- autoheal to a workflow, not to other YAML, and bring its diagnostics.
--
-- Run through tests/nvim/run.sh (it sets AUTOHEAL_LSP_CMD and AUTOHEAL_REPO).

local function fail(msg)
  io.stderr:write("FAIL (docs/editors.md snippet): " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function run()
  local doc = assert(io.open(os.getenv("AUTOHEAL_REPO") .. "/docs/editors.md")):read("*a")
  local after = doc:match("Without the plugin.-```lua\n(.-)```")
  if after == nil then
    return fail("no ```lua block after \"Without the plugin\"")
  end
  local cmd = vim.split(os.getenv("AUTOHEAL_LSP_CMD") or "autoheal lsp", " ", { trimempty = true })
  local quoted = {}
  for _, c in ipairs(cmd) do
    table.insert(quoted, string.format("%q", c))
  end
  local snippet, replaced = after:gsub('cmd = { "autoheal", "lsp" }', "cmd = { " .. table.concat(quoted, ", ") .. " }")
  if replaced ~= 1 then
    return fail('the snippet no longer says cmd = { "autoheal", "lsp" }')
  end
  local chunk, err = loadstring(snippet)
  if chunk == nil then
    return fail("does not load: " .. err)
  end
  chunk()
  vim.cmd("filetype on")

  local root = vim.fn.tempname()
  vim.fn.mkdir(root .. "/.git", "p")
  vim.fn.mkdir(root .. "/.github/workflows", "p")
  vim.fn.mkdir(root .. "/other", "p")
  local f = assert(io.open(root .. "/.github/workflows/ci.yml", "w"))
  f:write("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    needs: [nope]\n    steps:\n      - run: make\n")
  f:close()
  f = assert(io.open(root .. "/other/compose.yml", "w"))
  f:write("services: {}\n")
  f:close()

  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/other/compose.yml"))
  if next(vim.lsp.buf_get_clients(0)) ~= nil then
    return fail("attached to a YAML file that is not a workflow")
  end
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/.github/workflows/ci.yml"))
  local bufnr = vim.api.nvim_get_current_buf()
  local ok = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find("nope", 1, true) then
        return true
      end
    end
    return false
  end, 50)
  if not ok then
    return fail("no diagnostic about `needs: [nope]`; got " .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  local client = vim.lsp.get_client_by_id(vim.g.autoheal_client)
  if client == nil or client.config.root_dir ~= vim.fn.resolve(root) and client.config.root_dir ~= root then
    return fail("root_dir " .. vim.inspect(client and client.config.root_dir) .. ", expected " .. root)
  end
  io.stderr:write("OK: the docs/editors.md snippet attaches and publishes diagnostics (Neovim " .. vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch .. ")\n")
  vim.cmd("qall!")
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
