"""The history tab: every change to one person, newest first, from the change log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from smm_event.domain.participants import HistoryEntry
from ui.common.formatting import format_score, short_date
from ui.roster.import_texts import field_names


def _kinds() -> dict[str, str]:
    return {
        "created": QCoreApplication.translate("History", "added"),
        "changed": QCoreApplication.translate("History", "changed"),
        "withdrawn": QCoreApplication.translate("History", "withdrew"),
        "reinstated": QCoreApplication.translate("History", "taken back"),
        "merged": QCoreApplication.translate("History", "merged into another record"),
        "merged_in": QCoreApplication.translate("History", "a duplicate merged into this person"),
        "unmerged": QCoreApplication.translate("History", "merge undone"),
        "checkin_override": QCoreApplication.translate("History", "let in on another stream's day"),
    }


def _extra_fields() -> dict[str, str]:
    return {
        "stream": QCoreApplication.translate("History", "Stream"),
        "withdrawn": QCoreApplication.translate("History", "Withdrew"),
        "withdrawal_reason": QCoreApplication.translate("History", "Reason"),
        "merged_with": QCoreApplication.translate("History", "The other record"),
        "merge_reason": QCoreApplication.translate("History", "Reason"),
        "badge_version": QCoreApplication.translate("History", "Badge version"),
        "accelerator_track": QCoreApplication.translate("History", "Accelerator track"),
        "override_reason": QCoreApplication.translate("History", "Reason"),
        "override_by": QCoreApplication.translate("History", "Allowed by"),
    }


def value_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        yes = QCoreApplication.translate("History", "yes")
        return yes if value else QCoreApplication.translate("History", "no")
    if isinstance(value, float):
        return format_score(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return short_date(value)
    return str(value)


def local_time(moment: dt.datetime) -> str:
    """A UTC instant in this laptop's time, as the organizer reads the clock."""
    stamp = QDateTime.fromSecsSinceEpoch(
        int(moment.replace(tzinfo=dt.UTC).timestamp()), QTimeZone.utc()
    ).toLocalTime()
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Laptop"),
                self.tr("What"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # When, laptop and field are short: shown whole; before/after share the rest, elided
        # with the full text in the tooltip.
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def show_entries(self, entries: Sequence[HistoryEntry]) -> None:
        names = {**field_names(), **_extra_fields()}
        kinds = _kinds()
        rows: list[tuple[str, str, str, str, str]] = []
        for entry in reversed(entries):
            when, device = local_time(entry.at), entry.device
            if not entry.changes or entry.kind != "changed":
                rows.append((when, device, kinds.get(entry.kind, entry.kind), "", ""))
            if entry.kind == "created":
                continue  # every field of the first record: the form shows them already
            for change in entry.changes:
                what = names.get(change.field, change.field)
                rows.append(
                    (when, device, what, value_text(change.before), value_text(change.after))
                )
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
