"""The needs-attention list of the Sync screen, and the sentences for sync's error codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from smm_event.domain.sync import AttentionItem, AttentionKind
from smm_event.errors import UserError
from ui.common.formatting import short_date
from ui.errors import readable_error_params, register_sentences, user_error_message
from ui.i18n import fill
from ui.trust_words import entity_word, reason_word


def kind_text(kind: AttentionKind) -> str:
    texts = {
        AttentionKind.ADMITTED_WITH_REPLACED_BADGE: QCoreApplication.translate(
            "SyncAttention", "Admitted with a replaced badge"
        ),
        AttentionKind.REPLACED_BADGE_SCANNED: QCoreApplication.translate(
            "SyncAttention", "Replaced badge scanned"
        ),
        AttentionKind.DUPLICATE_ADMISSION: QCoreApplication.translate(
            "SyncAttention", "Admitted twice the same day"
        ),
        AttentionKind.POSSIBLE_DUPLICATE_WALK_IN: QCoreApplication.translate(
            "SyncAttention", "Walk-in may already be on the roster"
        ),
        AttentionKind.CLOCK_OUTSIDE_EVENT: QCoreApplication.translate(
            "SyncAttention", "Laptop clock outside the event's dates"
        ),
        AttentionKind.CLOCK_BEHIND: QCoreApplication.translate(
            "SyncAttention", "Laptop clock behind the others"
        ),
        AttentionKind.CLOCK_AHEAD: QCoreApplication.translate(
            "SyncAttention", "Laptop clock ahead of this one"
        ),
        AttentionKind.CLOCK_SKEW_AT_SYNC: QCoreApplication.translate(
            "SyncAttention", "This laptop's clock differs from the server's"
        ),
        AttentionKind.CONFLICTING_MARKS: QCoreApplication.translate(
            "SyncAttention", "Different marks on different laptops"
        ),
        AttentionKind.CONFLICTING_SELECTION: QCoreApplication.translate(
            "SyncAttention", "Different accelerator decisions on different laptops"
        ),
        AttentionKind.SELECTION_OVER_LIMIT: QCoreApplication.translate(
            "SyncAttention", "More people in the accelerator than places"
        ),
        AttentionKind.QUARANTINED: QCoreApplication.translate(
            "SyncAttention", "Records received and not applied"
        ),
    }
    return texts.get(kind, kind.value)


def detail_text(item: AttentionItem) -> str:
    details = item.details
    kind = item.kind
    if kind in (AttentionKind.ADMITTED_WITH_REPLACED_BADGE, AttentionKind.REPLACED_BADGE_SCANNED):
        return fill(
            QCoreApplication.translate(
                "SyncAttention", "badge version {old}, current {current}; desk {desk}"
            ),
            old=details.get("badge_version"),
            current=details.get("current_version"),
            desk=details.get("desk"),
        )
    if kind is AttentionKind.DUPLICATE_ADMISSION:
        return ", ".join(
            f"{scan.get('desk')} {_clock_time(scan.get('scanned_at'))}"
            for scan in details.get("scans", [])
        )
    if kind is AttentionKind.POSSIBLE_DUPLICATE_WALK_IN:
        how = {
            "phone": QCoreApplication.translate("SyncAttention", "phone"),
            "email": QCoreApplication.translate("SyncAttention", "e-mail"),
            "name": QCoreApplication.translate("SyncAttention", "name"),
        }
        return fill(
            QCoreApplication.translate("SyncAttention", "like {name} (same {how})"),
            name=details.get("other_name") or "",
            how=", ".join(how.get(key, key) for key in details.get("matched_by", [])),
        )
    if kind in (AttentionKind.CLOCK_BEHIND, AttentionKind.CLOCK_AHEAD):
        return fill(
            QCoreApplication.translate("SyncAttention", "{records} record(s), up to {minutes} min"),
            records=details.get("records"),
            minutes=details.get("max_minutes"),
        )
    if kind is AttentionKind.CLOCK_OUTSIDE_EVENT:
        earliest, latest = details.get("earliest"), details.get("latest")
        dates = " – ".join(
            short_date(d.date()) for d in (earliest, latest) if isinstance(d, dt.datetime)
        )
        return fill(
            QCoreApplication.translate("SyncAttention", "{records} check-in(s) dated {dates}"),
            records=details.get("records"),
            dates=dates,
        )
    if kind is AttentionKind.CLOCK_SKEW_AT_SYNC:
        return fill(
            QCoreApplication.translate("SyncAttention", "{minutes} min"),
            minutes=details.get("minutes"),
        )
    if kind is AttentionKind.CONFLICTING_MARKS:
        return fill(
            QCoreApplication.translate("SyncAttention", "current: {status}"),
            status=details.get("current_status"),
        )
    if kind is AttentionKind.CONFLICTING_SELECTION:
        return fill(
            QCoreApplication.translate("SyncAttention", "current: {decision}"),
            decision=details.get("current_decision"),
        )
    if kind is AttentionKind.SELECTION_OVER_LIMIT:
        return fill(
            QCoreApplication.translate(
                "SyncAttention", "{count} of {allowed} allowed; save the selection again"
            ),
            count=details.get("count"),
            allowed=details.get("allowed"),
        )
    if kind is AttentionKind.QUARANTINED:
        entities = details.get("entities") or []
        return fill(
            QCoreApplication.translate("SyncAttention", "{count} record(s): {reason} ({what})"),
            count=details.get("count"),
            reason=reason_word(str(details.get("reason", ""))),
            what=", ".join(entity_word(str(entity)) for entity in entities),
        )
    return ""


def _clock_time(moment: object) -> str:
    """A stored naive-UTC instant as this computer's wall time."""
    if not isinstance(moment, dt.datetime):
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")


# The details column takes what is left: the whole table fits a 1366-px screen.
COLUMN_LIMITS = (210, 200, 50)


class AttentionTable(QTableWidget):
    # A possible-duplicate row was double-clicked: the duplicates list should open.
    duplicates_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self._kinds: list[AttentionKind] = []
        self.doubleClicked.connect(self._double_clicked)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncAttention", "What"),
                QCoreApplication.translate("SyncAttention", "Who"),
                QCoreApplication.translate("SyncAttention", "Day"),
                QCoreApplication.translate("SyncAttention", "Details"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def kind_at(self, row: int) -> AttentionKind | None:
        return self._kinds[row] if 0 <= row < len(self._kinds) else None

    def selected_is_duplicate(self) -> bool:
        """Whether the current row is a walk-in that may already be on the roster."""
        return self.kind_at(self.currentRow()) is AttentionKind.POSSIBLE_DUPLICATE_WALK_IN

    def _double_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if self.kind_at(index.row()) is AttentionKind.POSSIBLE_DUPLICATE_WALK_IN:
            self.duplicates_requested.emit()

    def show_items(self, items: Sequence[AttentionItem]) -> None:
        self._kinds = [item.kind for item in items]
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            laptops = ", ".join(item.device_names)
            details = detail_text(item)
            if (
                item.participant_name
                and laptops
                and item.kind is not AttentionKind.DUPLICATE_ADMISSION
            ):
                details = f"{laptops}: {details}" if details else laptops
            cells = (
                kind_text(item.kind),
                item.participant_name or laptops,  # clock items name the laptop
                item.day.strftime("%d.%m") if item.day else "",
                details,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.record_ids)
                self.setItem(row, column, cell)
        self.resizeColumnsToContents()
        for column, widest in enumerate(COLUMN_LIMITS):
            self.setColumnWidth(column, min(self.columnWidth(column), widest))


@register_sentences
def _sync_messages() -> dict[str, str]:
    return {
        "no_central_url": QCoreApplication.translate(
            "SyncAttention", "Enter the central database's address first."
        ),
        "bad_central_url": QCoreApplication.translate(
            "SyncAttention",
            "«{url}» is not a database address. Example: postgresql://smm@server:5432/event",
        ),
        "central_auth_failed": QCoreApplication.translate(
            "SyncAttention",
            "The server refused the user name or password. Check them and try again.",
        ),
        "central_no_database": QCoreApplication.translate(
            "SyncAttention", "The server has no such database. Ask the administrator to create it."
        ),
        "central_unreachable": QCoreApplication.translate(
            "SyncAttention",
            "The server cannot be reached ({reason}). Check the network "
            "and the address; meanwhile everything keeps working "
            "offline.",
        ),
        "central_connection_lost": QCoreApplication.translate(
            "SyncAttention",
            "The connection was lost. Press Sync again: it continues "
            "where it stopped, nothing is lost.",
        ),
        "central_from_newer_version": QCoreApplication.translate(
            "SyncAttention",
            "The central database was set up by a newer version of "
            "the program. Update the program on this laptop.",
        ),
        "central_other_event": QCoreApplication.translate(
            "SyncAttention",
            "The central database holds another event ({central}), not this laptop's "
            "({ours}). Use this event's database.",
        ),
        "device_clash": QCoreApplication.translate(
            "SyncAttention",
            "This workspace is a copy of another laptop's, and syncing both would "
            "lose records. Create a new workspace on this laptop and get the "
            "event by syncing or from a file.",
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "SyncAttention",
            "The system password store is not available, so the password "
            "cannot be remembered. Enter it for each sync.",
        ),
        "bundle_not_a_bundle": QCoreApplication.translate(
            "SyncAttention", "{path} is not a sync file of this program."
        ),
        "bundle_damaged": QCoreApplication.translate(
            "SyncAttention",
            "The sync file is damaged ({reason}); nothing was imported. Export it again.",
        ),
        "bundle_newer_version": QCoreApplication.translate(
            "SyncAttention",
            "The sync file was made by a newer version of the program. "
            "Update the program on this laptop.",
        ),
        "bundle_other_event": QCoreApplication.translate(
            "SyncAttention",
            "The sync file belongs to another event ({event}), not this laptop's ({ours}); "
            "nothing was imported.",
        ),
        "bundle_conflicts": QCoreApplication.translate(
            "SyncAttention",
            "The sync file contradicts this laptop's records: it is forged "
            "or comes from a copied workspace. Nothing was imported.",
        ),
        "bundle_invalid_record": QCoreApplication.translate(
            "SyncAttention",
            "Record {record} of the sync file is not valid ({entity}, {field}: {problem}); "
            "nothing was imported. Ask whoever made the file to export it again.",
        ),
        "sync_invalid_record": QCoreApplication.translate(
            "SyncAttention",
            "Sync stopped at an invalid record ({entity}, {field}: {problem}); nothing of it "
            "was saved. Tell the organizer: the laptop that wrote it needs the update.",
        ),
        "bundle_unwritable": QCoreApplication.translate(
            "SyncAttention",
            "The file {path} cannot be written ({reason}). Choose another folder or USB stick.",
        ),
    }


def sync_error_message(error: UserError) -> str:
    """A sentence for sync's own codes; anything else goes to the shell's messages."""
    template = _sync_messages().get(error.code)
    return fill(template, **readable_error_params(error)) if template else user_error_message(error)
