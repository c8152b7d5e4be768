#!/usr/bin/env bash
# The workflows `autoheal init` writes, in both modes, must pass zizmor (a
# GitHub Actions security linter, https://docs.zizmor.sh) offline with no
# high-severity finding. zizmor comes from PyPI; without zizmor and pip the
# check is skipped with a message, never failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

ZIZMOR_VERSION=1.32.0
if ! command -v zizmor >/dev/null 2>&1; then
  if command -v pip >/dev/null 2>&1 || command -v pip3 >/dev/null 2>&1; then
    echo "   installing zizmor==$ZIZMOR_VERSION from PyPI"
    "$(command -v pip || command -v pip3)" install -q "zizmor==$ZIZMOR_VERSION" || true
  fi
fi
if ! command -v zizmor >/dev/null 2>&1; then
  echo "   skipped: zizmor is not installed and pip could not install it"
  exit 0
fi

# The binary .ci/run's `cargo test` built (AUTOHEAL_BIN), or a build of our own.
if [ -x "${AUTOHEAL_BIN:-}" ]; then
  bin="$AUTOHEAL_BIN"
else
  cargo build -q --bin autoheal --features full
  bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/autoheal"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A commit sha, as `init` writes by default (`--pin sha`); no network needed.
action="autoheal-dev/autoheal@0123456789abcdef0123456789abcdef01234567"
for variant in single two copilot; do
  repo="$tmp/$variant"
  mkdir -p "$repo/.git" "$repo/.github/workflows"
  printf 'name: CI\non: [push, pull_request]\npermissions: {}\njobs: {}\n' > "$repo/.github/workflows/ci.yml"
  case "$variant" in
    copilot) flags=(--copilot) ;;
    *) flags=(--mode "$variant") ;;
  esac
  (cd "$repo" && "$bin" -q init "${flags[@]}" --action "$action")
  (cd "$repo" && "$bin" check .github/workflows/workflow-failure-monitor.yml .github/workflows/auto-heal-workflow.yml)
  zizmor --offline --min-severity high \
    "$repo/.github/workflows/workflow-failure-monitor.yml" "$repo/.github/workflows/auto-heal-workflow.yml"
done
echo "   zizmor: no high-severity finding in the init templates"
