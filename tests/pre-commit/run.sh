#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit from PyPI.
#
#   tests/pre-commit/run.sh [REPO]     # REPO defaults to this repository
#
# What it does: makes a throwaway git repository with a broken workflow and a
# .pre-commit-config.yaml naming REPO at its HEAD commit, then runs the hooks
# the way a user does (`pre-commit run HOOK --all-files`) and checks the
# findings, the fixed file, and the `language: system` hook.
#
# Things to know:
# - pre-commit clones REPO at a commit: this tests COMMITTED state only. The
#   hook file and the code it builds must be in HEAD.
# - `language: rust` makes pre-commit run `cargo install --path .` in its
#   clone: the lint-only default build. Both rust hooks share one environment,
#   so that build happens once. The cargo target dir is shared with
#   tests/wheel/run.sh and `cargo xtask` (the repository's target/ unless
#   CARGO_TARGET_DIR is set; release profile), so registry crates compile once
#   for all of them (the workspace crates too: see the next item).
# - pre-commit runs `cargo install --bins --root ENV --path .`, which ignores
#   Cargo.lock and resolves every dependency to its newest compatible release,
#   so the other release builds (`--locked`) shared few units with it and
#   compiled most of the tree again. Here pre-commit finds a `cargo` first on
#   PATH that passes that install on with `--locked` (and every other command
#   unchanged): the hook is still installed by pre-commit's own command in its
#   own clone, from the versions Cargo.lock pins, and the test checks that it
#   was that command. With the lock the workspace crates are shared too: cargo
#   hashes a path package by its path relative to the workspace root.
#   AUTOHEAL_PRE_COMMIT_UNLOCKED=1 leaves the install as a user's, unlocked.
# - Because the clone's workspace units are the repository's (same hash, and
#   cargo's mtime check finds the working tree's sources older than the
#   clone's outputs), run this and tests/wheel/run.sh / tests/action/run.sh on
#   a COMMITTED tree: with uncommitted edits older than the clone, those tests
#   reuse the clone's (HEAD's) units and test HEAD, not the working tree. CI's
#   clean checkout is unaffected.
# - The pre-commit store (target/e2e-pre-commit unless PRE_COMMIT_HOME is set)
#   is kept: a second run at the same commit reuses the installed hook.
# - `cargo install --path .` needs a package at the repository root; a
#   virtual workspace manifest cannot be installed.
# - `.ci/run` runs this test, the wheel's and the action's with
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=0 (their one release build unoptimized:
#   the same command, lock, features and cfg, only LLVM's optimization left
#   out, less than half the CPU); run by hand, they build what a user's
#   install builds. Whoever sets it must set it for all three, or they share
#   no units.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "${1:-$here/../..}" && pwd)"

fail() {
  echo "FAIL: $*" >&2
  echo "$passed passed, 1 failed"
  exit 1
}
passed=0

if ! git -C "$repo" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null; then
  fail "$repo: HEAD has no .pre-commit-hooks.yaml (pre-commit tests committed state; commit it first)"
fi
if ! git -C "$repo" show HEAD:Cargo.toml | grep -q '^\[package\]'; then
  fail "$repo/Cargo.toml at HEAD has no [package]: pre-commit's language: rust runs \`cargo install --path .\`"
fi

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "== installing pre-commit from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check pre-commit
fi
pre-commit --version

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$repo/target/e2e-pre-commit}"
export CARGO_TERM_COLOR=never NO_COLOR=1
mkdir -p "$PRE_COMMIT_HOME"
rev="$(git -C "$repo" rev-parse HEAD)"

sample="$(mktemp -d)"
shim="$(mktemp -d)"
trap 'rm -rf "$sample" "$shim"' EXIT
if [ -z "${AUTOHEAL_PRE_COMMIT_UNLOCKED:-}" ]; then
  real_cargo="$(command -v cargo)" || fail "no cargo on PATH"
  cat >"$shim/cargo" <<SH
#!/usr/bin/env bash
if [ "\${1:-}" = install ]; then
  printf '%s\\n' "\$*" >>"$shim/installs.log"
  shift
  case " \$* " in *" --locked "*) ;; *) set -- --locked "\$@" ;; esac
  exec "$real_cargo" install "\$@"
fi
exec "$real_cargo" "\$@"
SH
  chmod +x "$shim/cargo"
  export PATH="$shim:$PATH"
fi
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
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: workflow-lint
      - id: workflow-lint-fix
      - id: workflow-lint-system
YAML
git add -A

run_hook() { # hook-id -> output in $out, exit code in $rc
  set +e
  out="$(pre-commit run "$1" --all-files --color never 2>&1)"
  rc=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/    /'
}

echo "== workflow-lint on a broken workflow (the first run at a commit builds autoheal)"
start=$SECONDS
run_hook workflow-lint
echo "    took $((SECONDS - start)) s"
if [ -z "${AUTOHEAL_PRE_COMMIT_UNLOCKED:-}" ]; then
  # What pre-commit asked cargo for (none when its store already had the hook
  # of this commit): its own install of this clone, passed on with --locked.
  if [ -s "$shim/installs.log" ] && grep -v -- '^install --bins --root [^ ]* --path \.$' "$shim/installs.log"; then
    fail "pre-commit ran a cargo install other than \`cargo install --bins --root ENV --path .\` (above)"
  fi
fi
[ "$rc" -ne 0 ] || fail "workflow-lint passed on a broken workflow"
grep -q 'job-needs' <<<"$out" || fail "no job-needs finding"
grep -q 'biuld' <<<"$out" || fail "the finding does not name the unknown job"
grep -q 'syntax' <<<"$out" || fail "no syntax finding for runs-on:ubuntu-latest"
grep -q 'not-a-workflow' <<<"$out" && fail "a file outside .github/workflows was linted"
passed=$((passed + 1))

# The binary pre-commit built for this commit (its store's database says
# where it cloned REPO at REV): the lint-only build.
clone="$(python3 - "$PRE_COMMIT_HOME/db.db" "$repo" "$rev" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT path FROM repos WHERE repo = ? AND ref = ?", (sys.argv[2], sys.argv[3])).fetchone()
print(row[0] if row else "")
PY
)"
hookbin="$(find "${clone:-/nonexistent}" -path '*/rustenv-*/bin/autoheal' 2>/dev/null | head -n1)"
[ -x "$hookbin" ] || fail "no autoheal built by the rust hook under ${clone:-the pre-commit store}"

echo "== the hook's build is lint-only: left-out commands name their feature"
for cmd in "lsp:lsp" "heal --repo o/r --run-id 1:github" "diagnose x.log:logs"; do
  set +e
  msg="$("$hookbin" ${cmd%%:*} 2>&1)"
  code=$?
  set -e
  [ "$code" -eq 2 ] || fail "'autoheal ${cmd%%:*}' exited $code in the lint-only build: $msg"
  grep -q "without the \`${cmd##*:}\` feature" <<<"$msg" || fail "'autoheal ${cmd%%:*}' does not name the feature: $msg"
done
passed=$((passed + 1))

echo "== workflow-lint-system runs the autoheal on PATH"
PATH="$(dirname "$hookbin"):$PATH" run_hook workflow-lint-system
[ "$rc" -ne 0 ] || fail "workflow-lint-system passed on a broken workflow"
grep -q 'biuld' <<<"$out" || fail "workflow-lint-system did not report the unknown job"
passed=$((passed + 1))

echo "== workflow-lint-fix applies the safe fix"
run_hook workflow-lint-fix
[ "$rc" -ne 0 ] || fail "workflow-lint-fix passed although it changed a file and an error remains"
grep -q '^    runs-on: ubuntu-latest$' .github/workflows/ci.yml || fail "runs-on was not fixed: $(cat .github/workflows/ci.yml)"
grep -q 'runs-on:ubuntu-latest' .github/workflows/ci.yml && fail "the broken runs-on line is still there"
grep -q 'needs: \[biuld\]' .github/workflows/ci.yml || fail "the fix hook changed something it has no safe fix for"
passed=$((passed + 1))

echo "== workflow-lint passes once the workflow is fixed"
sed -i 's/needs: \[biuld\]/needs: [build]/' .github/workflows/ci.yml
git add -A
run_hook workflow-lint
[ "$rc" -eq 0 ] || fail "workflow-lint failed on a clean workflow"
passed=$((passed + 1))

# Clones of older commits are of no further use.
pre-commit gc >/dev/null 2>&1 || true
echo "$passed passed, 0 failed"
