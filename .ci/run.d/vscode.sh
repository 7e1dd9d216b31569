#!/usr/bin/env bash
# CI fragment: installs what the editor tests (npm run test:vscode, npm run test:e2e) need on a fresh Debian machine,
# as root and without a terminal: Debian's chromium and ripgrep, then code-server into .vscode-test/ of the repo.
# Idempotent: on a machine that has them it only checks. Run it after `npm ci`.
set -euo pipefail
export CI=true DEBIAN_FRONTEND=noninteractive
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
  echo "vscode.sh: apt-get install ${missing[*]}"
  apt-get update -qq < /dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" < /dev/null > /dev/null
fi
"$REPO/scripts/install-code-server.sh" < /dev/null
