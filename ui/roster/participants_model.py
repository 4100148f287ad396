"""Table model over the participants the core returned (already in Russian alphabetical order)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from smm_event.domain.participants import ParticipantInfo
from smm_event.text.folding import sort_key
from ui.common.formatting import format_score
from ui.i18n import fill

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "number",
    "surname",
    "first_name",
    "patronymic",
    "organization",
    "region",
    "phone",
    "stream",
    "entry_score",
)
NUMBER, SURNAME, FIRST_NAME, PATRONYMIC, ORGANIZATION, REGION, PHONE, STREAM, SCORE = range(9)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_WITHDRAWN = QBrush(QColor("#8a8a8a"))  # still listed, visibly out of the counts


def _text_key(value: str | None) -> tuple[bool, str]:
    return (not value, sort_key(value or ""))  # empty cells last


def _number_key(value: float | None) -> tuple[bool, float]:
    return (value is None, value or 0.0)


_SORT_KEYS: dict[int, Callable[[ParticipantInfo], Any]] = {
    SURNAME: lambda p: (sort_key(p.surname), sort_key(p.first_name), sort_key(p.patronymic or "")),
    FIRST_NAME: lambda p: _text_key(p.first_name),
    PATRONYMIC: lambda p: _text_key(p.patronymic),
    ORGANIZATION: lambda p: _text_key(p.organization),
    REGION: lambda p: _text_key(p.region),
    PHONE: lambda p: _text_key(p.phone),
    STREAM: lambda p: (p.stream_number is None, p.stream_number or 0),
    SCORE: lambda p: _number_key(p.entry_score),
}


class ParticipantsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._core_order: tuple[ParticipantInfo, ...] = ()
        self._rows: list[ParticipantInfo] = []
        self._colours: dict[int, QColor] = {}
        self._sort = (NUMBER, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[ParticipantInfo]) -> None:
        """New query results, shown in the order the user last chose by clicking a header."""
        self.beginResetModel()
        self._core_order = tuple(rows)
        self._rows = self._sorted()
        self.endResetModel()

    def set_stream_colours(self, colours: Mapping[int, str]) -> None:
        self._colours = {number: QColor(colour) for number, colour in colours.items()}

    def participant(self, row: int) -> ParticipantInfo:
        return self._rows[row]

    def rows(self) -> tuple[ParticipantInfo, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, SCORE):
            return _RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and column == STREAM:
            return _CENTER
        if role == Qt.ItemDataRole.DecorationRole and column == STREAM:
            return self._colours.get(person.stream_number or 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long text is elided at 1366 px; the whole of it is one hover away.
            if person.withdrawn:
                return fill(self.tr("Withdrew: {reason}"), reason=person.withdrawal_reason or "")
            return self._display(person, index.row(), column) or None
        if role == Qt.ItemDataRole.ForegroundRole and person.withdrawn:
            return _WITHDRAWN
        return None

    def _display(self, person: ParticipantInfo, row: int, column: int) -> str:
        values = {
            NUMBER: str(row + 1),
            SURNAME: person.surname,
            FIRST_NAME: person.first_name,
            PATRONYMIC: person.patronymic or "",
            ORGANIZATION: person.organization or "",
            REGION: person.region or "",
            PHONE: person.phone or "",
            STREAM: self._stream(person),
            SCORE: format_score(person.entry_score),
        }
        return values[column]

    def _stream(self, person: ParticipantInfo) -> str:
        if person.withdrawn:
            return self.tr("withdrew")
        return "" if person.stream_number is None else str(person.stream_number)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == SCORE:
            return self.tr("Entry test score")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("No."),
            self.tr("Surname"),
            self.tr("First name"),
            self.tr("Patronymic"),
            self.tr("Organization"),
            self.tr("Region"),
            self.tr("Phone"),
            self.tr("Stream"),
            self.tr("Score"),
        )
        return titles[section]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Russian order (ё with е) for text columns; the № column restores the core's order."""
        self._sort = (column, order)
        # A reset rather than a layout change: no persistent index may point at a moved row.
        self.beginResetModel()
        self._rows = self._sorted()
        self.endResetModel()

    def _sorted(self) -> list[ParticipantInfo]:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        key = _SORT_KEYS.get(column)
        if key is None:
            return list(reversed(self._core_order)) if descending else list(self._core_order)
        return sorted(self._core_order, key=key, reverse=descending)
