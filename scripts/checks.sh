#!/usr/bin/env bash
# The static gates CI runs before the tests (scripts/test.sh calls this); run alone with
#   bash scripts/checks.sh
# Each check runs even when an earlier one failed, so one run lists every problem; the script
# exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()

check() {
    local name=$1
    shift
    echo "== $name: $*"
    if ! "$@"; then
        failed+=("$name")
    fi
}

check lint python3 -m ruff check .
check format python3 -m ruff format --check .
# Strict typing for the core, the GUI and the developer scripts (files and options: pyproject).
check types python3 -m mypy
# The import layers and the Qt-free core, as contracts (pyproject.toml [tool.importlinter]).
check layers lint-imports --no-cache

if ((${#failed[@]})); then
    echo "checks failed: ${failed[*]}" >&2
    exit 1
fi
echo "checks passed"
