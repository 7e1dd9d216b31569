#!/usr/bin/env bash
# The language server in editors other than VS Code: headless Neovim (test/clients/nvim-check.lua) and batch Emacs with
# eglot (test/clients/emacs-check.el) each start `node dist/server.js --stdio` on a temporary copy of the seed corpus,
# wait for the diagnostics of a file (a duplicated paragraph among them), hover a name in another file and shut the
# server down. Installs nothing: on Debian, `.ci/run.d/clients.sh` (as root) installs neovim, emacs-nox and elpa-eglot.
# Usage: scripts/test-clients.sh [nvim] [emacs]      (default: both)
# Env: CORPUS_LINT_SERVER=path/to/server.js to test a given build (default: build dist/ with `node esbuild.js`);
#      CORPUS_LINT_TIMEOUT_MS per wait (default 60000).
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(nvim emacs)

missing=()
for c in "${clients[@]}"; do
  case "$c" in
    nvim) command -v nvim >/dev/null || missing+=("nvim (Debian package neovim)") ;;
    emacs)
      if ! command -v emacs >/dev/null; then
        missing+=("emacs (Debian packages emacs-nox and elpa-eglot)")
      elif ! emacs -Q --batch --eval '(progn (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list (quote load-path) d)) (kill-emacs (if (locate-library "eglot") 0 1)))' </dev/null >/dev/null 2>&1; then
        missing+=("eglot for Emacs (Debian package elpa-eglot, or Emacs 29+)")
      fi ;;
    *) echo "test:clients: unknown client '$c' (nvim, emacs)" >&2; exit 2 ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  for m in "${missing[@]}"; do echo "test:clients: FAIL missing $m" >&2; done
  echo "test:clients: install them first, e.g. as root: bash .ci/run.d/clients.sh (apt-get install neovim emacs-nox elpa-eglot)" >&2
  exit 3
fi
command -v node >/dev/null || { echo "test:clients: FAIL node is not on PATH" >&2; exit 3; }

if [ -z "${CORPUS_LINT_SERVER:-}" ]; then
  node esbuild.js || { echo "test:clients: FAIL build (node esbuild.js)" >&2; exit 1; }
  CORPUS_LINT_SERVER="$REPO/dist/server.js"
fi
CORPUS_LINT_SERVER=$(cd "$(dirname "$CORPUS_LINT_SERVER")" && pwd)/$(basename "$CORPUS_LINT_SERVER")
[ -f "$CORPUS_LINT_SERVER" ] || { echo "test:clients: FAIL no server at $CORPUS_LINT_SERVER" >&2; exit 1; }
export CORPUS_LINT_SERVER

TMP=$(mktemp -d "${TMPDIR:-/tmp}/corpus-lint-clients.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
TMP=$(cd "$TMP" && pwd -P)   # the root the clients send is the real path the server sees

# One client: a fresh copy of the seeds (no config file: the folder itself is the corpus root), an overall deadline.
run_client() {
  local name=$1; shift
  local dir="$TMP/$name" t0 rc
  mkdir -p "$dir/corpus" "$dir/home"
  cp test/fixtures/corpus/seeds/*.txt "$dir/corpus/"
  t0=$(date +%s%N)
  CORPUS_LINT_ROOT="$dir/corpus" HOME="$dir/home" \
    XDG_CONFIG_HOME="$dir/home/.config" XDG_DATA_HOME="$dir/home/.local/share" \
    XDG_STATE_HOME="$dir/home/.local/state" XDG_CACHE_HOME="$dir/home/.cache" \
    timeout -k 5 300 "$@" </dev/null 2>"$dir/stderr"
  rc=$?
  local took=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [ $rc -eq 0 ]; then
    echo "test:clients: PASS $name ($took ms)"
  else
    [ $rc -eq 124 ] && echo "test:clients: $name timed out after 300 s"
    if [ -s "$dir/stderr" ]; then echo "test:clients: $name stderr:"; sed -e 's/^/    /' -e '$a\' "$dir/stderr"; fi
    echo "test:clients: FAIL $name (exit $rc, $took ms)"
  fi
  return $rc
}

failed=()
for c in "${clients[@]}"; do
  case "$c" in
    nvim) run_client nvim nvim --headless --clean -n -u NONE -i NONE -c "luafile $REPO/test/clients/nvim-check.lua" || failed+=(nvim) ;;
    emacs) run_client emacs emacs -Q --batch -l "$REPO/test/clients/emacs-check.el" || failed+=(emacs) ;;
  esac
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test:clients: FAIL ${failed[*]}"
  exit 1
fi
echo "test:clients: PASS ${clients[*]}"
