"""The import dialog's two tables: the file's first rows under a row of field choosers (the
column mapping, editable), and the problems by row and column."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from smm_event.domain.participants import ImportIssue
from smm_event.importing.tabular import Record
from ui.roster.import_texts import field_names, problem_text

ModelIndex = QModelIndex | QPersistentModelIndex
SAMPLE_COLUMN_WIDTH = 150


class PreviewTable(QTableWidget):
    """Row 0 holds a field chooser per file column; the rows below are the file's first rows."""

    def __init__(self, on_mapping_changed: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._on_changed = on_mapping_changed
        self.choosers: list[QComboBox] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(SAMPLE_COLUMN_WIDTH)

    def show_file(
        self,
        header: Sequence[str],
        columns: Mapping[str, int],
        sample: Sequence[Record],
        fields: Sequence[str],
    ) -> None:
        names = field_names()
        by_index = {index: field for field, index in columns.items()}
        self.clear()
        self.choosers = []
        self.setColumnCount(len(header))
        self.setRowCount(len(sample) + 1)
        self.setHorizontalHeaderLabels(list(header))
        # Row 0 is the mapping; the others are numbered as the spreadsheet numbers them.
        self.setVerticalHeaderLabels(
            [self.tr("Field"), *(str(record.row_number) for record in sample)]
        )
        for index, text in enumerate(header):
            chooser = QComboBox()
            chooser.addItem(names[""], "")
            for field in fields:
                chooser.addItem(names[field], field)
            chooser.setCurrentIndex(max(chooser.findData(by_index.get(index, "")), 0))
            chooser.setToolTip(text)
            chooser.currentIndexChanged.connect(self._on_changed)
            self.setCellWidget(0, index, chooser)
            self.setColumnWidth(index, max(SAMPLE_COLUMN_WIDTH, chooser.sizeHint().width()))
            self.choosers.append(chooser)
        for row, record in enumerate(sample, start=1):
            for column, cell in enumerate(record.cells[: len(header)]):
                item = QTableWidgetItem(cell)
                item.setToolTip(cell)
                self.setItem(row, column, item)

    def mapping(self) -> tuple[tuple[str, int], ...]:
        chosen = []
        for index, chooser in enumerate(self.choosers):
            field = chooser.currentData()
            if field:
                chosen.append((str(field), index))
        return tuple(chosen)


class IssuesModel(QAbstractTableModel):
    """Row number, column, what is wrong, the cell's text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues: tuple[ImportIssue, ...] = ()

    def set_issues(self, issues: Sequence[ImportIssue]) -> None:
        self.beginResetModel()
        self.issues = tuple(issues)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        issue = self.issues[index.row()]
        return (
            str(issue.row_number),
            issue.column or "",
            problem_text(issue),
            issue.value or "",
        )[index.column()]
