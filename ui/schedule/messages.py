"""A schedule file's problem as one sentence an organizer can act on: which line, what is
wrong there and how to write it (the reason codes are listed in docs/schedule-format.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smm_event.errors import UserError
from ui.i18n import fill


def _reasons() -> dict[str, str]:
    # Built on each call so the sentences follow the language installed at that moment.
    return {
        "file_not_found": QCoreApplication.translate(
            "ScheduleErrors", "The file was not found. Check the name and the folder."
        ),
        "unreadable": QCoreApplication.translate(
            "ScheduleErrors", "The file cannot be read ({detail})."
        ),
        "not_utf8": QCoreApplication.translate(
            "ScheduleErrors",
            "The file is not saved as UTF-8. In Notepad choose «Save as» and the UTF-8 encoding.",
        ),
        "toml_syntax": QCoreApplication.translate(
            "ScheduleErrors",
            "The line is not written correctly: check the quotes, the «=» sign and the "
            "square brackets.",
        ),
        "missing_field": QCoreApplication.translate(
            "ScheduleErrors", "The field «{field}» is missing: add it."
        ),
        "empty_value": QCoreApplication.translate(
            "ScheduleErrors", "The field «{field}» is empty: fill it in."
        ),
        "bad_type": QCoreApplication.translate(
            "ScheduleErrors", "This value has the wrong form: text goes in double quotes."
        ),
        "unknown_field": QCoreApplication.translate(
            "ScheduleErrors", "The field «{field}» is unknown: check its spelling."
        ),
        "unknown_timezone": QCoreApplication.translate(
            "ScheduleErrors", "«{value}» is not a time zone; write, e.g., Europe/Moscow."
        ),
        "bad_year": QCoreApplication.translate(
            "ScheduleErrors", "The year «{value}» must be a whole number such as 2026."
        ),
        "date_outside_year": QCoreApplication.translate(
            "ScheduleErrors", "The date {value} is not in the year {year}."
        ),
        "no_streams": QCoreApplication.translate(
            "ScheduleErrors", "The schedule has no streams: add a [[streams]] block."
        ),
        "bad_number": QCoreApplication.translate(
            "ScheduleErrors", "The stream number «{value}» must be a whole number from 1."
        ),
        "duplicate_stream_number": QCoreApplication.translate(
            "ScheduleErrors", "Stream number {value} is used twice."
        ),
        "bad_level": QCoreApplication.translate(
            "ScheduleErrors", "The level «{value}» must be a whole number from 1."
        ),
        "bad_capacity": QCoreApplication.translate(
            "ScheduleErrors", "The capacity «{value}» must be a whole number from 1 to 10000."
        ),
        "bad_colour": QCoreApplication.translate(
            "ScheduleErrors", "The colour «{value}» must be written as # and six hex digits."
        ),
        "no_days": QCoreApplication.translate(
            "ScheduleErrors", "A stream has no days: add a [[streams.days]] block."
        ),
        "bad_date": QCoreApplication.translate(
            "ScheduleErrors", "«{value}» is not a date; write it as 2026-05-12."
        ),
        "duplicate_day": QCoreApplication.translate(
            "ScheduleErrors", "The date {value} appears twice in one stream."
        ),
        "no_sessions": QCoreApplication.translate(
            "ScheduleErrors", "A day has no sessions: add a [[streams.days.sessions]] block."
        ),
        "bad_time": QCoreApplication.translate(
            "ScheduleErrors", '«{value}» is not a time; write it as "10:00".'
        ),
        "end_before_start": QCoreApplication.translate(
            "ScheduleErrors", "The session ends ({end}) before it starts ({start})."
        ),
        "overlapping_sessions": QCoreApplication.translate(
            "ScheduleErrors", "This session overlaps the previous one of the same day."
        ),
        "bad_kind": QCoreApplication.translate(
            "ScheduleErrors", '«{value}» is not a session kind; write "theory" or "practice".'
        ),
    }


def schedule_error_text(error: UserError) -> str:
    params = {key: ("" if value is None else value) for key, value in error.params.items()}
    template = _reasons().get(str(params.get("reason")))
    sentence = (
        fill(template, **params)
        if template
        else fill(
            QCoreApplication.translate("ScheduleErrors", "The schedule is not valid ({reason})."),
            reason=params.get("reason", ""),
        )
    )
    line = params.get("line")
    if line:
        head = fill(
            QCoreApplication.translate(
                "ScheduleErrors", "The schedule file has a mistake on line {line}:"
            ),
            line=line,
        )
    else:
        head = QCoreApplication.translate("ScheduleErrors", "The schedule file has a mistake:")
    return f"{head}\n{sentence}"
