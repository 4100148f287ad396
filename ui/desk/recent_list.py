"""The last scans, newest first, tinted like the result panel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from smm_event.domain.checkin import CheckinOutcome, CheckinResult, ScanRecord
from ui.desk.verdicts import Tone, result_headline, time_text, tone_of

MAX_ITEMS = 30
_TINTS = {Tone.ADMITTED: "#dff3e4", Tone.REPEAT: "#fff1c2", Tone.REFUSED: "#fbdada"}


class RecentList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add_outcome(self, outcome: CheckinOutcome) -> None:
        self._insert(0, outcome.scanned_at, outcome.result, outcome.participant_name, outcome.desk)

    def show_records(self, records: tuple[ScanRecord, ...]) -> None:
        """Today's scans from the workspace (when the desk opens)."""
        self.clear()
        for record in records:
            try:
                result = CheckinResult(record.result)
            except ValueError:  # a code from a newer version, received by sync
                result = CheckinResult.FORGED_OR_UNREADABLE
            self._insert(
                self.count(), record.scanned_at, result, record.participant_name, record.desk
            )

    def results(self) -> list[str]:
        """The result codes shown, newest first."""
        return [str(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())]

    def _insert(
        self, row: int, at: dt.datetime, result: CheckinResult, name: str | None, desk: str
    ) -> None:
        who = name or self.tr("unknown code")
        item = QListWidgetItem(f"{time_text(at)}  {result_headline(result)} — {who} ({desk})")
        item.setBackground(QColor(_TINTS[tone_of(result)]))
        item.setForeground(QColor("#1b1b1b"))
        item.setData(Qt.ItemDataRole.UserRole, result.value)
        self.insertItem(row, item)
        while self.count() > MAX_ITEMS:
            self.takeItem(self.count() - 1)
