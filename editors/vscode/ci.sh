#!/usr/bin/env bash
# Build, test and package the VS Code extension. Needs node >= 20 and the npm
# registry (or a warm npm cache); downloads no editor or browser.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund
# `vsce package` runs the `vscode:prepublish` script, `npm run compile` (tsc
# into out/, the tests included, then the esbuild bundle): packaging first
# compiles once for both the package and the tests (a separate
# `npm run compile` before it compiled everything a second time).
rm -f autoheal.vsix
npx --no-install vsce package --no-dependencies -o autoheal.vsix </dev/null
# The CLI tests run against the workspace's own build when there is one
# (.ci/run's `cargo test --workspace` builds target/debug/autoheal first).
if [ -z "${AUTOHEAL_BIN:-}" ]; then
  for candidate in "${CARGO_TARGET_DIR:-../../target}/debug/autoheal" ../../target/debug/autoheal; do
    if [ -x "$candidate" ]; then
      AUTOHEAL_BIN="$(cd "$(dirname "$candidate")" && pwd)/autoheal"
      export AUTOHEAL_BIN
      break
    fi
  done
fi
echo "AUTOHEAL_BIN=${AUTOHEAL_BIN:-<unset: the tests against the real binary are skipped>}"
npm test
if [ ! -s autoheal.vsix ]; then
  echo "editors/vscode/ci.sh: autoheal.vsix was not produced" >&2
  exit 1
fi
# The bundle must be inside: --no-dependencies ships no node_modules.
if ! python3 -c 'import sys, zipfile; sys.exit("extension/dist/extension.js" not in zipfile.ZipFile("autoheal.vsix").namelist())'; then
  echo "editors/vscode/ci.sh: autoheal.vsix lacks extension/dist/extension.js" >&2
  exit 1
fi
echo "editors/vscode: autoheal.vsix built ($(wc -c <autoheal.vsix) bytes)"
