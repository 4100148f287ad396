#!/usr/bin/env bash
# Installs smm-event and opens the desktop application on a demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python3 -m pip install --quiet --disable-pip-version-check -e .
exec smm-event gui --demo "$@"
