"""«Участники»: the whole roster with search as you type and a stream filter.

Every keystroke restarts a short timer; when it fires, the query runs on the background
executor and the previous, now stale, query is cancelled so its late result never overwrites
a newer one. The GUI thread only swaps the model's rows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import WorkspaceSummary
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.services.participants import list_participants
from ui.background import Task
from ui.common.change_watch import ChangeWatch
from ui.common.formatting import stream_label
from ui.context import AppContext, Change
from ui.errors import show_error, user_error_message
from ui.i18n import fill
from ui.roster.duplicates_dialog import DuplicatesDialog
from ui.roster.import_dialog import ImportDialog
from ui.roster.participant_dialog import ParticipantDialog
from ui.roster.participants_model import (
    COLUMNS,
    NUMBER,
    ORGANIZATION,
    PATRONYMIC,
    REGION,
    SURNAME,
    ParticipantsModel,
)

SEARCH_DELAY_MS = 150
WIDTHS_KEY = "participants/column_widths"
MAX_COLUMN_WIDTH = 300
ORGANIZATION_WIDTH = 240
# How narrow a column may get when the screen is too narrow for all (first names never shrink).
SHRINK_FLOORS = {REGION: 80, PATRONYMIC: 130, SURNAME: 170}
ALL_STREAMS = 0
WITHOUT_STREAM = -1


class ParticipantsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self._fitted = False
        self._user_widths = False
        self._applying = False
        self._natural: dict[int, int] = {}
        self._stream_titles: dict[int, str] = {}
        self.model = ParticipantsModel(self)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.stream_filter.currentIndexChanged.connect(self.reload)
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(
            context, self, Change.PEOPLE | Change.BADGES | Change.SCHEDULE, self.reload
        )
        if context.summary is not None:
            self._workspace_changed(context.summary)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, name, organization or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.returnPressed.connect(self._focus_table)
        self.stream_filter = QComboBox()
        self.stream_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.stream_filter, 0)
        top.addWidget(self.count_label, 0)
        self.add_button = QPushButton(self.tr("Add a participant…"))
        self.add_button.clicked.connect(self.add_participant)
        self.duplicates_button = QPushButton(self.tr("Duplicates…"))
        self.duplicates_button.clicked.connect(self.open_duplicates)
        top.addWidget(self.duplicates_button, 0)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.open_import)
        top.addWidget(self.add_button, 0)
        top.addWidget(self.import_button, 0)
        self.table = self._build_table()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        self._set_font_scale(self.search, 1.15)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_search)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSortIndicator(NUMBER, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.activated.connect(self._open_details)  # a double click, or Enter on a row
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._section_resized)
        self._set_font_scale(table, 1.1)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        return table

    @staticmethod
    def _set_font_scale(widget: QWidget, scale: float) -> None:
        font = widget.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        widget.setFont(font)

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        streams = summary.streams if summary else ()
        self._stream_titles = {stream.number: stream.title for stream in streams}
        self.model.set_stream_colours({stream.number: stream.colour for stream in streams})
        self.stream_filter.blockSignals(True)
        self.stream_filter.clear()
        self.stream_filter.addItem(self.tr("All streams"), ALL_STREAMS)
        for number, title in self._stream_titles.items():
            self.stream_filter.addItem(stream_label(number, title), number)
        self.stream_filter.addItem(self.tr("Without a stream"), WITHOUT_STREAM)
        self.stream_filter.blockSignals(False)
        self.model.set_rows(())
        self.reload()

    def reload(self) -> None:
        """Query the workspace with the current search and filter (in the background)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        if self.context.workspace is None or self.context.summary is None:
            return
        if self.context.summary.event is None:
            self._show_message(user_error_message(UserError("no_event")))
            return
        wanted = self.stream_filter.currentData() or ALL_STREAMS
        stream = wanted if wanted > 0 else None
        only_unassigned = wanted == WITHOUT_STREAM
        self._task = self.context.run(
            list_participants,
            stream,
            self.search.text(),
            None,
            True,  # those who withdrew stay listed here, marked as such
            on_done=lambda rows: self._show_rows(rows, only_unassigned),
            on_error=self._query_failed,
            owner=self,
        )

    def _show_rows(self, rows: tuple[ParticipantInfo, ...], only_unassigned: bool) -> None:
        if only_unassigned:
            rows = tuple(p for p in rows if p.stream_number is None and not p.withdrawn)
        self.message.setVisible(not rows and bool(self.search.text().strip()))
        self.message.setText(
            self.tr("Nobody found. Check the spelling, or search by phone or organization.")
        )
        self.model.set_rows(rows)
        self._fit_columns()
        total = self.context.summary.participants if self.context.summary else len(rows)
        text = self.tr("Showing %n participant(s) of {total}", "", len(rows))
        self.count_label.setText(fill(text, total=total))

    def _fit_columns(self) -> None:
        """Size the columns to their contents once, then fit them to the table's width each
        time it changes, until the user sets a width by hand (remembered in QSettings). A
        desk laptop's screen is narrow: the organization keeps at least ORGANIZATION_WIDTH,
        and the region, patronymic and a long surname give up width first (elided, whole in
        the tooltip), so that no column is squeezed unreadable and no horizontal scroll bar
        hides the stream and the score."""
        if not self.model.rowCount():
            return
        if not self._fitted:
            self._fitted = True
            saved = QSettings().value(WIDTHS_KEY)
            if isinstance(saved, list) and len(saved) == len(COLUMNS):
                self._user_widths = True
                self._set_widths({c: int(w) for c, w in enumerate(saved)})
                return
            self._applying = True  # programmatic: not the user's widths
            self.table.resizeColumnsToContents()
            self._applying = False
            header = self.table.horizontalHeader()
            self._natural = {
                c: min(header.sectionSize(c), MAX_COLUMN_WIDTH) for c in range(len(COLUMNS))
            }
        self._shrink_to_width()

    def _shrink_to_width(self) -> None:
        if self._user_widths or not self._natural:
            return
        widths = dict(self._natural)
        organization = max(min(widths.pop(ORGANIZATION), ORGANIZATION_WIDTH), ORGANIZATION_WIDTH)
        excess = sum(widths.values()) + organization - self.table.viewport().width()
        spare = {c: max(widths[c] - floor, 0) for c, floor in SHRINK_FLOORS.items()}
        total_spare = sum(spare.values())
        if excess > 0 and total_spare:
            for column, room in spare.items():
                widths[column] -= min(room, round(excess * room / total_spare))
        self._set_widths(widths)

    def _set_widths(self, widths: dict[int, int]) -> None:
        self._applying = True
        header = self.table.horizontalHeader()
        for column, width in widths.items():
            if column != ORGANIZATION or self._user_widths:
                header.resizeSection(column, width)
        self._applying = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        # Only a drag on the header is the user's choice; the stretched organization column
        # and layout passes resize sections too.
        dragging = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        if self._applying or not self._fitted or column == ORGANIZATION or not dragging:
            return
        self._user_widths = True  # the user's widths win from now on, on this laptop
        header = self.table.horizontalHeader()
        QSettings().setValue(WIDTHS_KEY, [header.sectionSize(c) for c in range(len(COLUMNS))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = getattr(self, "table", None)  # events arrive while the table is being built
        if table is not None and watched is table.viewport() and event.type() == QEvent.Type.Resize:
            self._shrink_to_width()
        return super().eventFilter(watched, event)

    def _query_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._show_message(user_error_message(error))
        else:
            show_error(self, error)

    def _show_message(self, text: str) -> None:
        self.model.set_rows(())
        self.count_label.clear()
        self.message.setText(text)
        self.message.show()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()
        self.focus_search()

    def _focus_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _open_details(self, index: QModelIndex) -> None:
        self.open_details(index.row())

    def open_details(self, row: int) -> ParticipantDialog:
        return self._open_dialog(self.model.participant(row))

    def add_participant(self) -> ParticipantDialog:
        return self._open_dialog(None)

    def _open_dialog(self, person: ParticipantInfo | None) -> ParticipantDialog:
        dialog = ParticipantDialog(self.context, person, self._stream_titles, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.context, self._open_dialog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, "roster", None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
