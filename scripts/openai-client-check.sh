#!/usr/bin/env sh
# Runs scripts/openai-client-check.py with the official `openai` Python client, installed into a
# virtual environment (default /tmp/aether-openai-venv) with pip when it is missing.
# Usage: scripts/openai-client-check.sh BASE_URL TOKEN   (see the .py file)
set -eu
VENV="${AETHER_OPENAI_VENV:-/tmp/aether-openai-venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import openai" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q openai
fi
exec "$VENV/bin/python" "$(dirname "$0")/openai-client-check.py" "$@"
