#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 for the browser, the newest
# release that runs on Node 20) from the npm registry into a cache folder, for
# the VS Code tests and the demo. Nothing is downloaded from outside the npm
# registry: code-server's own postinstall (which fetches ripgrep from GitHub)
# is skipped and its steps are done here, with Debian's ripgrep.
#
#   scripts/vscode/install-code-server.sh          install when missing; prints the folder
#   scripts/vscode/install-code-server.sh --path   print the folder only (exit 1 when not installed)
#
# Folder: $VIRTNET_CACHE/code-server-4.100.3 (VIRTNET_CACHE defaults to
# ~/.cache/virtnet). A finished install holds a `.virtnet-ready` file; an
# interrupted one is rebuilt from scratch. Cold ~90 s, cached ~0 s.
# Needs: node >= 20, npm, g++, make, python3, libkrb5-dev, ripgrep (scripts/setup-test-deps.sh).
set -euo pipefail

VERSION=4.100.3
CACHE="${VIRTNET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/virtnet}"
DEST="$CACHE/code-server-$VERSION"
READY="$DEST/.virtnet-ready"

if [[ "${1:-}" == "--path" ]]; then
  [[ -f "$READY" ]] || { echo "code-server $VERSION is not installed (run $0)" >&2; exit 1; }
  echo "$DEST"
  exit 0
fi
if [[ -f "$READY" ]]; then echo "$DEST"; exit 0; fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.code-server-$VERSION.lock"
flock 9
if [[ -f "$READY" ]]; then echo "$DEST"; exit 0; fi   # another process finished it meanwhile

for tool in g++ make python3 rg; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (scripts/setup-test-deps.sh installs it)" >&2; exit 1; }
done
[[ -e /usr/include/gssapi/gssapi.h ]] || { echo "install-code-server: libkrb5-dev is missing (scripts/setup-test-deps.sh installs it)" >&2; exit 1; }

work="$CACHE/.code-server-$VERSION.partial"
rm -rf "$work" "$DEST"
mkdir -p "$work"
log="$work.log"
: >"$log"
step() { echo "install-code-server: $*" >&2; }
run() { "$@" >>"$log" 2>&1 || { tail -40 "$log" >&2; echo "install-code-server: failed: $* (log: $log)" >&2; exit 1; }; }
npm_install() { (cd "$1" && run npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error); }

step "fetching code-server@$VERSION from the npm registry"
(cd "$work" && run npm pack "code-server@$VERSION" --silent)
tar -xzf "$work/code-server-$VERSION.tgz" -C "$work"
rm "$work/code-server-$VERSION.tgz"
pkg="$work/package"

step "installing its dependencies (no install scripts)"
npm_install "$pkg"
npm_install "$pkg/lib/vscode"
npm_install "$pkg/lib/vscode/extensions"

step "building native modules"
(cd "$pkg/lib/vscode" && npm rebuild kerberos @vscode/deviceid @vscode/spdlog native-watchdog node-pty >>"$log" 2>&1) || true
# node-pty's own post-install exits 1 after building pty.node: judge by the files.
for m in kerberos @vscode/deviceid @vscode/spdlog native-watchdog node-pty; do
  if ! find "$pkg/lib/vscode/node_modules/$m" -name '*.node' -path '*build/Release*' | grep -q .; then
    tail -40 "$log" >&2
    echo "install-code-server: native module $m was not built (log: $log)" >&2
    exit 1
  fi
done
(cd "$pkg" && run npm rebuild argon2 --build-from-source)

step "linking Debian's ripgrep and what the skipped postinstall makes"
mkdir -p "$pkg/lib/vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$pkg/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$pkg/lib/vscode/node_modules.asar"
ln -sfn code-linux.sh "$pkg/lib/vscode/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$pkg/lib/vscode/bin/helpers/browser.sh"

mv "$pkg" "$DEST"
rm -rf "$work"
node "$DEST/out/node/entry.js" --version >>"$log" 2>&1 || { tail -20 "$log" >&2; echo "install-code-server: the installed code-server does not start (log: $log)" >&2; exit 1; }
date -u +%FT%TZ >"$READY"
rm -f "$log"
step "installed in $DEST"
echo "$DEST"
