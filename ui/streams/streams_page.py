"""«Потоки»: capacity and size of each stream, how the entry scores spread over them, the people
of the chosen stream; assign everyone by score, move one person with a reason (locked against
re-runs), undo the last assignment run. Every query and write runs on the background executor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import AssignmentSummary, ParticipantInfo, StreamLoad
from smm_event.services.participants import list_participants
from smm_event.services.streams import (
    assign_streams,
    move_participant,
    stream_overview,
    undo_last_assignment,
)
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import format_score, stream_label
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill
from ui.roster.participants_model import ParticipantsModel

BUCKETS = tuple(range(0, 100, 10))  # entry-score bands 0–9 … 90–100


class StreamsPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("StreamsPage", "Streams")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loads: tuple[StreamLoad, ...] = ()
        self.people: tuple[ParticipantInfo, ...] = ()
        self.assign_button = QPushButton(self.tr("Assign by entry score"))
        self.assign_button.clicked.connect(self.assign)
        self.undo_button = QPushButton(self.tr("Undo the last assignment"))
        self.undo_button.clicked.connect(self.undo)
        self.move_button = QPushButton(self.tr("Move to another stream…"))
        self.move_button.clicked.connect(self.move_selected)
        self.result = QLabel()
        self.result.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.assign_button, self.undo_button):
            top.addWidget(button)
        top.addWidget(self.result, 1)
        self.streams = QTableWidget(0, 5 + len(BUCKETS))
        self.streams.setHorizontalHeaderLabels(
            [
                self.tr("Stream"),
                self.tr("Places"),
                self.tr("People"),
                self.tr("By hand"),
                self.tr("Scores"),
                *(f"{low}–{low + 9 if low < 90 else 100}" for low in BUCKETS),
            ]
        )
        self.streams.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.streams.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.streams.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.streams.verticalHeader().hide()
        self.streams.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.streams.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.streams.setMaximumHeight(170)
        self.streams.itemSelectionChanged.connect(self._load_people)
        self.model = ParticipantsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.people_label = QLabel()
        below = QHBoxLayout()
        below.addWidget(self.people_label, 1)
        below.addWidget(self.move_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.streams)
        layout.addLayout(below)
        layout.addWidget(self.table, 1)
        context.workspace_changed.connect(lambda _summary: self.reload())
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(context, self, Change.PEOPLE | Change.SCHEDULE, self.reload)
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        summary = self.context.summary
        if self.context.workspace is None or summary is None or summary.event is None:
            return
        self.context.run(
            stream_overview, on_done=self._show_loads, on_error=self._failed, owner=self
        )
        self.context.run(
            list_participants, on_done=self._show_distribution, on_error=self._failed, owner=self
        )

    def _show_loads(self, loads: tuple[StreamLoad, ...]) -> None:
        selected = self.selected_stream()
        self.loads = loads
        self.streams.setRowCount(len(loads))
        for row, load in enumerate(loads):
            scores = (
                f"{format_score(load.min_score)}–{format_score(load.max_score)}"
                if load.min_score is not None
                else "—"
            )
            cells = (stream_label(load.number, load.title), str(load.capacity), str(load.size))
            for column, text in enumerate((*cells, str(load.locked), scores)):
                item = QTableWidgetItem(text)
                if column == 2 and load.size > load.capacity:
                    item.setForeground(Qt.GlobalColor.red)  # over capacity: the organizer acts
                self.streams.setItem(row, column, item)
        numbers = [load.number for load in loads]
        self.streams.selectRow(numbers.index(selected) if selected in numbers else 0)

    def _show_distribution(self, people: tuple[ParticipantInfo, ...]) -> None:
        for row, load in enumerate(self.loads):
            members = [p for p in people if p.stream_number == load.number]
            for index, low in enumerate(BUCKETS):
                high = 100.01 if low == 90 else low + 10
                count = sum(
                    1 for p in members if p.entry_score is not None and low <= p.entry_score < high
                )
                self.streams.setItem(row, 5 + index, QTableWidgetItem(str(count) if count else ""))

    def selected_stream(self) -> int | None:
        rows = self.streams.selectionModel().selectedRows() if self.streams.selectionModel() else []
        if not rows or rows[0].row() >= len(self.loads):
            return None
        return self.loads[rows[0].row()].number

    def _load_people(self) -> None:
        number = self.selected_stream()
        if number is None or self.context.workspace is None:
            return
        self.context.run(list_participants, number, on_done=self._show_people, owner=self)

    def _show_people(self, people: tuple[ParticipantInfo, ...]) -> None:
        self.people = people
        self.model.set_rows(people)
        self.table.resizeColumnsToContents()
        self.people_label.setText(fill(self.tr("People of the stream: {count}"), count=len(people)))

    # -- writing ---------------------------------------------------------------------------

    def assign(self) -> None:
        self.assign_button.setEnabled(False)
        self.context.run(assign_streams, on_done=self._assigned, on_error=self._failed, owner=self)

    def _assigned(self, summary: AssignmentSummary) -> None:
        self.assign_button.setEnabled(True)
        text = self.tr(
            "Assigned: {moved} moved, {kept} placed by hand kept, {without} without a score, "
            "{over} did not fit."
        )
        self.result.setText(
            fill(
                text,
                moved=summary.moved,
                kept=summary.kept,
                without=summary.without_score,
                over=summary.over_capacity,
            )
        )
        self.context.notify_changed()

    def undo(self) -> None:
        self.context.run(
            undo_last_assignment, on_done=self._undone, on_error=self._failed, owner=self
        )

    def _undone(self, restored: int) -> None:
        text = self.tr("Undone: {count} put back in their earlier stream.")
        self.result.setText(fill(text, count=restored))
        self.context.notify_changed()

    def move_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.result.setText(self.tr("Choose a person in the list first."))
            return
        person = self.model.participant(rows[0].row())
        labels = [stream_label(load.number, load.title) for load in self.loads]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Move to another stream"), person.full_name, labels, 0, False
        )
        if not ok:
            return
        number = self.loads[labels.index(chosen)].number
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Move to another stream"),
            self.tr("Why? The person then stays in this stream when the assignment is re-run."),
        )
        if ok:
            self.context.run(
                move_participant,
                person.id,
                number,
                reason,
                on_done=lambda _p: self.context.notify_changed(),
                on_error=self._failed,
                owner=self,
            )

    def _failed(self, error: BaseException) -> None:
        self.assign_button.setEnabled(True)
        show_error(self, error)
