#!/usr/bin/env bash
# Install what One Percent needs to build (and, with `test`, to test), skipping whatever is already
# there at the right version. Safe to run again and again; fails loudly.
#   tools/install.sh build   wasm target, Trunk, wasm-bindgen CLI, npm tools (wasm-opt)
#   tools/install.sh test    the above plus Debian chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WBG_VERSION" ] || { echo "install: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }

say() { printf 'install: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing the wasm-bindgen CLI $WBG_VERSION (takes a couple of minutes once)"
  # Not --locked: one of its locked dependencies is no longer in the registry.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# npm tools, in the project's own node_modules; reinstall when package-lock.json changes.
stamp="node_modules/.onepercent-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -x node_modules/.bin/wasm-opt ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  say "installing npm tools (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
[ "$(wasm-opt --version)" = "wasm-opt version 132 (version_132)" ] \
  || { echo "install: wasm-opt is not binaryen 132: $(wasm-opt --version)" >&2; exit 1; }

if [ "$mode" = "test" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium and chromium-driver"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
  fi
  chromium --version >/dev/null
  chromedriver --version >/dev/null
fi

# Crates for an offline build (Trunk.toml sets offline = true).
cargo fetch --locked >/dev/null
say "tools ready"
