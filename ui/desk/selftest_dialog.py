"""«Проверка сканера»: scan any badge and learn whether the scanner is set up right.

The dialog listens to the keyboard itself (the desk's own capture pauses while a modal dialog
is open) and records every character with its time, so it can also judge input the desk would
drop: a scanner as slow as a person, or one that sends no Enter. Nothing is checked in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.badges import BadgeVerification
from smm_event.scanning.scan_buffer import ScannerDiagnosis, ScannerIssue, diagnose_scanner_input
from ui.context import AppContext
from ui.i18n import fill

SILENCE_SECONDS = 0.8  # a scanner without Enter has finished after this pause


class ScannerSelfTest(QDialog):
    def __init__(
        self,
        context: AppContext | None,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._clock = clock
        self._chars: list[str] = []
        self._times: list[float] = []
        self.diagnosis: ScannerDiagnosis | None = None
        self.setWindowTitle(self.tr("Scanner test"))
        self.resize(620, 420)
        intro = QLabel(
            self.tr(
                "Scan any badge of this event with the scanner. Nobody is checked in during "
                "the test."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel(self.tr("Waiting for a scan…"))
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.summary.setFont(font)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.raw = QLabel()
        self.raw.setWordWrap(True)
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.summary, self.advice, self.raw):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not self.isVisible() or watched.window() is not self:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self._finish(ended_with_enter=True)
            return True
        if event.key() == Qt.Key.Key_Escape:
            return False
        if event.text() and event.text().isprintable():
            self._chars.append(event.text())
            self._times.append(self._clock())
            return True
        return False

    def _poll(self) -> None:
        if self._times and self._clock() - self._times[-1] >= SILENCE_SECONDS:
            self._finish(ended_with_enter=False)

    def _finish(self, ended_with_enter: bool) -> None:
        if not self._chars:
            return
        raw = "".join(self._chars)
        gaps = len(self._times) - 1
        mean_gap_ms = (self._times[-1] - self._times[0]) / gaps * 1000 if gaps else 0.0
        self._chars.clear()
        self._times.clear()
        self.show_diagnosis(diagnose_scanner_input(raw, ended_with_enter, mean_gap_ms), raw)

    def show_diagnosis(self, diagnosis: ScannerDiagnosis, raw: str) -> None:
        self.diagnosis = diagnosis
        good = diagnosis.code is ScannerIssue.OK
        self.summary.setText(
            self.tr("The scanner is set up right.") if good else self.tr("Check the scanner:")
        )
        self.summary.setStyleSheet(f"color: {'#1e8e3e' if good else '#b00020'};")
        items = "".join(f"<li>{self._advice(issue)}</li>" for issue in diagnosis.issues)
        self.advice.setText(f"<ul>{items}</ul>" if items else "")
        self.raw.setText(self.tr("Received: ") + (raw if len(raw) <= 80 else raw[:77] + "…"))
        if self.context is not None and self.context.workspace is not None:
            from smm_event.services.badges import verify_badge

            self.context.run(verify_badge, diagnosis.text, on_done=self._verified, owner=self)

    def _verified(self, verification: BadgeVerification) -> None:
        person = verification.participant
        if verification.valid and person is not None:
            text = fill(self.tr("The code is a valid badge of {name}."), name=person.full_name)
        else:
            text = self.tr("The code is not a valid badge of this event on this laptop.")
        self.raw.setText(self.raw.text() + "\n" + text)

    def _advice(self, issue: ScannerIssue) -> str:
        return {
            ScannerIssue.OK: self.tr("All is well."),
            ScannerIssue.GARBLED: self.tr(
                "The code came out garbled. Make sure it is a badge of this event and that the "
                "scanner reads QR codes as a USB keyboard (HID)."
            ),
            ScannerIssue.RUSSIAN_LAYOUT: self.tr(
                "The scanner types with the Russian keyboard layout. The desk corrects this "
                "itself, but switching the layout to English (or the scanner to its "
                "layout-independent mode) is more reliable."
            ),
            ScannerIssue.CAPS_LOCK: self.tr("Caps Lock is on: turn it off."),
            ScannerIssue.SLOW: self.tr(
                "The scanner types as slowly as a person. While the cursor is in the search "
                "field its codes are not recognised: raise its transmission speed."
            ),
            ScannerIssue.NO_ENTER: self.tr(
                "The scanner sends no Enter after the code. Scans still work after a short "
                "pause; turning on the Enter suffix in the scanner's settings makes them faster."
            ),
        }[issue]

    def done(self, result: int) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().done(result)
