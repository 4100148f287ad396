"""A USB barcode scanner is a keyboard: catch its keystrokes application-wide.

An event filter on the QApplication feeds every key press to ``ScanBuffer`` (which tells a
scanner's burst from typing and undoes a Russian layout) and a timer polls it, so a code is
caught without any text field having focus and also without an Enter at its end.

While a text field has focus (the search), typing goes to the field as usual; a scanner burst
still becomes a scan, and its characters are taken back out of the field. Outside text fields
the scanner's characters are swallowed, so they cannot trigger a button or a list's keyboard
search, and the Enter that ends a scan never presses a focused button.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from smm_event.scanning.scan_buffer import ScanBuffer

POLL_MS = 40
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def editable_text_field(widget: QWidget | None) -> QWidget | None:
    """The focused widget if typing into it makes sense (not a read-only field)."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox) and not widget.isReadOnly():
        return widget
    if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly():
        return widget
    return None


class ScannerCapture(QObject):
    """Emits ``scanned(text, raw)``: the code (layout undone) and what the keys typed."""

    scanned = Signal(str, str)

    def __init__(
        self,
        parent: QObject,
        active: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.buffer = ScanBuffer()
        self._active = active
        self._clock = clock
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only widgets: a window-system key press reaches the QWindow first and the focused
        # widget next; counting both would type every character twice.
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat() or event.modifiers() & _SHORTCUT_MODIFIERS:
            return False
        if not self._active() or not watched.isVisible():
            return False  # a hidden widget (another page) is none of the desk's business
        field = editable_text_field(watched) or editable_text_field(QApplication.focusWidget())
        self.buffer.accept_typed = field is None
        now = self._clock()
        if event.key() in _ENTER_KEYS:
            code = self.buffer.feed_enter(now)
            if code is None:
                return False  # an ordinary Enter or Tab: let it do its job
            self._emit(code, field)
            return True
        text = event.text()
        if not text or not text.isprintable():
            return False
        code = self.buffer.feed(text, now)
        if code is not None:  # the previous burst, ended by a pause before this key
            self._emit(code, field)
        return field is None

    def _poll(self) -> None:
        if not self.buffer.pending:
            return
        code = self.buffer.poll(self._clock())
        if code is not None:
            self._emit(code, editable_text_field(QApplication.focusWidget()))

    def _emit(self, code: str, field: QWidget | None) -> None:
        scan = self.buffer.last_scan
        raw = scan.raw if scan is not None else code
        if isinstance(field, QLineEdit) and raw:
            _take_out(field, raw)
        self.scanned.emit(code, raw)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _take_out(field: QLineEdit, raw: str) -> None:
    """Remove a scanner burst that landed in a text field, keeping what the person typed."""
    text = field.text()
    start = text.rfind(raw)
    if start >= 0:
        field.setText(text[:start] + text[start + len(raw) :])
