#!/usr/bin/env bash
# Installs smm-event (only when needed) and opens the desktop application on the demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
# pip runs only when pyproject.toml changed since the last install from this checkout with this
# Python, or when `smm_event` does not import from here (about 6 s saved on every later start).
stamp_file="build/install-stamp"
python="$(command -v python3)"
stamp="$(sha256sum pyproject.toml | cut -d' ' -f1) $python $PWD"
installed_here() {
    [ "$(python3 -c 'import pathlib, smm_event; print(pathlib.Path(smm_event.__file__).resolve().parent.parent)' 2>/dev/null)" = "$PWD" ] \
        && command -v smm-event >/dev/null 2>&1
}
if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ] || ! installed_here; then
    echo "Installing smm-event and its libraries (once; takes a minute)..."
    python3 -m pip install --quiet --disable-pip-version-check -e .
    mkdir -p build
    printf '%s\n' "$stamp" > "$stamp_file"
fi
exec smm-event gui --demo "$@"
