"""The installed Qt binding does not corrupt reference counts (PySide6 6.12.0 dropped one
reference to True on every bool signal emit, and the desk aborted after a few hundred scans)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Flag(QObject):
    changed = Signal(bool)


def test_emitting_a_bool_signal_keeps_reference_counts(qapp: Any) -> None:
    flag = _Flag()
    seen: list[bool] = []
    flag.changed.connect(seen.append)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for index in range(300):
        flag.changed.emit(index % 2 == 0)
    grown_true, grown_false = (
        sys.getrefcount(True) - before_true,
        sys.getrefcount(False) - before_false,
    )
    assert len(seen) == 300
    # What holding those 300 values costs without Qt (nothing where True/False are immortal,
    # Python 3.12+). A leak of one reference per emit would be 150 off.
    probe_true, probe_false = sys.getrefcount(True), sys.getrefcount(False)
    held = list(seen)
    expected_true = sys.getrefcount(True) - probe_true
    expected_false = sys.getrefcount(False) - probe_false
    assert len(held) == 300
    assert abs(grown_true - expected_true) < 20
    assert abs(grown_false - expected_false) < 20
