#!/usr/bin/env bash
# Packages the extension (unless VSIX names a .vsix) and runs the browser end-to-end test in code-server with
# headless chromium (both installed on first use by scripts/install-code-server.sh). Screenshots: test-artifacts/e2e/.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
t0=$(date +%s)
scripts/install-code-server.sh
if [ -z "${VSIX:-}" ]; then
  npm run --silent package
  export VSIX="$REPO/corpus-lint.vsix"
fi
set +e
node --test --test-reporter=spec --test-timeout=300000 test/e2e/ui.e2e.mjs
rc=$?
set -e
echo "test:e2e: exit $rc after $(( $(date +%s) - t0 )) s"
exit $rc
