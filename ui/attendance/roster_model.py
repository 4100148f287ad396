"""The session roster as a table: one row a person, a column per status to click (like
Moodle's take-attendance radio columns), who marked and when, and the note."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from smm_event.domain.attendance import AttendanceStatus, MarkInfo, RosterEntry
from smm_event.text.folding import fold
from ui.attendance.texts import COLOURS, STATUS_ORDER, source_name, status_letter, status_name

Index = QModelIndex | QPersistentModelIndex

NUMBER, NAME, ORGANIZATION = 0, 1, 2
FIRST_STATUS = 3
STATUS_COLUMNS = {FIRST_STATUS + i: status for i, status in enumerate(STATUS_ORDER)}
MARKED = FIRST_STATUS + len(STATUS_ORDER)
ADMITTED = MARKED + 1  # the time the desk admitted the person that day
COLUMN_COUNT = ADMITTED + 1
NOTE_SIGN = "✎"  # the note itself is in the tooltip and the history panel
SELECTED_MARK = "●"
EMPTY_MARK = "○"
_CENTER = Qt.AlignmentFlag.AlignCenter


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[RosterEntry] = []
        self._visible: list[int] = []  # indexes into _entries that match the search
        self._search = ""

    # -- content ---------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[RosterEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._visible = self._matching()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._search = fold(text)
        self._visible = self._matching()
        self.endResetModel()

    def update_mark(self, mark: MarkInfo) -> int | None:
        """Show a new current mark; returns its row, or None when the person is filtered out."""
        for index, entry in enumerate(self._entries):
            if entry.participant.id == mark.participant_id:
                self._entries[index] = dataclasses.replace(entry, mark=mark)
                if index in self._visible:
                    row = self._visible.index(index)
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
                    return row
                return None
        return None

    def entry(self, row: int) -> RosterEntry:
        return self._entries[self._visible[row]]

    def row_of(self, participant_id: uuid.UUID) -> int | None:
        for row, index in enumerate(self._visible):
            if self._entries[index].participant.id == participant_id:
                return row
        return None

    def counts(self) -> dict[AttendanceStatus | None, int]:
        counts: dict[AttendanceStatus | None, int] = {status: 0 for status in (*STATUS_ORDER, None)}
        for entry in self._entries:
            counts[entry.status] += 1
        return counts

    def _matching(self) -> list[int]:
        words = self._search.split()
        return [
            index
            for index, entry in enumerate(self._entries)
            if all(word in _haystack(entry) for word in words)
        ]

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        status = STATUS_COLUMNS.get(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if status is not None:
                return status_letter(status)
            return {
                NUMBER: "№",
                NAME: self.tr("Participant"),
                ORGANIZATION: self.tr("Organization"),
                MARKED: self.tr("Marked"),
                ADMITTED: self.tr("Desk"),
            }[section]
        if role == Qt.ItemDataRole.ToolTipRole and status is not None:
            return status_name(status)
        if role == Qt.ItemDataRole.ToolTipRole and section == ADMITTED:
            return self.tr("When the registration desk admitted the person that day")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        column = index.column()
        status = STATUS_COLUMNS.get(column)
        if status is not None:
            return self._status_cell(entry, status, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole and column == MARKED and entry.mark:
            return self._marked_tooltip(entry.mark)
        if role == Qt.ItemDataRole.ToolTipRole and column == ADMITTED:
            return self._admitted_tooltip(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, ADMITTED):
            return _CENTER
        return None

    def _status_cell(self, entry: RosterEntry, status: AttendanceStatus, role: int) -> Any:
        chosen = entry.status is status
        if role == Qt.ItemDataRole.DisplayRole:
            return SELECTED_MARK if chosen else EMPTY_MARK
        if role == Qt.ItemDataRole.BackgroundRole and chosen:
            return COLOURS[status]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_name(status)
        return None

    def _text(self, entry: RosterEntry, row: int, column: int) -> str | None:
        mark = entry.mark
        if column == NUMBER:
            return str(row + 1)
        if column == NAME:
            return entry.participant.full_name
        if column == ORGANIZATION:
            return entry.participant.organization
        if column == MARKED and mark is not None:
            text = f"{mark.marked_at:%H:%M} · {source_name(mark.source)}"
            return f"{text} {NOTE_SIGN}" if mark.note else text
        if column == ADMITTED:
            return f"{entry.admitted_at:%H:%M}" if entry.admitted_at else "—"
        return None

    def _admitted_tooltip(self, entry: RosterEntry) -> str:
        if entry.admitted_at is None:
            return self.tr("Not admitted at the desk that day")
        return f"{entry.admitted_at:%d.%m.%Y %H:%M} · {entry.admitted_desk or ''}"

    def _marked_tooltip(self, mark: MarkInfo) -> str:
        who = ", ".join(part for part in (mark.operator, mark.device_name) if part)
        text = f"{mark.marked_at:%d.%m.%Y %H:%M:%S} · {source_name(mark.source)} · {who}"
        return f"{text}\n{mark.note}" if mark.note else text


def _haystack(entry: RosterEntry) -> str:
    person = entry.participant
    return fold(
        " ".join(part or "" for part in (person.full_name, person.organization, person.phone))
    )
