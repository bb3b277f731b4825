#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it.
# Usage: bash tests/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the browser tests (never a browser download), CJK fonts for screenshots,
# nginx to serve the built site with the shipped configuration (docs/hosting.md) and ShellCheck for
# the CI script (docs/ci/).
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ] || [ ! -x /usr/sbin/nginx ] \
    || ! command -v shellcheck >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk nginx-light shellcheck >/dev/null
fi

# axe-core, html-validate and ESLint from npm, at the versions pinned in tests/node/package-lock.json.
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error

# Python packages at the versions and hashes pinned in requirements.lock (refresh: bash tools/lock.sh),
# then the project itself on top, without letting it pull anything unpinned.
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
.venv/bin/python -m pip install --quiet --no-deps -e .

.venv/bin/ruff check --quiet .
.venv/bin/mypy --no-error-summary
tests/node/node_modules/.bin/eslint --config tests/node/eslint.config.mjs templates/assets
exec .venv/bin/python -m pytest -n 2 "$@"
