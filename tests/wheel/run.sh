#!/usr/bin/env bash
# End-to-end test of the Python packaging (pyproject.toml, maturin `bin`
# bindings): build a wheel, install it into a fresh virtual environment with
# no network and no Rust on PATH, and run the `autoheal` it installed.
#
#   tests/wheel/run.sh            # skips (exit 0) when pip or maturin cannot be had
#
# The cargo target dir is shared with tests/pre-commit/run.sh and `cargo
# xtask` (the repository's target/ unless CARGO_TARGET_DIR is set; release
# profile), so registry crates compile once for all of them.
#
# `.ci/run` sets CARGO_PROFILE_RELEASE_OPT_LEVEL=0 for this build and the other
# release tests' (tests/pre-commit/run.sh says why).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export CARGO_TERM_COLOR=never NO_COLOR=1

fail() {
  echo "FAIL: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}
skip() {
  echo "SKIP: $*"
  exit 0
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build" >/dev/null 2>&1 || skip "python3 -m venv is not available"
if ! "$work/build/bin/python" -m pip install --quiet --disable-pip-version-check 'maturin>=1.5,<2.0' >"$work/pip.log" 2>&1; then
  sed 's/^/    /' "$work/pip.log"
  skip "maturin could not be installed from PyPI"
fi
"$work/build/bin/maturin" --version

echo "== maturin build --release"
start=$SECONDS
(cd "$repo" && "$work/build/bin/maturin" build --release --out "$work/dist" 2>&1 | grep -E '^(📦|Built|error|warning: unused)' || true)
echo "    built in $((SECONDS - start)) s"
wheels=("$work"/dist/autoheal_actions-*.whl)
[ -f "${wheels[0]}" ] || fail "maturin built no wheel"
echo "    $(basename "${wheels[0]}") ($(wc -c <"${wheels[0]}") bytes)"

passed=0
echo "== pip install the wheel into a fresh venv (offline)"
python3 -m venv "$work/user" >/dev/null
start=$SECONDS
"$work/user/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "${wheels[0]}" \
  || fail "pip could not install the wheel"
echo "    installed in $((SECONDS - start)) s"
bin="$work/user/bin/autoheal"
[ -x "$bin" ] || fail "the wheel put no autoheal in the venv's bin/"
version="$(env -i PATH="$work/user/bin:/usr/bin:/bin" autoheal --version)" || fail "autoheal --version failed"
want="autoheal $(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n1)"
[ "$version" = "$want" ] || fail "installed version '$version', Cargo.toml says '$want'"
passed=$((passed + 1))

echo "== the installed autoheal lints"
mkdir -p "$work/sample/.github/workflows"
cat >"$work/sample/.github/workflows/ci.yml" <<'YAML'
on: push
jobs:
  test:
    needs: [biuld]
    runs-on: ubuntu-latest
    steps:
      - run: echo test
YAML
set +e
out="$(cd "$work/sample" && env -i PATH="$work/user/bin:/usr/bin:/bin" autoheal check --format json 2>&1)"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "autoheal check exited $rc on a broken workflow: $out"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert any(x["rule"]=="job-needs" for x in d["diagnostics"]), d' "$out" \
  || fail "no job-needs finding in the JSON output: $out"
passed=$((passed + 1))

echo "$passed passed, 0 failed"
