"""The one keyboard capture (desk, trainer page, scanner self-test), on an injected clock: a
burst without Enter completes after the silence, typing in a field stays typing, a lone key is a
shortcut and a burst never is, slow input without Enter is reported as dropped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from smm_event.scanning.scan_buffer import PAUSE_SECONDS, CompletedScan
from tests.ui.conftest import retire
from ui.common.keyboard_capture import KeyboardCapture
from ui.desk.selftest_dialog import ScannerSelfTest

TOKEN = "SMM1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Screen:
    def __init__(self, capture: KeyboardCapture, window: QWidget, field: QLineEdit) -> None:
        self.capture, self.window, self.field = capture, window, field
        self.scans: list[CompletedScan] = []
        self.dropped: list[CompletedScan] = []
        self.shortcuts: list[str] = []
        capture.scanned.connect(self.scans.append)
        capture.dropped.connect(self.dropped.append)
        capture.shortcut.connect(self.shortcuts.append)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def screen(qtbot: Any, clock: Clock) -> Iterator[Screen]:
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    window.show()
    qtbot.waitExposed(window)
    capture = KeyboardCapture(window, shortcuts=True, clock=clock)
    capture.start()
    yield Screen(capture, window, field)
    capture.stop()
    window.close()
    retire(window)


def press(widget: QWidget, clock: Clock, text: str, gap: float, enter: bool = False) -> None:
    for char in text:
        clock.now += gap
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            ),
        )
    if enter:
        clock.now += gap
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
            ),
        )


def test_a_burst_without_enter_completes_after_the_silence(screen: Screen, clock: Clock) -> None:
    screen.window.setFocus()
    press(screen.window, clock, TOKEN, gap=0.005)
    screen.capture.poll()
    assert screen.scans == []  # no silence yet on the injected clock
    clock.now += PAUSE_SECONDS
    screen.capture.poll()
    assert [scan.text for scan in screen.scans] == [TOKEN]
    assert not screen.scans[0].ended_with_enter


def test_typing_in_a_field_stays_and_a_burst_there_is_taken_back_out(
    qtbot: Any, screen: Screen, clock: Clock
) -> None:
    screen.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.field)
    press(screen.field, clock, "Ив", gap=0.3)  # a person types; QLineEdit gets the keys
    screen.field.setText("Ив")  # sendEvent skips the input method: set what the person typed
    clock.now += 0.5
    press(screen.field, clock, TOKEN, gap=0.004, enter=True)
    assert [scan.text for scan in screen.scans] == [TOKEN]
    assert screen.field.text() == "Ив"


def test_a_lone_key_is_a_shortcut_and_a_burst_is_not(
    qtbot: Any, screen: Screen, clock: Clock
) -> None:
    screen.window.setFocus()
    press(screen.window, clock, "1", gap=0.5)
    qtbot.waitUntil(lambda: screen.shortcuts == ["1"], timeout=2000)
    clock.now += 0.5  # the burst's first key is fresh: it could start a shortcut
    press(screen.window, clock, "2" + TOKEN[1:], gap=0.004, enter=True)
    assert len(screen.scans) == 1
    qtbot.waitUntil(lambda: not screen.capture.shortcut_pending, timeout=2000)
    assert screen.shortcuts == ["1"]  # the burst's "2" never became one


def test_slow_input_without_enter_is_dropped_and_reported(screen: Screen, clock: Clock) -> None:
    screen.window.setFocus()
    press(screen.window, clock, TOKEN[:10], gap=0.15)  # as slow as a person, no Enter
    clock.now += 2.5
    screen.capture.poll()
    assert screen.scans == []
    assert [scan.raw for scan in screen.dropped] == [TOKEN[:10]]


def test_the_self_test_listens_exactly_like_the_desk(qtbot: Any, clock: Clock) -> None:
    dialog = ScannerSelfTest(None, clock=clock)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert isinstance(dialog.capture, KeyboardCapture)
    assert dialog.capture.buffer.pause_seconds == PAUSE_SECONDS
    press(dialog, clock, TOKEN[:20].replace("SMM1:", "ЫЬЬ1Ж"), gap=0.004)
    clock.now += PAUSE_SECONDS
    dialog.capture.poll()  # completed by the desk's 0.2 s silence, not a longer one
    assert dialog.diagnosis is not None
    dialog.close()
    retire(dialog)
