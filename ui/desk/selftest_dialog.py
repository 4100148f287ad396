"""«Проверка сканера»: scan any badge and learn whether the scanner is set up right.

The dialog listens through the desk's own keyboard capture (``KeyboardCapture``: the same
buffer, the same 0.2 s silence; the desk's instance pauses while this modal dialog is open), so
what passes here passes at the desk. Input the desk would drop (a scanner as slow as a person
that sends no Enter) arrives as ``dropped`` once the buffer gives up, and is explained too.
Nothing is checked in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.badges import BadgeVerification
from smm_event.scanning.scan_buffer import (
    CompletedScan,
    ScannerDiagnosis,
    ScannerIssue,
    diagnose_scanner_input,
)
from ui.common.keyboard_capture import KeyboardCapture
from ui.context import AppContext
from ui.i18n import fill


class ScannerSelfTest(QDialog):
    def __init__(
        self,
        context: AppContext | None,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.context = context
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
        self.capture = KeyboardCapture(self, clock=clock)
        self.capture.scanned.connect(self._received)
        self.capture.dropped.connect(self._received)
        self.capture.start()

    def _received(self, scan: CompletedScan) -> None:
        diagnosis = diagnose_scanner_input(scan.raw, scan.ended_with_enter, scan.mean_gap_ms)
        self.show_diagnosis(diagnosis, scan.raw)

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
        self.capture.stop()
        super().done(result)
