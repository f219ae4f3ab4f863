#!/usr/bin/env bash
# One command from a fresh checkout to VirtNet running in VS Code in the
# browser: installs what is missing (Debian packages, npm packages,
# code-server 4.100.3 into ~/.cache/virtnet), packages the extension and
# starts code-server on the example workspace (scripts/vscode/demo.ts).
# Prints the URL to open; Ctrl+C stops it.   Usage: npm run demo  (or bash scripts/demo.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node -e 'if (+process.versions.node.split(".")[0] < 20) { console.error("demo: Node >= 20 is needed, found " + process.version); process.exit(1) }'
bash scripts/setup-test-deps.sh
if [[ ! -x node_modules/.bin/tsx ]] || [[ ! -d node_modules/vscode-languageclient ]]; then
  echo "demo: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/vscode/install-code-server.sh >/dev/null
echo "demo: packaging the extension (npm run package)"
log=$(mktemp)
npm run --silent package </dev/null >"$log" 2>&1 || { cat "$log" >&2; echo "demo: npm run package failed" >&2; exit 1; }
rm -f "$log"
exec node --import tsx scripts/vscode/demo.ts
