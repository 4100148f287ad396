"""Badge input on the trainer page: the USB scanner (a keyboard) and the webcam.

The USB scanner types a badge token as fast keystrokes. While the page is shown, an
application-wide event filter feeds every key press to the core's ``ScanBuffer`` (which also
undoes a Russian keyboard layout). Keys outside text fields are the page's status shortcuts
(1-4, П/О/Н/У, P/L/A/E) — but a scanner's burst contains such characters too, so a shortcut
fires only after a short quiet moment that no scanner leaves. In the search field, typing goes
through; once the keystrokes come at scanner speed the rest of the burst is swallowed and the
field gets its text back when the code completes.

The camera runs the core's ``CameraScanner`` on a thread of its own (never the database
executor, which it would block) and hands codes and preview frames over as queued signals.
"""

from __future__ import annotations

import threading
import time
from typing import Any

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

from smm_event.scanning.camera import CameraScanner
from smm_event.scanning.scan_buffer import SCANNER_MAX_MEAN_GAP, ScanBuffer

POLL_MS = 50
# A key more than this after the previous one may start a human action...
FRESH_KEY_SECONDS = 2 * SCANNER_MAX_MEAN_GAP
# ...and it is one if no other key follows within this time (scanners type every 1-30 ms).
SHORTCUT_DELAY_MS = 120
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class KeyboardScanner(QObject):
    scanned = Signal(str)  # a completed code, layout undone
    shortcut = Signal(str)  # a single key pressed outside text fields (lower case)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.buffer = ScanBuffer()
        self._last_key = 0.0
        self._text_before: tuple[QLineEdit, str] | None = None
        self._shortcut: tuple[str, float] | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_buffer)
        self._shortcut_timer = QTimer(self, singleShot=True, interval=SHORTCUT_DELAY_MS)
        self._shortcut_timer.timeout.connect(self._fire_shortcut)
        self.active = False

    def start(self) -> None:
        app = QApplication.instance()
        if not self.active and app is not None:
            app.installEventFilter(self)
            self._poll.start()
            self.active = True

    def stop(self) -> None:
        app = QApplication.instance()
        if self.active and app is not None:
            app.removeEventFilter(self)
            self._poll.stop()
            self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._for_page(watched):
            return False
        assert isinstance(event, QKeyEvent)
        now = time.monotonic()
        field = QApplication.focusWidget()
        in_text = isinstance(field, TEXT_INPUTS)
        if event.key() in ENTER_KEYS:
            code = self.buffer.feed_enter(now)
            if code:
                self._completed(code)
                return True
            return False
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            return False
        fresh = now - self._last_key > FRESH_KEY_SECONDS
        self._last_key = now
        if fresh and isinstance(field, QLineEdit):
            self._text_before = (field, field.text())
        code = self.buffer.feed(text, now)
        if code:
            self._completed(code)
        if in_text:
            return self.buffer.looks_like_scanner  # swallow the rest of a burst
        if fresh:
            self._shortcut = (text.lower(), now)
            self._shortcut_timer.start()
        return True

    def _for_page(self, watched: QObject) -> bool:
        """One call per key press: the event also visits the window and the parents."""
        if not self.page.isVisible() or QApplication.activeModalWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        target = focus if focus is not None else self.page.window()
        return watched is target and (focus is None or self.page.window().isAncestorOf(focus))

    def _poll_buffer(self) -> None:
        code = self.buffer.poll(time.monotonic())
        if code:
            self._completed(code)

    def _completed(self, code: str) -> None:
        self._shortcut_timer.stop()
        self._shortcut = None
        if self._text_before is not None:
            field, text = self._text_before
            if field.text() != text:
                field.setText(text)  # the first keys of the burst landed in the field
            self._text_before = None
        self.scanned.emit(code)

    def _fire_shortcut(self) -> None:
        if self._shortcut is not None and self._shortcut[1] == self._last_key:
            self.shortcut.emit(self._shortcut[0])
        self._shortcut = None


class CameraFeed(QObject):
    """The webcam on its own thread; ``code`` and ``frame`` arrive on the GUI thread."""

    code = Signal(str)
    frame = Signal(object)  # a BGR numpy array, at most PREVIEW_FPS a second
    failed = Signal(object)  # the exception (UserError camera_unavailable / camera_lost)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None, capture_factory: Any = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.capture_factory = capture_factory

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, index: int) -> None:
        if self.running:
            return
        self._stop = threading.Event()
        extra = {"capture_factory": self.capture_factory} if self.capture_factory else {}
        scanner = CameraScanner(index, self.code.emit, self.frame.emit, **extra)
        self._thread = threading.Thread(
            target=self._run, args=(scanner, self._stop), name="attendance-camera", daemon=True
        )
        self._thread.start()

    def stop(self, wait_seconds: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=wait_seconds)
            self._thread = None

    def _run(self, scanner: CameraScanner, stop: threading.Event) -> None:
        try:
            scanner.run(stop)
        except Exception as error:  # reported to the page, which shows it
            self.failed.emit(error)
        finally:
            self.stopped.emit()
