#!/usr/bin/env bash
# Refresh requirements.lock, the hash-pinned versions tests/run.sh installs, from pyproject.toml's
# ranges (the package and its `test` extra). Run after changing a dependency; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool"
"$tool/bin/pip" install --quiet "uv>=0.5"
"$tool/bin/uv" pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes \
  --no-header --output-file requirements.lock --quiet "$@"
echo "requirements.lock refreshed"
