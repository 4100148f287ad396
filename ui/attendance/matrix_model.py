"""The attendance matrix as a table: participants x sessions, coloured, with a % column and
the per-session totals as the last rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from smm_event.domain.attendance import AttendanceMatrix, AttendanceStatus
from ui.attendance.texts import COLOURS, NOT_HELD, STATUS_ORDER, status_letter, status_name

Index = QModelIndex | QPersistentModelIndex
NAME = 0
FIRST_SESSION = 1
TOTAL_KEYS: tuple[AttendanceStatus | None, ...] = (*STATUS_ORDER, None)  # None: unmarked
_CENTER = Qt.AlignmentFlag.AlignCenter


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: AttendanceMatrix | None = None

    def set_matrix(self, matrix: AttendanceMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    @property
    def percent_column(self) -> int:
        return FIRST_SESSION + (len(self.matrix.sessions) if self.matrix else 0)

    def people_count(self) -> int:
        return len(self.matrix.rows) if self.matrix else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.rows) + len(TOTAL_KEYS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else self.percent_column + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.matrix is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME:
                return self.tr("Participant")
            if section == self.percent_column:
                return "%"
            session = self.matrix.sessions[section - FIRST_SESSION]
            return f"{session.starts_at:%d.%m}\n{session.starts_at:%H:%M}"
        if role == Qt.ItemDataRole.ToolTipRole and FIRST_SESSION <= section < self.percent_column:
            session = self.matrix.sessions[section - FIRST_SESSION]
            return f"{session.starts_at:%d.%m.%Y %H:%M} {session.title}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        row, column = index.row(), index.column()
        if row >= len(self.matrix.rows):
            return self._total(row - len(self.matrix.rows), column, role)
        line = self.matrix.rows[row]
        if column == NAME:
            return line.participant.full_name if role == Qt.ItemDataRole.DisplayRole else None
        if column == self.percent_column:
            return self._percent(line.summary.percent, role)
        status = line.cells[column - FIRST_SESSION]
        held = self.matrix.totals[column - FIRST_SESSION].held
        if role == Qt.ItemDataRole.DisplayRole:
            return status_letter(status) if status else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(COLOURS[status]) if status else (None if held else QBrush(NOT_HELD))
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_name(status)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        return None

    def _percent(self, percent: float | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if percent is None else QLocale().toString(percent, "f", 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole:
            return percent
        return None

    def _total(self, which: int, column: int, role: int) -> Any:
        assert self.matrix is not None
        key = TOTAL_KEYS[which]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and key is not None and column != NAME:
            return QBrush(COLOURS[key].lighter(110))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return _CENTER
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME:
            return fill_total(status_name(key))
        if column == self.percent_column:
            return ""
        total = self.matrix.totals[column - FIRST_SESSION]
        if not total.held and not any(total.counts.values()):
            return ""  # nothing to count yet
        if key is None:
            return str(total.unmarked) if total.held else ""
        return str(total.counts.get(key.value, 0))


def fill_total(name: str) -> str:
    return f"Σ {name}"
