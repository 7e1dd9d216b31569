#!/usr/bin/env bash
# Installs what the in-editor tests need: Debian's chromium and ripgrep, and code-server (the VS Code workbench
# and its Node extension host) from the npm registry into a prefix inside the repository. Idempotent.
#
# Usage: scripts/install-code-server.sh [PREFIX] [VERSION]
#   PREFIX   default: $CODE_SERVER_PREFIX or <repo>/.vscode-test/code-server  (binary: PREFIX/bin/code-server)
#   VERSION  default: $CODE_SERVER_VERSION or 4.100.3 (VS Code 1.100.3; the newest that runs on Node 20)
#
# Why not a plain `npm install -g code-server`: its postinstall runs a nested npm install that inherits the
# global flag and deletes the tree it unpacks into; @vscode/ripgrep downloads rg from outside the npm registry;
# node-pty's postinstall runs `npx node-gyp`, which an npm configured with yes=false refuses. So scripts are
# turned off and the few native modules are rebuilt by hand; rg comes from Debian.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=$(realpath -m "${1:-${CODE_SERVER_PREFIX:-$REPO/.vscode-test/code-server}}")
VERSION=${2:-${CODE_SERVER_VERSION:-4.100.3}}
MARKER="$PREFIX/.installed-$VERSION"
t0=$(date +%s)
log() { echo "[install-code-server $(( $(date +%s) - t0 ))s] $*"; }
npm_quiet() { npm "$@" 2>&1 | grep -v 'Unknown user config\|^npm warn install-scripts' || true; }

# 1. Debian packages: chromium drives the workbench, rg is VS Code's search backend.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-code-server: missing ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  log "apt: ${missing[*]}"
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. code-server, unless this version is already complete in PREFIX.
if [ -f "$MARKER" ] && [ -x "$PREFIX/bin/code-server" ]; then
  log "code-server $VERSION already installed in $PREFIX"
  exit 0
fi

log "npm: code-server@$VERSION into $PREFIX (scripts off)"
mkdir -p "$PREFIX"
rm -f "$PREFIX"/.installed-*
npm_quiet install -g --prefix "$PREFIX" --ignore-scripts --no-audit --no-fund "code-server@$VERSION"
CS="$PREFIX/lib/node_modules/code-server"
[ -f "$CS/package.json" ] || { echo "install-code-server: npm did not install code-server" >&2; exit 1; }

log "native: argon2 (code-server's own)"
(cd "$CS" && npm rebuild argon2 >/dev/null 2>&1)

log "lib/vscode: dependencies (scripts off) and native modules"
cd "$CS/lib/vscode"
npm_quiet install --omit=dev --ignore-scripts --no-audit --no-fund
npm_config_yes=true npm rebuild @vscode/spdlog @vscode/deviceid native-watchdog node-pty @parcel/watcher >/dev/null 2>&1
for m in @vscode/spdlog/build/Release/spdlog.node native-watchdog/build/Release/watchdog.node \
         node-pty/build/Release/pty.node @vscode/deviceid/build/Release/windows.node; do
  [ -f "node_modules/$m" ] || { echo "install-code-server: native module $m was not built" >&2; exit 1; }
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

log "the symlinks code-server's postinstall would make"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

log "lib/vscode/extensions: built-in extensions' dependencies"
cd extensions
npm_quiet install --omit=dev --ignore-scripts --no-audit --no-fund
node ./postinstall.mjs >/dev/null

log "check"
H=$(mktemp -d "${TMPDIR:-/tmp}/cs-check.XXXXXX")
got=$(HOME=$H XDG_DATA_HOME=$H XDG_CONFIG_HOME=$H "$PREFIX/bin/code-server" --config /dev/null --version | head -1)
rm -rf "$H"
case "$got" in "$VERSION "*) ;; *) echo "install-code-server: unexpected version '$got'" >&2; exit 1 ;; esac
touch "$MARKER"
log "done: code-server $got, $(du -sh "$PREFIX" | cut -f1) in $PREFIX"
