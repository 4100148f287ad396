"""Table models of the «Сертификаты» page: eligibility with its reasons, the dative names to
review (the dative cell is editable), and the register."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from smm_event.domain.certificates import (
    CertificateRecord,
    CertificateStatus,
    Eligibility,
    NameReview,
    Notice,
    Shortfall,
)
from ui.common.formatting import format_score
from ui.i18n import fill

Index = QModelIndex | QPersistentModelIndex
GREEN, RED, AMBER, GREY = QColor("#d8f0d8"), QColor("#f8d7da"), QColor("#fff3cd"), QColor("#eeeeee")
_CENTER = Qt.AlignmentFlag.AlignCenter
_DISPLAY = Qt.ItemDataRole.DisplayRole


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{format_score(round(value, 1))} %"


def reason_text(e: Eligibility) -> str:
    """Every reason in numbers, in the reader's language."""
    parts: list[str] = []
    for missing in e.missing:
        if missing is Shortfall.ATTENDANCE:
            parts.append(fill(
                QCoreApplication.translate("CertificateTables", "attendance {percent} is below {required} %: {short} more session(s) needed"),
                percent=percent_text(e.percent), required=format_score(e.required_percent),
                short=e.sessions_short,
            ))  # fmt: skip
        else:
            parts.append({
                Shortfall.NO_STREAM: QCoreApplication.translate("CertificateTables", "not in a stream"),
                Shortfall.NO_SESSIONS: QCoreApplication.translate("CertificateTables", "no session to count yet (none held, or all excused)"),
                Shortfall.NO_EXIT_TEST: QCoreApplication.translate("CertificateTables", "no exit test"),
                Shortfall.EXIT_SCORE: QCoreApplication.translate("CertificateTables", "exit test below the minimum score"),
            }[missing])  # fmt: skip
    if e.unmarked and Notice.UNMARKED in e.notices:
        parts.append(
            fill(
                QCoreApplication.translate("CertificateTables", "{count} session(s) not marked"),
                count=e.unmarked,
            )
        )
    if Notice.COURSE_NOT_OVER in e.notices:
        parts.append(
            fill(
                QCoreApplication.translate(
                    "CertificateTables", "{held} of {planned} sessions held so far"
                ),
                held=e.held,
                planned=e.planned,
            )
        )
    if e.override_reason:
        parts.append(
            fill(
                QCoreApplication.translate(
                    "CertificateTables", "decided by the organizer: {reason}"
                ),
                reason=e.override_reason,
            )
        )
    return "; ".join(parts)


def review_reason_text(codes: Sequence[str]) -> str:
    names = {
        "gender_unknown": QCoreApplication.translate("CertificateTables", "gender unknown"),
        "no_patronymic": QCoreApplication.translate("CertificateTables", "no patronymic"),
        "indeclinable_surname": QCoreApplication.translate(
            "CertificateTables", "surname does not decline"
        ),
        "turkic_patronymic": QCoreApplication.translate(
            "CertificateTables", "оглы/кызы patronymic"
        ),
        "unchanged_name": QCoreApplication.translate(
            "CertificateTables", "a part stayed unchanged"
        ),
    }
    return ", ".join(names.get(code, code) for code in codes)


def status_text(status: CertificateStatus) -> str:
    return {
        CertificateStatus.VALID: QCoreApplication.translate("CertificateTables", "valid"),
        CertificateStatus.VOID: QCoreApplication.translate("CertificateTables", "void"),
        CertificateStatus.REPLACED: QCoreApplication.translate("CertificateTables", "replaced"),
    }[status]


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _items(self) -> Sequence[Any]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.titles()[section]
        return None


class EligibilityModel(_Table):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Eligibility] = []
        self.numbers: Mapping[uuid.UUID, str] = {}

    def set_rows(self, rows: Sequence[Eligibility], numbers: Mapping[uuid.UUID, str]) -> None:
        self.beginResetModel()
        self.rows, self.numbers = list(rows), dict(numbers)
        self.endResetModel()

    def _items(self) -> Sequence[Any]:
        return self.rows

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Participant"), self.tr("Stream"), self.tr("Attended"), self.tr("%"),
                self.tr("Exit"), self.tr("Eligible"), self.tr("No."), self.tr("Why"))  # fmt: skip

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        e, column = self.rows[index.row()], index.column()
        if role == _DISPLAY:
            return self._display(e, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == 5:
            return AMBER if e.eligible != e.eligible_by_rule else GREEN if e.eligible else RED
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 7):
            return e.full_name if column == 0 else reason_text(e)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 3, 4, 5):
            return _CENTER
        return None

    def _display(self, e: Eligibility, column: int) -> str:
        if column == 5:
            text = self.tr("yes") if e.eligible else self.tr("no")
            return text + (" *" if e.eligible != e.eligible_by_rule else "")
        values = (
            e.full_name, "" if e.stream_number is None else str(e.stream_number),
            f"{format_score(e.attended)} / {e.expected}", percent_text(e.percent),
            format_score(e.exit_score), "", self.numbers.get(e.participant_id, ""), reason_text(e),
        )  # fmt: skip
        return values[column]


class NamesModel(_Table):
    dative_edited = Signal(object, str)  # participant id, the text typed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[NameReview] = []

    def set_rows(self, rows: Sequence[NameReview]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _items(self) -> Sequence[Any]:
        return self.rows

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Dative («выдан …»)"),
            self.tr("State"),
            self.tr("Why check"),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows[index.row()], index.column()
        if role in (_DISPLAY, Qt.ItemDataRole.EditRole):
            state = (
                self.tr("confirmed") if r.confirmed
                else self.tr("name changed: check again") if r.stale
                else self.tr("check") if r.needs_review else self.tr("suggested")
            )  # fmt: skip
            return (r.full_name, r.dative, state, review_reason_text(r.reasons))[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 2:
            return GREEN if r.confirmed else AMBER if r.needs_review else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole or not str(value).strip():
            return False
        self.dative_edited.emit(self.rows[index.row()].participant_id, str(value))
        return True


class RegisterModel(_Table):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CertificateRecord] = []

    def set_rows(self, rows: Sequence[CertificateRecord]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _items(self) -> Sequence[Any]:
        return self.rows

    def titles(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Version"), self.tr("Status"), self.tr("Name"),
                self.tr("Printed name"), self.tr("Stream"), self.tr("Issued"), self.tr("Laptop"),
                self.tr("Reason"))  # fmt: skip

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows[index.row()], index.column()
        if role == _DISPLAY:
            return (
                r.number, str(r.version), status_text(r.status), r.full_name, r.name_line,
                "" if r.stream_number is None else str(r.stream_number),
                r.issue_date.strftime("%d.%m.%Y"), r.device_name or "", r.void_reason or r.reason or "",
            )[column]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 4):
            return (r.full_name, r.name_line)[column - 3]
        if role == Qt.ItemDataRole.BackgroundRole and r.status is not CertificateStatus.VALID:
            return RED if r.status is CertificateStatus.VOID else GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 5, 6):
            return _CENTER
        return None
