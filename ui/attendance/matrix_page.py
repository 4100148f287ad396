"""«Журнал посещаемости»: participants x sessions of one stream with colours and percentages,
the totals per session, and the XLSX/CSV export. Reloaded when shown and after any change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.attendance import AttendanceMatrix
from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.services import attendance
from ui.attendance.matrix_model import NAME, MatrixModel
from ui.attendance.texts import STATUS_ORDER, attendance_error_message, status_letter, status_name
from ui.background import Lane, Task
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import stream_label
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill

SESSION_COLUMN_WIDTH = 46
PERCENT_COLUMN_WIDTH = 64


class AttendanceMatrixPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("AttendanceMatrixPage", "Register")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self.model = MatrixModel(self)
        self._build()
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(
            context,
            self,
            Change.MARKS | Change.CHECKINS | Change.PEOPLE | Change.SCHEDULE,
            self.reload,
        )
        if context.summary is not None:
            self._workspace_changed(context.summary)

    def _build(self) -> None:
        self.stream_box = QComboBox()
        self.stream_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stream_box.setMinimumContentsLength(22)
        self.stream_box.currentIndexChanged.connect(self.reload)
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        legend = " · ".join(f"{status_letter(s)} — {status_name(s).lower()}" for s in STATUS_ORDER)
        self.legend = QLabel(legend)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.stream_box)
        top.addStretch(1)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.csv_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self.stream_box.blockSignals(True)
        self.stream_box.clear()
        for stream in summary.streams if summary else ():
            self.stream_box.addItem(stream_label(stream.number, stream.title), stream.number)
        self.stream_box.blockSignals(False)
        self.model.set_matrix(None)
        self.reload()

    def reload(self) -> None:
        number = self.stream_box.currentData()
        if self._task is not None:
            self._task.cancel()
        if number is None or self.context.workspace is None or not self.isVisible():
            return
        self._task = self.context.run(
            attendance.attendance_matrix,
            number,
            on_done=self._loaded,
            on_error=self._failed,
            owner=self,
        )

    def _loaded(self, matrix: AttendanceMatrix) -> None:
        self.model.set_matrix(matrix)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(SESSION_COLUMN_WIDTH)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.percent_column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(self.model.percent_column, PERCENT_COLUMN_WIDTH)
        held = sum(1 for total in matrix.totals if total.held)
        self.message.setText(
            fill(
                self.tr(
                    "Participants: {people}. Sessions held so far: {held} of {planned}. "
                    "The % counts only the held sessions of each person's own stream, with "
                    "the event's weights (excused sessions are left out)."
                ),
                people=len(matrix.rows),
                held=held,
                planned=len(matrix.sessions),
            )
        )

    def export(self, kind: str) -> None:
        number = self.stream_box.currentData()
        if number is None:
            return
        name_filter = (
            self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export attendance"), f"attendance-stream{number}.{kind}", name_filter
        )
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        self.context.run(
            attendance.export_attendance,
            number,
            Path(path),
            on_done=lambda saved: self.message.setText(fill(self.tr("Saved {path}"), path=saved)),
            on_error=self._failed,
            owner=self,
            lane=Lane.RENDER,
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message.setText(attendance_error_message(error))
        else:
            show_error(self, error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
