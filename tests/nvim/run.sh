#!/usr/bin/env bash
# Headless Neovim end-to-end test of editors/nvim with the real server.
#   tests/nvim/run.sh            # builds the server, runs the test
#   AUTOHEAL_LSP_CMD="/path/autoheal lsp" tests/nvim/run.sh
#   AUTOHEAL_BIN=/path/autoheal tests/nvim/run.sh   # (.ci/run: the test build's)
# Needs `nvim` (Debian: apt-get install -y neovim; 0.7 or newer).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"

if ! command -v nvim >/dev/null 2>&1; then
  echo "tests/nvim/run.sh: nvim is not installed (apt-get install -y neovim)" >&2
  exit 1
fi

if [ -z "${AUTOHEAL_LSP_CMD:-}" ] && [ -x "${AUTOHEAL_BIN:-}" ]; then
  AUTOHEAL_LSP_CMD="$AUTOHEAL_BIN lsp"
fi
if [ -z "${AUTOHEAL_LSP_CMD:-}" ]; then
  (cd "$repo" && cargo build -q -p autoheal --bin autoheal --features full)
  AUTOHEAL_LSP_CMD="$target/debug/autoheal lsp"
fi
export AUTOHEAL_LSP_CMD
echo "tests/nvim/run.sh: server: $AUTOHEAL_LSP_CMD ($(nvim --version | head -1))" >&2

export AUTOHEAL_REPO="$repo"

status=0
timeout 180 nvim --headless -u NONE -i NONE -n \
  --cmd "set runtimepath^=$repo/editors/nvim" \
  -c "luafile $here/e2e.lua" || status=$?
# docs/editors.md's snippet for Neovim without the plugin (no runtimepath).
if [ "$status" -eq 0 ]; then
  timeout 180 nvim --headless -u NONE -i NONE -n \
    -c "luafile $here/doc_snippet.lua" || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "tests/nvim/run.sh: FAILED ($status)" >&2
fi
exit "$status"
