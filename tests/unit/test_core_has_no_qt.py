"""The core must import without Qt: a subprocess blocks PySide6 and imports every module."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import smm_event

SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"}:
                raise ImportError(f"the core imported {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    import smm_event
    names = [m.name for m in pkgutil.walk_packages(smm_event.__path__, "smm_event.")]
    for name in names:
        importlib.import_module(name)
    print(len(names))
    """
)


def test_every_core_module_imports_with_qt_blocked() -> None:
    root = Path(smm_event.__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20
