#!/usr/bin/env bash
# Install code-server (VS Code in the browser) from the npm registry into a
# directory, on a Debian 12 machine that reaches only the npm registry and
# Debian's apt packages (no GitHub, no Microsoft download servers).
#
# Usage: scripts/install-code-server.sh <target-dir>
#   Installs code-server@${CODE_SERVER_VERSION:-4.100.3} into <target-dir>;
#   the launcher is <target-dir>/node_modules/.bin/code-server.
#   Idempotent: exits 0 quickly when that version is already installed and works.
#
# What differs from a plain `npm install -g --unsafe-perm code-server`:
#   * no --unsafe-perm needed: postinstall.sh, which demands it, is not run;
#   * every install runs with --ignore-scripts, and the scripts are replayed
#     by hand (code-server's postinstall.sh steps, then `npm rebuild` of the
#     native modules), so that nothing downloads a prebuilt binary;
#   * @vscode/ripgrep's postinstall (downloads rg from GitHub) is replaced by a
#     copy of Debian's /usr/bin/rg (package ripgrep, same 13.0.0 release);
#   * native modules are built from source against Node's local headers
#     (npm_config_build_from_source: no prebuild-install/node-pre-gyp download;
#     npm_config_nodedir: no header download); kerberos needs libkrb5-dev.
set -euo pipefail

CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
NODE_MAJOR_REQUIRED=20

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
  echo "Usage: $0 <target-dir>" >&2
  exit 2
fi

mkdir -p "$1"
TARGET="$(cd "$1" && pwd)"
CS_DIR="$TARGET/node_modules/code-server"
VSCODE_DIR="$CS_DIR/lib/vscode"
BIN="$TARGET/node_modules/.bin/code-server"
RG_DEST="$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
MARKER="$TARGET/.code-server-installed"

# ---------------------------------------------------------------- quick exit
installed_version() {
  # (its first run also logs "Wrote default config file ..." to stdout)
  "$BIN" --version 2>/dev/null | sed -n 's/^\([0-9][0-9.]*\) [0-9a-f]\{40\} with Code .*/\1/p' | head -n1
}
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CS_VERSION" ] \
   && [ -x "$BIN" ] && [ -x "$RG_DEST" ] && [ -e "$VSCODE_DIR/node_modules.asar" ] \
   && [ "$(installed_version)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION already installed in $TARGET"
  exit 0
fi
rm -f "$MARKER"

# ---------------------------------------------------------------- node
command -v node >/dev/null || die "node not found (code-server $CS_VERSION needs Node $NODE_MAJOR_REQUIRED)"
command -v npm >/dev/null || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = "$NODE_MAJOR_REQUIRED" ] \
  || die "code-server $CS_VERSION needs Node $NODE_MAJOR_REQUIRED, found $(node --version)"

# ---------------------------------------------------------------- apt packages
# libkrb5-dev: kerberos native module; ripgrep: replaces @vscode/ripgrep's
# GitHub download; build-essential, python3, pkg-config: node-gyp builds.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && SUDO="sudo" || true
fi
missing=()
for p in libkrb5-dev ripgrep build-essential python3 pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after installing Debian's ripgrep"

# ---------------------------------------------------------------- npm settings
export npm_config_build_from_source=true  # prebuild-install / node-pre-gyp: no GitHub downloads
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_progress=false
# node-gyp: build against the local Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && ! npm config get nodedir 2>/dev/null | grep -q '^/'; then
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  for d in "$node_prefix" /usr /usr/local; do
    h="$d/include/node/node_version.h"
    if [ -f "$h" ] && grep -q "define NODE_MAJOR_VERSION $node_major\$" "$h"; then
      export npm_config_nodedir="$d"
      break
    fi
  done
fi

# ---------------------------------------------------------------- code-server
cd "$TARGET"
# Own package.json, so that npm does not walk up into an enclosing project.
[ -f package.json ] || printf '{\n  "name": "code-server-install",\n  "private": true\n}\n' > package.json

log "npm install code-server@$CS_VERSION (scripts deferred) into $TARGET"
npm install --ignore-scripts --save-exact "code-server@$CS_VERSION"
[ -f "$CS_DIR/postinstall.sh" ] || die "code-server package not found in $CS_DIR"

# code-server's own native dependency (password hashing); built from source.
log "building argon2"
npm rebuild argon2

# --- replay code-server's postinstall.sh (vscode_install), minus downloads
cd "$VSCODE_DIR"
log "npm install --omit=dev in lib/vscode (scripts deferred)"
npm install --omit=dev --ignore-scripts

log "using Debian's ripgrep for @vscode/ripgrep"
mkdir -p "$(dirname "$RG_DEST")"
install -m 0755 /usr/bin/rg "$RG_DEST"

# Every package with an install script (or binding.gyp) except @vscode/ripgrep,
# whose postinstall would download rg (it also exits early once bin/ exists).
mapfile -t native < <(node -e '
  const lock = require("./node_modules/.package-lock.json");
  const fs = require("fs");
  for (const [p, v] of Object.entries(lock.packages || {})) {
    if (!p || !v.hasInstallScript || !fs.existsSync(p)) continue;
    const name = p.replace(/^.*node_modules\//, "");
    if (name !== "@vscode/ripgrep") console.log(name);
  }')
log "building native modules: ${native[*]}"
# node-pty's postinstall runs `npx node-gyp configure -f compile_commands_json`
# (node-gyp comes from the npm registry); let npx fetch it without asking.
npm_config_yes=true npm rebuild "${native[@]}"

# Same links as postinstall.sh's symlink_asar / symlink_bin_script (Linux).
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)

cd extensions
log "npm install --omit=dev in lib/vscode/extensions"
npm install --omit=dev --ignore-scripts
node ./postinstall.mjs >/dev/null   # trims the bundled typescript, as its postinstall does

# ---------------------------------------------------------------- check
cd "$VSCODE_DIR"
node -e '
  for (const m of ["node-pty", "@vscode/spdlog", "kerberos", "native-watchdog",
                   "@parcel/watcher", "@vscode/deviceid"]) require(m);
' || die "a native module of lib/vscode does not load"
(cd "$CS_DIR" && node -e 'require("argon2")') || die "argon2 does not load"
"$RG_DEST" --version >/dev/null || die "$RG_DEST does not run"
v="$(installed_version || true)"
[ "$v" = "$CS_VERSION" ] || die "code-server --version printed '$v', expected $CS_VERSION"

echo "$CS_VERSION" > "$MARKER"
log "code-server $CS_VERSION installed: $BIN"
