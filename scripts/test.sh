#!/usr/bin/env bash
# Installs the test extras and runs the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
export QT_QPA_PLATFORM=offscreen
exec python3 -m pytest "$@"
