"""The last scans, newest first, tinted like the result panel. An admission can be annulled
from here (right click or «Аннулировать…»): ``annul_requested(checkin_id, name)``."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from smm_event.domain.checkin import CheckinOutcome, CheckinResult, ScanRecord
from ui.desk.verdicts import Tone, result_headline, time_text, tone_of

MAX_ITEMS = 30
_TINTS = {Tone.ADMITTED: "#dff3e4", Tone.REPEAT: "#fff1c2", Tone.REFUSED: "#fbdada"}
_ANNULLED_TINT = "#e4e4e4"
_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class RecentList(QListWidget):
    annul_requested = Signal(object, str)  # check-in id, the person's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def add_outcome(self, outcome: CheckinOutcome) -> None:
        self._insert(
            0,
            outcome.scanned_at,
            outcome.result,
            outcome.participant_name,
            outcome.desk,
            outcome.checkin_id,
            outcome.method.value == "override",
        )

    def selected_annullable(self) -> tuple[uuid.UUID, str] | None:
        """The selected admission that can still be annulled, with the person's name."""
        item = self.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) != CheckinResult.ADMITTED.value:
            return None
        checkin_id = item.data(_ID_ROLE)
        if not isinstance(checkin_id, uuid.UUID):
            return None
        return checkin_id, str(item.data(_NAME_ROLE) or "")

    def mark_annulled(self, checkin_id: uuid.UUID) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(_ID_ROLE) == checkin_id:
                self._show_annulled(item)

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is None:
            return
        self.setCurrentItem(item)
        chosen = self.selected_annullable()
        if chosen is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Annul this check-in…"))
        action.triggered.connect(lambda: self.annul_requested.emit(*chosen))
        menu.popup(self.viewport().mapToGlobal(position))

    def show_records(self, records: tuple[ScanRecord, ...]) -> None:
        """Today's scans from the workspace (when the desk opens)."""
        self.clear()
        for record in records:
            try:
                result = CheckinResult(record.result)
            except ValueError:  # a code from a newer version, received by sync
                result = CheckinResult.FORGED_OR_UNREADABLE
            self._insert(
                self.count(),
                record.scanned_at,
                result,
                record.participant_name,
                record.desk,
                record.id,
                record.method == "override",
            )
            if record.annulled:
                self._show_annulled(self.item(self.count() - 1))

    def results(self) -> list[str]:
        """The result codes shown, newest first."""
        return [str(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())]

    def _show_annulled(self, item: QListWidgetItem) -> None:
        if not item.text().startswith("✗"):
            item.setText("✗ " + item.text() + " — " + self.tr("annulled"))
        item.setBackground(QColor(_ANNULLED_TINT))
        item.setData(Qt.ItemDataRole.UserRole, "annulled")

    def _insert(
        self,
        row: int,
        at: dt.datetime,
        result: CheckinResult,
        name: str | None,
        desk: str,
        checkin_id: uuid.UUID,
        override: bool = False,
    ) -> None:
        who = name or self.tr("unknown code")
        text = f"{time_text(at)}  {result_headline(result)} — {who} ({desk})"
        if override:
            text += " — " + self.tr("let in by the organizer")
        item = QListWidgetItem(text)
        item.setBackground(QColor(_TINTS[tone_of(result)]))
        item.setForeground(QColor("#1b1b1b"))
        item.setData(Qt.ItemDataRole.UserRole, result.value)
        item.setData(_ID_ROLE, checkin_id)
        item.setData(_NAME_ROLE, name or "")
        self.insertItem(row, item)
        while self.count() > MAX_ITEMS:
            self.takeItem(self.count() - 1)
