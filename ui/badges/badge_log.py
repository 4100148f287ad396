"""The print log: who got a badge printed, when, which version, on which laptop. A reprint is a
second line for the same person, and its badge version shows whether the old badge was
replaced (version went up) or only printed again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.badges import BadgePrintEntry
from smm_event.text.folding import fold
from ui.i18n import fill

WHEN, WHO, STREAM, VERSION, LAYOUT, LAPTOP = range(6)


class PrintLogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[BadgePrintEntry, ...] = ()
        self._zone: ZoneInfo | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a person in the log"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        self.count_label = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Printed"),
                self.tr("Participant"),
                self.tr("Stream"),
                self.tr("Version"),
                self.tr("Layout"),
                self.tr("Laptop"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Stretch)
        # Laptop and layout names can be long; the participant's name matters most.
        for column, width in ((LAYOUT, 110), (LAPTOP, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def set_entries(self, entries: Sequence[BadgePrintEntry], timezone: str | None) -> None:
        self._entries = tuple(entries)
        self._zone = ZoneInfo(timezone) if timezone else None
        self._show()

    def _show(self) -> None:
        wanted = fold(self.filter.text())
        rows = [e for e in self._entries if not wanted or wanted in fold(e.participant_name or "")]
        reprinted = _reprinted(self._entries)
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            values = (
                self._when(entry.printed_at),
                entry.participant_name or str(entry.participant_id),
                "" if entry.stream_number is None else str(entry.stream_number),
                str(entry.badge_version),
                entry.layout,
                entry.device_name or str(entry.device_id),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == WHO and entry.participant_id in reprinted:
                    item.setToolTip(self.tr("Printed more than once"))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column in (STREAM, VERSION):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        text = self.tr("Badges printed: {count}, people: {people}, printed again: {again}")
        people = len({e.participant_id for e in self._entries})
        self.count_label.setText(
            fill(text, count=len(self._entries), people=people, again=len(reprinted))
        )

    def _when(self, printed_at: dt.datetime) -> str:
        # The event's zone, not the laptop's: the venue's clock is what people remember.
        moment = printed_at.replace(tzinfo=dt.UTC)
        local = moment.astimezone(self._zone) if self._zone else moment.astimezone()
        return f"{local:%d.%m.%Y %H:%M}"


def _reprinted(entries: Sequence[BadgePrintEntry]) -> set[object]:
    seen: set[object] = set()
    again: set[object] = set()
    for entry in entries:
        (again if entry.participant_id in seen else seen).add(entry.participant_id)
    return again
