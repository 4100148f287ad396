"""Translated words for attendance values, shared by the trainer page and the matrix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from smm_event.domain.attendance import AttendanceStatus, ScanOutcome
from smm_event.errors import UserError
from ui.errors import register_sentences, user_error_message
from ui.i18n import fill

STATUS_ORDER = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)
COLOURS = {
    AttendanceStatus.PRESENT: QColor("#c8e6c9"),
    AttendanceStatus.LATE: QColor("#fff59d"),
    AttendanceStatus.ABSENT: QColor("#ffcdd2"),
    AttendanceStatus.EXCUSED: QColor("#bbdefb"),
}
NOT_HELD = QColor("#eeeeee")


def status_name(status: AttendanceStatus | None) -> str:
    names = {
        AttendanceStatus.PRESENT: QCoreApplication.translate("Attendance", "Present"),
        AttendanceStatus.LATE: QCoreApplication.translate("Attendance", "Late"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("Attendance", "Absent"),
        AttendanceStatus.EXCUSED: QCoreApplication.translate("Attendance", "Excused"),
    }
    return names[status] if status else QCoreApplication.translate("Attendance", "Not marked")


def status_letter(status: AttendanceStatus) -> str:
    letters = {
        AttendanceStatus.PRESENT: QCoreApplication.translate("Attendance", "P"),
        AttendanceStatus.LATE: QCoreApplication.translate("Attendance", "L"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("Attendance", "A"),
        AttendanceStatus.EXCUSED: QCoreApplication.translate("Attendance", "E"),
    }
    return letters[status]


def source_name(source: str) -> str:
    names = {
        "click": QCoreApplication.translate("Attendance", "by hand"),
        "keyboard": QCoreApplication.translate("Attendance", "keyboard"),
        "scan": QCoreApplication.translate("Attendance", "badge scan"),
        "desk": QCoreApplication.translate("Attendance", "check-in desk"),
        "close": QCoreApplication.translate("Attendance", "when the session closed"),
        "cli": QCoreApplication.translate("Attendance", "command line"),
    }
    return names.get(source, source)


def scan_message(outcome: ScanOutcome, name: str, status: AttendanceStatus | None) -> str:
    texts = {
        ScanOutcome.MARKED: QCoreApplication.translate("Attendance", "{name}: {status}"),
        ScanOutcome.ALREADY_MARKED: QCoreApplication.translate(
            "Attendance", "{name} is already marked: {status}"
        ),
        ScanOutcome.NOT_IN_STREAM: QCoreApplication.translate(
            "Attendance", "{name} is not in this session's stream"
        ),
        ScanOutcome.BAD_BADGE: QCoreApplication.translate(
            "Attendance", "This badge is not valid here: check the person at the desk"
        ),
        ScanOutcome.SESSION_CLOSED: QCoreApplication.translate(
            "Attendance", "The session is closed: reopen it to mark {name}"
        ),
    }
    return fill(texts[outcome], name=name, status=status_name(status).lower())


@register_sentences
def _attendance_messages() -> dict[str, str]:
    return {
        "session_closed": QCoreApplication.translate(
            "Attendance", "The session is closed. Reopen it to change marks."
        ),
        "session_cancelled": QCoreApplication.translate(
            "Attendance", "This session is cancelled: nobody is marked for it."
        ),
        "not_in_stream": QCoreApplication.translate(
            "Attendance", "This person is not in the session's stream."
        ),
        "session_not_found": QCoreApplication.translate(
            "Attendance", "This session is no longer in the workspace."
        ),
        "no_sessions_that_day": QCoreApplication.translate(
            "Attendance", "The stream has no sessions on that day."
        ),
        "unsupported_export": QCoreApplication.translate(
            "Attendance", "Choose a file name ending in .xlsx or .csv."
        ),
        "cannot_write": QCoreApplication.translate(
            "Attendance", "The file {path} cannot be written: {reason}"
        ),
        "bad_attendance_setting": QCoreApplication.translate(
            "Attendance", "The event's attendance settings are wrong ({name}: {value})."
        ),
    }


def attendance_error_message(error: UserError) -> str:
    template = _attendance_messages().get(error.code)
    return fill(template, **error.params) if template else user_error_message(error)
