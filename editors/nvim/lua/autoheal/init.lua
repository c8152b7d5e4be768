-- autoheal for Neovim: starts `autoheal lsp` on GitHub Actions workflow
-- files and action metadata, and adds :AutohealDiagnose.
--
--   require("autoheal").setup({ cmd = { "autoheal", "lsp" } })
--
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).

local M = {}

M.config = {
  -- The language server command.
  cmd = { "autoheal", "lsp" },
  -- The autoheal binary used by :AutohealDiagnose.
  autoheal = "autoheal",
}

-- Clients by root directory, for Neovim 0.7 (0.8+ reuses them itself).
local clients = {}

--- True for `.github/workflows/*.yml|yaml` and `action.yml|yaml`.
function M.is_target(path)
  if path == nil or path == "" then
    return false
  end
  path = path:gsub("\\", "/")
  return path:match("%.github/workflows/[^/]+%.ya?ml$") ~= nil
    or path:match("/action%.ya?ml$") ~= nil
    or path:match("^action%.ya?ml$") ~= nil
end

local function exists(p)
  return vim.loop.fs_stat(p) ~= nil
end

--- The repository root of `path`: the nearest directory holding `.git` or
--- `.github`, else the file's directory.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local start = dir
  while dir ~= nil and dir ~= "" do
    if exists(dir .. "/.git") or exists(dir .. "/.github") then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

--- Start (or reuse) the server for buffer `bufnr` if it is a workflow or action file.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  if not M.is_target(path) then
    return nil
  end
  local root = M.root_dir(path)
  local config = {
    name = "autoheal",
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
  }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Tell the server the failure store changed (clients without file
--- watching never would).
local function notify_failures_changed(root)
  local dir = root .. "/.autoheal/failures"
  local changes = {}
  for _, name in ipairs(vim.fn.readdir(dir) or {}) do
    table.insert(changes, { uri = vim.uri_from_fname(dir .. "/" .. name), type = 2 })
  end
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == "autoheal" then
      client.notify("workspace/didChangeWatchedFiles", { changes = changes })
    end
  end
end

--- :AutohealDiagnose LOG_OR_ZIP... — run `autoheal diagnose --save` for the
--- current workflow and refresh its past-failure diagnostics.
function M.diagnose(args)
  local path = vim.api.nvim_buf_get_name(0)
  local root = M.root_dir(path)
  local cmd = { M.config.autoheal, "diagnose", "--save" }
  if M.is_target(path) then
    vim.list_extend(cmd, { "--workflow", path })
  end
  vim.list_extend(cmd, args or {})
  local output = {}
  local collect = function(_, data)
    for _, line in ipairs(data or {}) do
      if line ~= "" then
        table.insert(output, line)
      end
    end
  end
  return vim.fn.jobstart(cmd, {
    cwd = root,
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = collect,
    on_stderr = collect,
    on_exit = function(_, code)
      local level = code == 0 and vim.log.levels.INFO or vim.log.levels.ERROR
      vim.notify(table.concat(output, "\n"), level, { title = "autoheal diagnose" })
      notify_failures_changed(root)
    end,
  })
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", M.config, opts or {})
  local group = vim.api.nvim_create_augroup("autoheal", { clear = true })
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    group = group,
    pattern = { "*.yml", "*.yaml" },
    callback = function(ev)
      M.attach(ev.buf)
    end,
  })
  vim.api.nvim_create_user_command("AutohealDiagnose", function(o)
    M.diagnose(o.fargs)
  end, { nargs = "*", complete = "file", desc = "autoheal diagnose --save on a log, zip or run id" })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) then
      M.attach(buf)
    end
  end
end

return M
