"""The installed Qt binding does not corrupt reference counts (PySide6 6.12.0 dropped one
reference to True on every bool signal emit, and the desk aborted after a few hundred scans).

True and False are immortal from Python 3.12 on, so their counts cannot show a leak there: the
bool test runs where it can fail (3.11), and the object test and the version test run on every
supported Python."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6 import __version_info__ as pyside_version
from PySide6.QtCore import QObject, Signal


class _Flag(QObject):
    changed = Signal(bool)


class _Carrier(QObject):
    sent = Signal(object)


def test_the_installed_binding_is_not_the_release_that_loses_references() -> None:
    # pyproject.toml pins PySide6-Essentials below 6.12; an environment that ignored the pin
    # (a system package, a manual upgrade) fails here, whatever the Python.
    assert tuple(pyside_version[:2]) < (6, 12), pyside_version


def test_emitting_an_object_signal_keeps_its_reference_count(qapp: Any) -> None:
    carrier = _Carrier()
    payload = object()
    received: list[object] = []
    carrier.sent.connect(received.append)
    before = sys.getrefcount(payload)
    for _ in range(300):
        carrier.sent.emit(payload)
    assert len(received) == 300 and all(item is payload for item in received)
    assert sys.getrefcount(payload) - before == 300  # exactly the list's references
    received.clear()
    assert sys.getrefcount(payload) == before  # none leaked, none dropped


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True/False are immortal from 3.12")
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
    # What holding those 300 values costs without Qt. A leak of one reference per emit would
    # be 150 off.
    probe_true, probe_false = sys.getrefcount(True), sys.getrefcount(False)
    held = list(seen)
    expected_true = sys.getrefcount(True) - probe_true
    expected_false = sys.getrefcount(False) - probe_false
    assert len(held) == 300
    assert abs(grown_true - expected_true) < 20
    assert abs(grown_false - expected_false) < 20
