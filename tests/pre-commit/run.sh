#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit from PyPI.
#
#   tests/pre-commit/run.sh [REPO]     # REPO defaults to this repository
#
# What it does: makes a throwaway git repository with a broken workflow, then
# runs `pre-commit try-repo REPO workflow-lint` and `... workflow-lint-fix`
# in it and checks the findings and the fixed file.
#
# Things to know:
# - try-repo clones REPO at a commit (`--ref`, HEAD here): it tests COMMITTED
#   state only. The hook file and the code it builds must be in HEAD;
#   uncommitted edits are not seen.
# - `language: rust` makes pre-commit `cargo install` REPO, a release build
#   of the whole CLI. try-repo installs into a fresh temporary store on every
#   call (it ignores PRE_COMMIT_HOME's store), so each of the three calls
#   below runs cargo install. The cargo target dir lives under
#   REPO/target/pre-commit/ so registry dependencies compile once; the
#   workspace crates recompile per call. LTO is off for this test only.
#   Measured on the 2-core machine: ~7 min cold, ~5 min warm.
# - `cargo install --path .` (what pre-commit runs) needs a package at the
#   repository root; a virtual workspace manifest cannot be installed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "${1:-$here/../..}" && pwd)"

fail() {
  echo "FAIL: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

if ! git -C "$repo" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null; then
  fail "$repo: HEAD has no .pre-commit-hooks.yaml (try-repo tests committed state; commit it first)"
fi
if ! git -C "$repo" show HEAD:Cargo.toml | grep -q '^\[package\]'; then
  fail "$repo/Cargo.toml at HEAD has no [package]: pre-commit's language: rust runs \`cargo install --path .\`"
fi

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "== installing pre-commit from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check pre-commit
fi
pre-commit --version

export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$repo/target/pre-commit/home}"
export CARGO_TARGET_DIR="$repo/target/pre-commit/cargo"
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_DEBUG=0
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_TERM_COLOR=never NO_COLOR=1
mkdir -p "$PRE_COMMIT_HOME"
rev="$(git -C "$repo" rev-parse HEAD)"

sample="$(mktemp -d)"
trap 'rm -rf "$sample"' EXIT
cd "$sample"
git init -q .
git config user.email test@example.invalid
git config user.name test
mkdir -p .github/workflows config
cat > .github/workflows/ci.yml <<'YAML'
name: ci
on: push
jobs:
  build:
    runs-on:ubuntu-latest
    steps:
      - run: echo build
  test:
    needs: [biuld]
    runs-on: ubuntu-latest
    steps:
      - run: echo test
YAML
# Not a workflow path: the hooks' `files:` pattern must skip it.
printf 'key: [unclosed\n' > config/not-a-workflow.yml
git add -A

passed=0
try_hook() { # hook-id -> output in $out, exit code in $rc
  set +e
  out="$(pre-commit try-repo "$repo" "$1" --ref "$rev" --all-files --color never 2>&1)"
  rc=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/    /'
}

echo "== workflow-lint on a broken workflow (first run builds autoheal: slow)"
try_hook workflow-lint
[ "$rc" -ne 0 ] || fail "workflow-lint passed on a broken workflow"
grep -q 'job-needs' <<<"$out" || fail "no job-needs finding"
grep -q 'biuld' <<<"$out" || fail "the finding does not name the unknown job"
grep -q 'syntax' <<<"$out" || fail "no syntax finding for runs-on:ubuntu-latest"
grep -q 'not-a-workflow' <<<"$out" && fail "a file outside .github/workflows was linted"
passed=$((passed + 1))

echo "== workflow-lint-fix applies the safe fix"
try_hook workflow-lint-fix
[ "$rc" -ne 0 ] || fail "workflow-lint-fix passed although it changed a file and an error remains"
grep -q '^    runs-on: ubuntu-latest$' .github/workflows/ci.yml || fail "runs-on was not fixed: $(cat .github/workflows/ci.yml)"
grep -q 'runs-on:ubuntu-latest' .github/workflows/ci.yml && fail "the broken runs-on line is still there"
grep -q 'needs: \[biuld\]' .github/workflows/ci.yml || fail "the fix hook changed something it has no safe fix for"
passed=$((passed + 1))

echo "== workflow-lint passes once the workflow is fixed"
sed -i 's/needs: \[biuld\]/needs: [build]/' .github/workflows/ci.yml
git add -A
try_hook workflow-lint
[ "$rc" -eq 0 ] || fail "workflow-lint failed on a clean workflow"
passed=$((passed + 1))

echo "$passed passed, 0 failed"
