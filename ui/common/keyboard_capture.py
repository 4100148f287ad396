"""A USB barcode scanner is a keyboard: the one capture of its keystrokes, for every screen.

The desk, the trainer page and the scanner self-test all use this class, so the self-test
tests exactly the desk's path (same buffer, same 0.2 s silence, same Enter handling).

An event filter on the QApplication feeds key presses to the core's ``ScanBuffer`` (which tells
a scanner's burst from typing and undoes a Russian layout) and a timer polls it, so a code is
caught without any text field having focus and also without an Enter at its end. Only keys
meant for the scope's window count, and none while another window's modal dialog is open.

- Outside text fields the keys are swallowed, so a scanner cannot press a focused button or
  trigger a list's keyboard search; with ``shortcuts=True`` a single key that no other key
  follows within ``SHORTCUT_DELAY_MS`` is emitted as ``shortcut`` (the trainer's 1-4 / П/О/Н/У),
  which a scanner's burst never is.
- In a text field typing goes through; once the keys come at scanner speed the rest of the
  burst is swallowed and the field gets back the text it had before the burst.

Time comes from ``clock`` (injected, so tests never sleep): key times and the silence are
measured on it; the poll timer only decides when to look.
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

from smm_event.scanning.scan_buffer import SCANNER_MAX_MEAN_GAP, CompletedScan, ScanBuffer

POLL_MS = 40
# A key more than this after the previous one may start a person's action (or a new burst)...
FRESH_KEY_SECONDS = 2 * SCANNER_MAX_MEAN_GAP
# ...and it is a shortcut if no other key follows within this time (scanners type every 1-30 ms).
SHORTCUT_DELAY_MS = 120
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def editable_text_field(widget: QWidget | None) -> QWidget | None:
    """The widget if typing into it makes sense (not a read-only field)."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox) and not widget.isReadOnly():
        return widget
    if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly():
        return widget
    return None


class KeyboardCapture(QObject):
    """``scanned(CompletedScan)`` for every code; ``dropped(CompletedScan)`` for keys that never
    became one (too slow and no Enter: the self-test explains it); ``shortcut(str)``."""

    scanned = Signal(object)
    dropped = Signal(object)
    shortcut = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        active: Callable[[], bool] | None = None,
        shortcuts: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.buffer = ScanBuffer()
        self._active = active
        self._shortcuts = shortcuts
        self.clock = clock  # public: a test on a whole screen steps its capture's clock
        self._last_key = float("-inf")
        self._text_before: tuple[QLineEdit, str] | None = None
        self._pending_shortcut: tuple[str, float] | None = None
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._shortcut_timer = QTimer(self, singleShot=True, interval=SHORTCUT_DELAY_MS)
        self._shortcut_timer.timeout.connect(self._fire_shortcut)
        self.running = False

    def start(self) -> None:
        app = QApplication.instance()
        if not self.running and app is not None:
            app.installEventFilter(self)
            self._poll_timer.start()
            self.running = True

    def stop(self) -> None:
        app = QApplication.instance()
        if self.running and app is not None:
            app.removeEventFilter(self)
        self._poll_timer.stop()
        self._shortcut_timer.stop()
        self.running = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only widgets: a window-system key press reaches the QWindow first and the focused
        # widget next; counting both would type every character twice. A key is consumed or
        # fully handled on its first delivery, so the propagation to parents is never counted.
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat() or event.modifiers() & _SHORTCUT_MODIFIERS:
            return False
        if not self._listening(watched):
            return False
        field = editable_text_field(QApplication.focusWidget()) or editable_text_field(watched)
        self.buffer.accept_typed = field is None  # slow input + Enter is a code outside fields
        now = self.clock()
        if event.key() in ENTER_KEYS:
            scan = self._completed(self.buffer.feed_enter(now))
            return scan is not None  # an ordinary Enter or Tab does its job
        text = event.text()
        if not text or not text.isprintable():
            return False
        fresh = now - self._last_key > FRESH_KEY_SECONDS
        self._last_key = now
        if fresh and isinstance(field, QLineEdit):
            self._text_before = (field, field.text())
        self._completed(self.buffer.feed(text, now))  # a burst ended by the pause before this key
        if field is not None:
            return self.buffer.looks_like_scanner  # swallow the rest of a burst
        if self._shortcuts and fresh:
            self._pending_shortcut = (text.lower(), now)
            self._shortcut_timer.start()
        return True

    @property
    def shortcut_pending(self) -> bool:
        """A lone key waits to see whether another follows (tests wait on this, not a sleep)."""
        return self._shortcut_timer.isActive()

    def poll(self) -> None:
        """Complete a burst that ended without Enter; called by the timer (and by tests)."""
        if not self.buffer.pending:
            return
        dropped_before = self.buffer.last_dropped
        self._completed(self.buffer.poll(self.clock()))
        if self.buffer.last_dropped is not dropped_before and self.buffer.last_dropped is not None:
            self.dropped.emit(self.buffer.last_dropped)

    def _listening(self, watched: QWidget) -> bool:
        window = self.scope.window()
        if not self.scope.isVisible() or watched.window() is not window:
            return False
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            return False  # e.g. the desk pauses while its self-test dialog listens
        return self._active is None or self._active()

    def _completed(self, code: str | None) -> CompletedScan | None:
        scan = self.buffer.last_scan if code is not None else None
        if scan is None:
            return None
        self._shortcut_timer.stop()
        self._pending_shortcut = None
        if self._text_before is not None:
            field, text = self._text_before
            if field.text() != text:
                field.setText(text)  # the first keys of the burst landed in the field
            self._text_before = None
        self.scanned.emit(scan)
        return scan

    def _fire_shortcut(self) -> None:
        pending = self._pending_shortcut
        self._pending_shortcut = None
        if pending is not None and pending[1] == self._last_key:
            self.shortcut.emit(pending[0])
