"""The right-hand panel of the trainer page: big status buttons for the selected person, the
note, the mark's audit trail (who, when, which laptop, what it was before), the camera, and
the session's own actions (close, reopen, sign-in sheets)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from smm_event.domain.attendance import AttendanceStatus, MarkInfo
from ui.attendance.texts import COLOURS, STATUS_ORDER, source_name, status_name
from ui.i18n import fill

PREVIEW_WIDTH = 260


class MarkPanel(QWidget):
    status_clicked = Signal(object)  # AttendanceStatus
    note_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(PREVIEW_WIDTH + 20)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person_label = QLabel()
        self.person_label.setWordWrap(True)
        font = self.person_label.font()
        font.setBold(True)
        self.person_label.setFont(font)
        layout.addWidget(self.person_label)
        self.status_buttons: dict[AttendanceStatus, QPushButton] = {}
        for number, status in enumerate(STATUS_ORDER, start=1):
            button = QPushButton(f"{status_name(status)}  [{number}]")
            button.setStyleSheet(f"background: {COLOURS[status].name()}; padding: 6px;")
            button.clicked.connect(lambda _=False, s=status: self.status_clicked.emit(s))
            layout.addWidget(button)
            self.status_buttons[status] = button
        self.note_button = QPushButton(self.tr("Note…"))
        self.note_button.clicked.connect(self.note_clicked)
        layout.addWidget(self.note_button)
        layout.addWidget(QLabel(self.tr("History of the mark")))
        self.history = QListWidget()
        self.history.setWordWrap(True)
        layout.addWidget(self.history, 1)
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setCheckable(True)
        layout.addWidget(self.camera_button)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
        layout.addWidget(self.preview)
        # What concerns the whole session, below what concerns the selected person.
        self.close_button = QPushButton(self.tr("Close session…"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.sheets_button = QPushButton(self.tr("Sign-in sheets (PDF)…"))
        for button in (self.close_button, self.reopen_button, self.sheets_button):
            layout.addWidget(button)

    def show_person(self, name: str, has_mark: bool, open_session: bool) -> None:
        self.person_label.setText(name)
        self.history.clear()
        for button in self.status_buttons.values():
            button.setEnabled(open_session and bool(name))
        self.note_button.setEnabled(open_session and has_mark)

    def show_history(self, history: Sequence[MarkInfo]) -> None:
        self.history.clear()
        for mark in reversed(history):  # newest first
            line = f"{mark.marked_at:%d.%m %H:%M:%S} — {status_name(mark.status)}"
            if mark.previous_status is not None:
                before = status_name(mark.previous_status).lower()
                line += fill(self.tr(" (was: {status})"), status=before)
            who = ", ".join(part for part in (mark.operator, mark.device_name) if part)
            lines = [line, f"{source_name(mark.source)} · {who}"]
            if mark.note:
                lines.append(fill(self.tr("Note: {note}"), note=mark.note))
            self.history.addItem("\n".join(lines))

    def show_frame(self, image: QImage) -> None:
        """A camera preview frame (already shrunk and owning its pixels) scaled into view."""
        scaled = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(scaled)
