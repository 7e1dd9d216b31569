#!/usr/bin/env bash
# Builds the extension and its in-editor test suite, then runs the suite inside VS Code with @vscode/test-electron.
# By default VS Code is code-server (installed on first use by scripts/install-code-server.sh) behind
# test/vscode/code-server-shim.js; set VSCODE_EXECUTABLE to use another executable, or TEST_VSCODE=download to let
# test-electron download VS Code (VSCODE_VERSION, default stable) on a machine that can.
# Env: MOCHA_GREP (run matching tests only), CORPUS_LINT_TRACE=verbose (LSP trace in the output channel), VERBOSE=1.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
t0=$(date +%s)

node esbuild.js
node node_modules/typescript/bin/tsc -p test/vscode/tsconfig.json

if [ "${TEST_VSCODE:-}" = download ]; then
  unset VSCODE_EXECUTABLE
elif [ -z "${VSCODE_EXECUTABLE:-}" ]; then
  scripts/install-code-server.sh
  export VSCODE_EXECUTABLE="$REPO/test/vscode/code-server-shim.js"
fi

set +e
node out/test/vscode/runTest.js
rc=$?
set -e
echo "test:vscode: exit $rc after $(( $(date +%s) - t0 )) s"
exit $rc
