#!/usr/bin/env bash
# Install a released autoheal binary for this runner: download the archive for
# the runner's OS and architecture from the GitHub release, verify its SHA-256
# against the release's SHA256SUMS, unpack it into INSTALL_DIR/bin. Used by the
# composite action (action.yml); tested by tests/action/run.sh against a local
# server.
#
# Environment:
#   AUTOHEAL_VERSION       the version to install, e.g. 0.1.0 (no leading v)
#   RUNNER_OS, RUNNER_ARCH as GitHub sets them (Linux|macOS|Windows, X64|ARM64)
#   INSTALL_DIR            where bin/autoheal goes
#   AUTOHEAL_RELEASES_URL  base URL of the release downloads; default
#                          https://github.com/autoheal-dev/autoheal/releases/download
set -euo pipefail

die() {
  echo "::error title=autoheal install::$*" >&2
  exit 1
}

version="${AUTOHEAL_VERSION:?AUTOHEAL_VERSION is not set}"
install_dir="${INSTALL_DIR:?INSTALL_DIR is not set}"
base="${AUTOHEAL_RELEASES_URL:-https://github.com/autoheal-dev/autoheal/releases/download}"

# The version becomes part of a URL and a path: a strict shape only.
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] \
  || die "version '$version' is not a release version like 1.2.3"

case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
  Linux/X64) target=x86_64-unknown-linux-gnu ext=tar.gz ;;
  Linux/ARM64) target=aarch64-unknown-linux-gnu ext=tar.gz ;;
  macOS/X64) target=x86_64-apple-darwin ext=tar.gz ;;
  macOS/ARM64) target=aarch64-apple-darwin ext=tar.gz ;;
  Windows/X64) target=x86_64-pc-windows-msvc ext=zip ;;
  *) die "no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; set build-from-source: true" ;;
esac
archive="autoheal-$target.$ext"

# Only https, except a test server on this machine.
proto='=https'
[[ "$base" == http://127.0.0.1:* ]] && proto='=http'

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fetch() { # url file
  curl --proto "$proto" --tlsv1.2 -fsSL --retry 3 --retry-delay 2 -o "$2" "$1" \
    || die "could not download $1 (is v$version released? To build from source instead, set build-from-source: true)"
}
fetch "$base/v$version/$archive" "$work/$archive"
fetch "$base/v$version/SHA256SUMS" "$work/SHA256SUMS"

expected="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$work/SHA256SUMS")"
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || die "SHA256SUMS of v$version has no entry for $archive"
if command -v sha256sum >/dev/null 2>&1; then
  actual="$(sha256sum "$work/$archive" | cut -d' ' -f1)"
else
  actual="$(shasum -a 256 "$work/$archive" | cut -d' ' -f1)"
fi
[ "$actual" = "$expected" ] || die "checksum mismatch for $archive: expected $expected, got $actual"

mkdir -p "$work/unpacked"
case "$ext" in
  tar.gz) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
  zip) (cd "$work/unpacked" && unzip -q "$work/$archive") ;;
esac
exe=autoheal
[ "$ext" = zip ] && exe=autoheal.exe
found="$work/unpacked/autoheal-$target/$exe"
[ -f "$found" ] || die "$archive has no autoheal-$target/$exe"
mkdir -p "$install_dir/bin"
cp "$found" "$install_dir/bin/$exe"
chmod +x "$install_dir/bin/$exe"

got="$("$install_dir/bin/$exe" --version)" || die "the installed autoheal does not run"
[ "$got" = "autoheal $version" ] || die "the installed binary says '$got', expected 'autoheal $version'"
echo "installed $got ($target, sha256 $actual) into $install_dir/bin"
