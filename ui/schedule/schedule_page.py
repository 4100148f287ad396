"""«Расписание»: every session of the chosen stream; a double click opens it to rename it,
move it within its day or change its trainer or hall. Before saving, the dialog says what the
change does to attendance (marks kept, percentages unchanged). «Добавить занятие» and «Отменить
занятие» (``session_changes``) show how percentages and certificates change before saving; a
cancelled session stays listed, struck through and greyed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import SessionInfo, WorkspaceSummary
from smm_event.services.attendance import find_sessions
from smm_event.services.limits import field_max_length as max_length
from smm_event.services.schedule_edit import (
    SessionEdit,
    SessionEffect,
    session_change_effect,
    update_session,
)
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import short_date, stream_label
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill
from ui.schedule.session_changes import AddSessionDialog, CancelSessionDialog

CANCELLED_COLOUR = QColor("#7b8794")


class SessionDialog(QDialog):
    def __init__(self, context: AppContext, info: SessionInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.info = info
        self.saved: SessionInfo | None = None
        self.setWindowTitle(info.title)
        self.setMinimumWidth(560)
        self.title = QLineEdit(info.title)
        self.room = QLineEdit(info.room or "")
        self.trainer = QLineEdit(info.trainer or "")
        for edit, field in ((self.title, "title"), (self.room, "room"), (self.trainer, "trainer")):
            edit.setMaxLength(max_length("session", field))
        self.start = QTimeEdit(QTime(info.starts_at.hour, info.starts_at.minute))
        self.end = QTimeEdit(QTime(info.ends_at.hour, info.ends_at.minute))
        self.effect = QLabel(self.tr("Checking the attendance marks…"))
        self.effect.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Day:"), QLabel(short_date(info.day)))
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Starts:"), self.start)
        form.addRow(self.tr("Ends:"), self.end)
        form.addRow(self.tr("Hall:"), self.room)
        form.addRow(self.tr("Trainer:"), self.trainer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(buttons)
        context.run(session_change_effect, info.id, on_done=self._show_effect, owner=self)

    def _show_effect(self, effect: SessionEffect) -> None:
        self.effect.setText(
            fill(
                self.tr(
                    "Attendance is not affected: the {marks} mark(s) given for this session "
                    "stay, and nobody's attendance percentage changes."
                ),
                marks=effect.marks,
            )
        )

    def edit(self) -> SessionEdit:
        start, end = self.start.time(), self.end.time()

        return SessionEdit(
            self.title.text(),
            self.room.text() or None,
            self.trainer.text() or None,
            dt.time(start.hour(), start.minute()),
            dt.time(end.hour(), end.minute()),
        )

    def save(self) -> None:
        self.context.run(
            update_session,
            self.info.id,
            self.edit(),
            on_done=self._saved,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _saved(self, info: SessionInfo) -> None:
        self.saved = info
        self.context.notify_changed()
        self.accept()


class SchedulePage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("SchedulePage", "Schedule")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions: tuple[SessionInfo, ...] = ()
        self.stream = QComboBox()
        self.stream.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button = QPushButton(self.tr("Add a session…"))
        self.add_button.clicked.connect(self.add_session)
        self.cancel_button = QPushButton(self.tr("Cancel the session…"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.cancel_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.stream)
        top.addWidget(QLabel(self.tr("Double-click a session to change it.")), 1)
        top.addWidget(self.add_button)
        top.addWidget(self.cancel_button)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Hall"),
                self.tr("Trainer"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_session(row))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(context, self, Change.SCHEDULE | Change.PEOPLE, self.reload)
        self._workspace_changed(context.summary)

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self.stream.blockSignals(True)
        self.stream.clear()
        for info in summary.streams if summary else ():
            self.stream.addItem(stream_label(info.number, info.title), info.number)
        self.stream.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        number = self.stream.currentData()
        if self.context.workspace is None or number is None:
            return
        self.context.run(find_sessions, number, on_done=self._show, owner=self)

    def _show(self, sessions: tuple[SessionInfo, ...]) -> None:
        self.sessions = sessions
        kinds = {"theory": self.tr("theory"), "practice": self.tr("practice")}
        self.table.setRowCount(len(sessions))
        for row, info in enumerate(sessions):
            cells = (
                short_date(info.day),
                f"{info.starts_at:%H:%M}–{info.ends_at:%H:%M}",
                kinds.get(info.kind, info.kind),
                info.title,
                info.room or "",
                info.trainer or "",
            )
            cancelled = self.tr("Cancelled: out of attendance percentages and sign-in sheets.")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n{cancelled}" if info.cancelled else text)
                if info.cancelled:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QBrush(CANCELLED_COLOUR))
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected_session(self) -> SessionInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.sessions[row] if row < len(self.sessions) else None

    def _selection_changed(self) -> None:
        info = self.selected_session()
        self.cancel_button.setEnabled(info is not None)
        restoring = info is not None and info.cancelled
        self.cancel_button.setText(
            self.tr("Restore the session…") if restoring else self.tr("Cancel the session…")
        )

    def add_session(self) -> AddSessionDialog | None:
        number = self.stream.currentData()
        if number is None or not self.sessions:
            return None
        dialog = AddSessionDialog(self.context, number, self.sessions, self)
        dialog.open()
        return dialog

    def cancel_selected(self) -> CancelSessionDialog | None:
        info = self.selected_session()
        if info is None:
            return None
        dialog = CancelSessionDialog(self.context, info, self)
        dialog.open()
        return dialog

    def open_session(self, row: int) -> SessionDialog:
        dialog = SessionDialog(self.context, self.sessions[row], self)
        dialog.open()
        return dialog
