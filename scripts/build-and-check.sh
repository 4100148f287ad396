#!/usr/bin/env bash
# Builds the one-folder desktop bundle and proves it works: --self-check, then --demo under
# offscreen Qt (tests/packaging/test_bundle.py on the bundle just built).
#   bash scripts/build-and-check.sh        -> dist/smm-event/smm-event
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[build,test]'
python3 -m PyInstaller build.spec --noconfirm --log-level WARN
echo "Built dist/smm-event/ ($(du -sh dist/smm-event | cut -f1))"
SMM_BUNDLE_DIR="$PWD/dist/smm-event" QT_QPA_PLATFORM=offscreen \
    exec python3 -m pytest tests/packaging -m bundle -q -p no:cacheprovider
