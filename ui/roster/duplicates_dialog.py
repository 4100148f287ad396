"""«Возможные дубли»: pairs of people who may be one, with why (same phone, e-mail, name, or a
walk-in named like a roster person). A double click opens either person's card to fix or
withdraw the copy; «Объединить…» makes the pair one person (ui/roster/merge_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import DuplicatePair, ParticipantInfo
from smm_event.services.duplicates import find_duplicates
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill
from ui.roster.merge_dialog import MergeDialog


def reason_names() -> dict[str, str]:
    return {
        "phone": QCoreApplication.translate("Duplicates", "same phone"),
        "email": QCoreApplication.translate("Duplicates", "same e-mail"),
        "name": QCoreApplication.translate("Duplicates", "same name"),
        "walk_in_name": QCoreApplication.translate(
            "Duplicates", "registered at the door under a roster name"
        ),
    }


def describe(person: ParticipantInfo) -> str:
    details = [d for d in (person.organization, person.phone, person.email) if d]
    return " · ".join([person.full_name, *details])


class DuplicatesDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        open_person: Callable[[ParticipantInfo], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.open_person = open_person
        self.pairs: tuple[DuplicatePair, ...] = ()
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(1100, 560)
        self.label = QLabel(self.tr("Looking for people who may be entered twice…"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Maybe the same as"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        hint = QLabel(
            self.tr("Double-click a person to open their card, or pick a pair and merge it.")
        )
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_dialog: MergeDialog | None = None
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.context.run(
            find_duplicates,
            on_done=self._show,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _show(self, pairs: tuple[DuplicatePair, ...]) -> None:
        self.pairs = pairs
        names = reason_names()
        self.label.setText(
            fill(self.tr("Pairs found: {count}"), count=len(pairs))
            if pairs
            else self.tr("No possible duplicates found.")
        )
        self.table.clearSelection()
        self.table.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            why = ", ".join(names.get(reason, reason) for reason in pair.reasons)
            for column, text in enumerate((describe(pair.first), describe(pair.second), why)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def selected_pair(self) -> DuplicatePair | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.pairs[min(rows)] if rows else None

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(self.selected_pair() is not None)

    def merge_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        self.merge_dialog = MergeDialog(
            self.context,
            pair.first,
            pair.second,
            on_merged=lambda _info: self.reload(),
            parent=self,
        )
        self.merge_dialog.open()

    def _open(self, row: int, column: int) -> None:
        pair = self.pairs[row]
        self.open_person(pair.second if column == 1 else pair.first)
