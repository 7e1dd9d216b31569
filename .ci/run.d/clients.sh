#!/usr/bin/env bash
# CI fragment: installs the editors of the LSP client checks (npm run test:clients) on a fresh Debian machine, as root
# and without a terminal: Debian's neovim, emacs-nox and elpa-eglot. Idempotent: on a machine that has them it only
# checks (no `apt-get update` unless something is missing).
set -euo pipefail
export CI=true DEBIAN_FRONTEND=noninteractive

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
dpkg-query -W -f='${Status}' elpa-eglot 2>/dev/null | grep -q 'install ok installed' || missing+=(elpa-eglot)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "clients.sh: missing ${missing[*]}; run as root (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "clients.sh: apt-get install ${missing[*]}"
  apt-get update -qq < /dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" < /dev/null > /dev/null
fi
echo "clients.sh: $(nvim --version | head -n 1); $(emacs --version | head -n 1); elpa-eglot $(dpkg-query -W -f='${Version}' elpa-eglot)"
