"""Find a person who forgot the badge: a few letters of the surname (any case, ё = е, one typo,
Latin letters too), a phone or an organization, then check in with one click (or Enter).

Each result says before Enter whether the person is already here today (time and desk, amber)
and whether they are a walk-in, so the wrong «Иванова» is not admitted twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import SearchHit
from smm_event.domain.participants import ParticipantInfo
from smm_event.services.desk_search import search_at_desk
from ui.background import Task
from ui.context import AppContext
from ui.i18n import fill

SEARCH_DELAY_MS = 200
MIN_LETTERS = 2
MAX_RESULTS = 30
HERE_TINT = "#fff1c2"  # the amber of «already checked in»


class SearchPanel(QWidget):
    check_in_requested = Signal(object)  # ParticipantInfo
    reprint_requested = Signal(object)  # ParticipantInfo

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self.today_streams: tuple[int, ...] = ()  # listed first: the people expected today
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, phone or organization"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.reprint_button = QPushButton(self.tr("Reprint badge…"))
        for button in (self.check_in_button, self.reprint_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button, 2)
        buttons.addWidget(self.reprint_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        font = self.search.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.search.setFont(font)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._enter_in_search)
        self.results.currentRowChanged.connect(self._selection_changed)
        self.results.itemActivated.connect(lambda _item: self._check_in_selected())
        self.check_in_button.clicked.connect(self._check_in_selected)
        self.reprint_button.clicked.connect(self._reprint_selected)
        self._show_hint()

    def run_search(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        text = self.search.text().strip()
        if len(text) < MIN_LETTERS or self.context.workspace is None:
            self._show(())
            return
        self._task = self.context.run(
            search_at_desk, text, MAX_RESULTS, self.clock(), on_done=self._show, owner=self
        )

    def _show(self, hits: tuple[SearchHit, ...]) -> None:
        self.results.clear()
        # Stable: the people expected today first, each group in the search's rank order.
        hits = tuple(sorted(hits, key=lambda h: h.person.stream_number not in self.today_streams))
        for hit in hits:
            person = hit.person
            lines = [person.full_name]
            details = [person.organization or ""]
            if person.stream_number is not None:
                details.append(fill(self.tr("stream {number}"), number=person.stream_number))
            if person.phone:
                details.append(person.phone)
            lines.append(" · ".join(part for part in details if part))
            status = self._status(hit)
            if status:
                lines.append(status)
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, person)
            if hit.here_today:
                item.setBackground(QColor(HERE_TINT))
                item.setForeground(QColor("#1b1b1b"))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self._show_hint(len(hits))

    def _status(self, hit: SearchHit) -> str:
        parts = []
        if hit.arrived_at is not None:
            parts.append(
                fill(
                    self.tr("✓ here today since {time}, desk «{desk}»"),
                    time=hit.arrived_at.strftime("%H:%M"),
                    desk=hit.arrived_desk or "—",
                )
            )
        if hit.person.walk_in:
            parts.append(self.tr("walk-in"))
        return " · ".join(parts)

    def _show_hint(self, found: int | None = None) -> None:
        text = self.search.text().strip()
        if len(text) < MIN_LETTERS:
            self.hint.setText(self.tr("Type at least two letters of the surname."))
        elif found == 0:
            self.hint.setText(
                self.tr("Nobody found. Try the phone or the organization, or register a walk-in.")
            )
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self._selection_changed(self.results.currentRow())

    def selected(self) -> ParticipantInfo | None:
        item = self.results.currentItem()
        if item is None:
            return None
        person = item.data(Qt.ItemDataRole.UserRole)
        return person if isinstance(person, ParticipantInfo) else None

    def _selection_changed(self, _row: int) -> None:
        chosen = self.selected() is not None
        self.check_in_button.setEnabled(chosen)
        self.reprint_button.setEnabled(chosen)

    def _enter_in_search(self) -> None:
        if self._timer.isActive() or (self._task is not None and not self._task.finished):
            return  # results for the text on screen are not in yet
        if self.results.count() == 1:
            self._check_in_selected()
        elif self.results.count():
            self.results.setFocus()

    def _check_in_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self.check_in_requested.emit(person)

    def _reprint_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self.reprint_requested.emit(person)

    def clear(self) -> None:
        self.search.clear()
        self._show(())
