#!/usr/bin/env bash
# Installs the test extras, runs the static gates (scripts/checks.sh), then the whole test suite
# (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
bash scripts/checks.sh
export QT_QPA_PLATFORM=offscreen
exec python3 -m pytest "$@"
