"""«Посещаемость»: the trainer marks a session.

Pick stream, day and session (the page opens on the session running now); the stream's people
are listed by surname with search. One click in a status column marks a person; on the
selected row the keys 1-4 (or П/О/Н/У, P/L/A/E) do the same; a badge scanned with the USB
scanner or the camera marks present, or late after the event's grace period. The right panel
shows the selected person's audit trail. Every query and mark runs on the background executor.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.attendance import (
    AttendanceStatus,
    BulkMarkResult,
    MarkInfo,
    MarkSource,
    ScanMarkResult,
    ScanOutcome,
    SessionRoster,
)
from smm_event.domain.event import SessionInfo, WorkspaceSummary
from smm_event.errors import UserError
from smm_event.services import attendance
from ui.attendance.mark_panel import MarkPanel
from ui.attendance.roster_model import NAME, ORGANIZATION, STATUS_COLUMNS, RosterModel
from ui.attendance.session_picker import SessionPicker
from ui.attendance.texts import (
    COLOURS,
    STATUS_ORDER,
    attendance_error_message,
    scan_message,
    status_name,
)
from ui.background import Lane, Task
from ui.common.camera import CameraController
from ui.common.clock_banner import ClockBanner
from ui.common.keyboard_capture import KeyboardCapture
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill

SHORTCUTS = {
    **dict.fromkeys(("1", "п", "p"), AttendanceStatus.PRESENT),
    **dict.fromkeys(("2", "о", "l"), AttendanceStatus.LATE),
    **dict.fromkeys(("3", "н", "a"), AttendanceStatus.ABSENT),
    **dict.fromkeys(("4", "у", "e"), AttendanceStatus.EXCUSED),
}
BANNER_STYLE = "background: {background}; color: #1b1b1b; padding: 8px; font-weight: bold;"
GOOD_BANNER = "background: #c8e6c9; color: #1b3d1f; padding: 8px; font-weight: bold;"
BAD_BANNER = "background: #ffcdd2; color: #5c0a0a; padding: 8px; font-weight: bold;"
IDLE_BANNER = "background: transparent; padding: 8px;"


def now() -> dt.datetime:
    """The trainer page's clock (module-level so tests can move it)."""
    return dt.datetime.now(dt.UTC)


class AttendancePage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("AttendancePage", "Roll call")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.roster: SessionRoster | None = None
        self._titles: dict[int, str] = {}
        self._roster_task: Task | None = None
        self._history_task: Task | None = None
        self.model = RosterModel(self)
        self._build()
        self.scanner = KeyboardCapture(self, shortcuts=True)
        self.scanner.scanned.connect(lambda scan: self.handle_scan(scan.text))
        self.scanner.shortcut.connect(self._shortcut)
        self.camera = CameraController(self)
        self.camera.code_read.connect(self.handle_scan)
        self.camera.frame_ready.connect(self.panel.show_frame)
        self.camera.failed.connect(self._camera_failed)
        self.camera.running_changed.connect(
            lambda running: None if running else self._camera_stopped()
        )
        context.workspace_changed.connect(self._workspace_changed)
        self._stale = False
        context.changed.connect(self._changed)
        if context.summary is not None:
            self._workspace_changed(context.summary)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.picker = SessionPicker()
        self.state_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.state_label)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, name, organization or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.counts_label = QLabel()
        second = QHBoxLayout()
        second.addWidget(self.search)
        second.addWidget(self.counts_label, 1)
        second.addWidget(self._bulk_button())
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        # Always in the layout with room for two lines: showing a message never moves the
        # table under the trainer's mouse.
        lines = self.banner.fontMetrics().lineSpacing()
        self.banner.setFixedHeight(2 * lines + 20)
        self.banner.setStyleSheet(IDLE_BANNER)
        self.table = self._build_table()
        self.panel = MarkPanel()
        self.close_button, self.reopen_button = self.panel.close_button, self.panel.reopen_button
        self.sheets_button, self.camera_button = self.panel.sheets_button, self.panel.camera_button
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        self.own_clock = ClockBanner(self.context)
        layout.addWidget(self.own_clock)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self._connect()

    def _bulk_button(self) -> QToolButton:
        """One status for many people: the selected rows (Ctrl/Shift-click) or all unmarked."""
        button = QToolButton()
        button.setText(self.tr("Mark several"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.bulk_actions: dict[tuple[bool, AttendanceStatus], object] = {}
        for only_selected, template in (
            (True, self.tr("Selected rows: {status}")),
            (False, self.tr("Everyone unmarked: {status}")),
        ):
            for status in STATUS_ORDER:
                action = menu.addAction(fill(template, status=status_name(status)))
                action.triggered.connect(
                    lambda _=False, s=status, o=only_selected: self.mark_many(s, o)
                )
                self.bulk_actions[(only_selected, status)] = action
            menu.addSeparator()
        button.setMenu(menu)
        self.bulk_button = button
        return button

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl/Shift-click picks several rows for «Mark several»; a click still marks one.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        font = table.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        table.setFont(font)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        return table

    def _connect(self) -> None:
        self.picker.session_changed.connect(self.reload_roster)
        self.close_button.clicked.connect(self.close_session)
        self.reopen_button.clicked.connect(self.reopen_session)
        self.sheets_button.clicked.connect(self.save_sheets)
        self.camera_button.toggled.connect(self._toggle_camera)
        self.search.textChanged.connect(self._search_changed)
        self.table.clicked.connect(self._cell_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.panel.status_clicked.connect(self.mark_selected)
        self.panel.note_clicked.connect(self.edit_note)

    # -- the roster ------------------------------------------------------------------------

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        self._titles = {s.number: s.title for s in summary.streams} if summary else {}
        self.roster = None
        self.model.set_entries(())
        if summary is not None and summary.event is not None:
            self.context.run(
                partial(attendance.find_sessions, held_only=True),
                on_done=self._sessions_loaded,
                on_error=self._failed,
                owner=self,
            )

    def _sessions_loaded(self, sessions: tuple[SessionInfo, ...]) -> None:
        self.picker.set_sessions(sessions, self._titles)

    def current_session_id(self) -> uuid.UUID | None:
        return self.picker.current_session_id()

    def reload_roster(self) -> None:
        session_id = self.current_session_id()
        if self._roster_task is not None:
            self._roster_task.cancel()
        if session_id is None or self.context.workspace is None:
            return
        self._roster_task = self.context.run(
            attendance.session_roster,
            session_id,
            on_done=self._roster_loaded,
            on_error=self._failed,
            owner=self,
        )

    def _roster_loaded(self, roster: SessionRoster) -> None:
        if roster.session.id != self.current_session_id():
            return
        selected = self.selected_participant()
        self.roster = roster
        self.model.set_entries(roster.entries)
        closed = roster.session.closed
        self.state_label.setText(self.tr("Closed") if closed else self.tr("Open"))
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self._update_counts()
        row = self.model.row_of(selected) if selected else None
        if row is not None:
            self.table.selectRow(row)
        self._row_changed()

    def _update_counts(self) -> None:
        counts = self.model.counts()
        parts = [f"{status_name(status)}: {counts[status]}" for status in STATUS_ORDER]
        parts.append(f"{status_name(None)}: {counts[None]}")
        self.counts_label.setText(" · ".join(parts))

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        if self.model.rowCount() == 1:
            self.table.selectRow(0)  # one match: the keys mark that person at once
        self._row_changed()

    def selected_participant(self) -> uuid.UUID | None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            return None
        return self.model.entry(row).participant.id

    def _row_changed(self, *_args: object) -> None:
        person = self.selected_participant()
        entry = self.model.entry(self.table.currentIndex().row()) if person else None
        is_open = self.roster is not None and not self.roster.session.closed
        name = entry.participant.full_name if entry else ""
        self.panel.show_person(name, entry is not None and entry.mark is not None, is_open)
        session_id = self.current_session_id()
        if self._history_task is not None:
            self._history_task.cancel()
        if person is None or session_id is None:
            return
        self._history_task = self.context.run(
            attendance.mark_history,
            session_id,
            person,
            on_done=self.panel.show_history,
            on_error=self._failed,
            owner=self,
        )

    # -- marking ---------------------------------------------------------------------------

    def _cell_clicked(self, index: QModelIndex) -> None:
        status = STATUS_COLUMNS.get(index.column())
        if status is not None:
            self.mark_row(index.row(), status, MarkSource.CLICK)

    def _shortcut(self, key: str) -> None:
        status = SHORTCUTS.get(key)
        if status is not None:
            self.mark_selected(status, MarkSource.KEYBOARD)

    def mark_selected(
        self, status: AttendanceStatus, source: MarkSource = MarkSource.CLICK
    ) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.mark_row(row, status, source)
            self._select_next_unmarked(row)  # one keystroke a person: 70 marks, 70 keys

    def _select_next_unmarked(self, after: int) -> None:
        rows = self.model.rowCount()
        for row in [*range(after + 1, rows), *range(0, after)]:
            if self.model.entry(row).mark is None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, NAME))
                return

    def mark_row(
        self, row: int, status: AttendanceStatus, source: MarkSource, note: str | None = None
    ) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        self.table.selectRow(row)
        person = self.model.entry(row).participant.id
        self.context.run(
            attendance.mark,
            session_id,
            person,
            status,
            note,
            source,
            self._operator(),
            on_done=self._marked,
            on_error=self._failed,
            owner=self,
        )

    def _marked(self, mark: MarkInfo) -> None:
        if mark.session_id != self.current_session_id():
            return
        self.model.update_mark(mark)
        self._update_counts()
        if mark.participant_id == self.selected_participant():
            self._row_changed()

    def mark_many(self, status: AttendanceStatus, only_selected: bool) -> None:
        """One status for the selected rows, or for everyone of the stream still unmarked, in
        one transaction on the background executor."""
        session_id = self.current_session_id()
        if session_id is None:
            return
        people: list[uuid.UUID] | None = None
        if only_selected:
            rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
            people = [self.model.entry(row).participant.id for row in rows]
            if not people:
                self._show_banner(self.tr("Select the people first (Ctrl- or Shift-click)."), False)
                return
        self.context.run(
            attendance.mark_many,
            session_id,
            status,
            people,
            MarkSource.CLICK,
            self._operator(),
            on_done=self._marked_many,
            on_error=self._failed,
            owner=self,
        )

    def _marked_many(self, result: BulkMarkResult) -> None:
        if result.session_id != self.current_session_id():
            return
        for mark in result.marks:
            self.model.update_mark(mark)
        self._update_counts()
        self._row_changed()
        text = fill(
            self.tr("{status}: {count} marked"),
            status=status_name(result.status),
            count=len(result.marks),
        )
        self._show_banner(text, True, result.status)

    def edit_note(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            return
        entry = self.model.entry(row)
        if entry.mark is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Note"), entry.participant.full_name, text=entry.mark.note or ""
        )
        if ok:
            self.mark_row(row, entry.mark.status, MarkSource.CLICK, note=text.strip())

    def handle_scan(self, code: str) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        self.context.run(
            attendance.mark_by_scan,
            session_id,
            code,
            None,
            self._operator(),
            on_done=self._scanned,
            on_error=self._failed,
            owner=self,
        )

    def _scanned(self, result: ScanMarkResult) -> None:
        name = result.participant.full_name if result.participant else ""
        status = result.mark.status if result.mark else None
        good = result.outcome in (ScanOutcome.MARKED, ScanOutcome.ALREADY_MARKED)
        self._show_banner(scan_message(result.outcome, name, status), good, status)
        if result.mark is None or result.mark.session_id != self.current_session_id():
            return
        self.search.clear()
        self.model.update_mark(result.mark)
        self._update_counts()
        row = self.model.row_of(result.mark.participant_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, NAME))

    # -- session actions -------------------------------------------------------------------

    def close_session(self) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        buttons = QMessageBox.StandardButton
        ends_at = self.roster.session.ends_at if self.roster is not None else None
        if ends_at is not None and now() < ends_at:
            early = QMessageBox.question(
                self,
                self.tr("Close the session"),
                fill(
                    self.tr("The session runs until {time}. Close it before its end?"),
                    time=ends_at.strftime("%H:%M"),
                ),
                buttons.Yes | buttons.No,
                buttons.No,
            )
            if early != buttons.Yes:
                return
        answer = QMessageBox.question(
            self,
            self.tr("Close the session"),
            fill(
                self.tr("Mark the {count} unmarked people as absent?"),
                count=self.model.counts()[None],
            ),
            buttons.Yes | buttons.No | buttons.Cancel,
        )
        if answer == buttons.Cancel:
            return
        self.context.run(
            attendance.close_session,
            session_id,
            answer == buttons.Yes,
            self._operator(),
            on_done=self._session_state_changed,
            on_error=self._failed,
            owner=self,
        )

    def reopen_session(self) -> None:
        session_id = self.current_session_id()
        if session_id is not None:
            self.context.run(
                attendance.reopen_session,
                session_id,
                on_done=self._session_state_changed,
                on_error=self._failed,
                owner=self,
            )

    def _session_state_changed(self, _result: object) -> None:
        self.context.notify_changed()  # reloads this roster and the matrix

    def save_sheets(self) -> None:
        number, day = self.picker.stream_number(), self.picker.day()
        if number is None or day is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save sign-in sheets"),
            f"sign-in-stream{number}-{day.isoformat()}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.context.run(
                attendance.signin_sheet,
                number,
                day,
                Path(path),
                lane=Lane.RENDER,
                on_done=lambda pages: self._show_banner(
                    fill(self.tr("Saved {path} ({pages} pages)"), path=path, pages=pages), True
                ),
                on_error=self._failed,
                owner=self,
            )

    # -- camera ----------------------------------------------------------------------------

    def _toggle_camera(self, on: bool) -> None:
        if on:
            self.panel.preview.show()
            self.camera.start(self.context.station.camera_index)
        else:
            self.camera.stop()
            self.panel.preview.hide()

    def _camera_failed(self, _error: object) -> None:
        self._show_banner(
            self.tr("The camera does not work. Check the cable, or use the scanner."), False
        )

    def _camera_stopped(self) -> None:
        self.camera_button.blockSignals(True)
        self.camera_button.setChecked(False)
        self.camera_button.blockSignals(False)
        self.panel.preview.hide()

    # -- plumbing --------------------------------------------------------------------------

    def _operator(self) -> str | None:
        return self.context.station.operator_name or None

    def _show_banner(self, text: str, good: bool, status: AttendanceStatus | None = None) -> None:
        # The status's own colour, as in the table (a late mark is yellow in both).
        style = GOOD_BANNER if good else BAD_BANNER
        if good and status is not None:
            style = BANNER_STYLE.format(background=COLOURS[status].name())
        self.banner.setStyleSheet(style)
        self.banner.setText(text)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._show_banner(attendance_error_message(error), False)
        else:
            show_error(self, error)

    def _changed(self, what: Change) -> None:
        """Marks, scans (the desk's first-session marks) and people change the roster; a hidden
        page re-reads when it is shown again."""
        if not what & (Change.MARKS | Change.CHECKINS | Change.PEOPLE | Change.SCHEDULE):
            return
        if self.isVisible():
            self.reload_roster()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        self.scanner.start()
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload_roster()

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.stop()
        if self.camera_button.isChecked():
            self.camera_button.setChecked(False)
        super().hideEvent(event)
