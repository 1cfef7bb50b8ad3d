#!/usr/bin/env bash
# Installs what the passkey browser test (PasskeyBrowserTest) needs: Debian's Chromium and the
# e2e script's npm packages (playwright-core, pinned by package-lock.json). Safe to run again:
# each step is skipped when its result is already there.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
e2e_dir="$repo_root/api/src/test/e2e"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

if [ -x "$chromium" ]; then
    echo "Chromium: already installed at $chromium"
else
    echo "Chromium: installing Debian's chromium package with apt-get"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
    echo "Chromium: installed ($("$chromium" --version 2>/dev/null || echo "version unknown"))"
fi

if [ -d "$e2e_dir/node_modules/playwright-core" ]; then
    echo "npm packages: already installed in $e2e_dir/node_modules"
else
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm is missing: install Node.js 20 or later (Debian: apt-get install nodejs npm)" >&2
        exit 1
    fi
    echo "npm packages: running npm ci in $e2e_dir"
    (cd "$e2e_dir" && npm ci --no-audit --no-fund)
fi

echo "Browser test ready."
