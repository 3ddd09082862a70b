#!/usr/bin/env bash
# Run the whole test suite headless (Qt offscreen; the AT-SPI tests start their own Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" -m ruff check .
"$PY" -m mypy guidelight
"$(dirname "$PY")/lint-imports" --no-cache >/dev/null
exec "$PY" -m pytest -q "$@"
