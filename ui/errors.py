"""Turning errors into messages a desk clerk can act on.

A ``UserError`` from the core carries a code and parameters; here each code becomes a
translated sentence that says what happened and what to do. Anything else is a bug: it is
logged with its traceback under ``user_data_dir()/logs`` and the user sees one short message
with the log's location, never a traceback.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smm_event.errors import UserError
from smm_event.paths import user_data_dir
from ui.error_sentences import more_messages
from ui.i18n import fill
from ui.trust_words import readable_params

log = logging.getLogger(__name__)

ERROR_LOG_NAME = "gui-errors.log"


def _messages() -> dict[str, str]:
    # Built on each call so the sentences follow the language installed at that moment.
    return {
        "no_event": QCoreApplication.translate(
            "UserErrors",
            "This workspace has no event yet. Open the demo workspace, or ask the organizer "
            "for the event's workspace file.",
        ),
        "workspace_is_folder": QCoreApplication.translate(
            "UserErrors",
            "{path} is a folder, not a workspace file. Choose a file such as event.sqlite3.",
        ),
        "workspace_unwritable": QCoreApplication.translate(
            "UserErrors",
            "The workspace cannot be created at {path} ({reason}). Choose a folder you can "
            "write to, for example your Documents.",
        ),
        "workspace_damaged": QCoreApplication.translate(
            "UserErrors",
            "The file {path} is damaged or is not a workspace. Restore a copy from the "
            "backups folder next to it, or ask the organizer for a fresh copy.",
        ),
        "workspace_damaged_backup": QCoreApplication.translate(
            "UserErrors",
            "The file {path} is damaged ({reason}); nothing was changed. Restore the backup "
            "{backup}: copy it over the damaged file.",
        ),
        "workspace_disk_full": QCoreApplication.translate(
            "UserErrors",
            "The disk is full: nothing was saved, the workspace is as before. Free some space "
            "and try again.",
        ),
        "workspace_read_only": QCoreApplication.translate(
            "UserErrors",
            "The workspace {path} cannot be written: the folder or the disk is read-only. "
            "Nothing was saved; the data can still be viewed.",
        ),
        "workspace_not_empty": QCoreApplication.translate(
            "UserErrors", "The workspace {path} already holds an event. Choose another file."
        ),
        "bad_stream_number": QCoreApplication.translate(
            "UserErrors", "There is no stream number {number}."
        ),
        "no_such_stream": QCoreApplication.translate(
            "UserErrors", "There is no stream number {number}."
        ),
        "participant_not_found": QCoreApplication.translate(
            "UserErrors", "This participant is no longer in the workspace. Search for them again."
        ),
        "file_not_found": QCoreApplication.translate(
            "UserErrors", "The file {path} was not found. Check the name and the folder."
        ),
        "unreadable_file": QCoreApplication.translate(
            "UserErrors", "The file {path} cannot be read: {reason}."
        ),
        "file_too_large": QCoreApplication.translate(
            "UserErrors",
            "The file {path} is too large: unpacked it holds more than {megabytes} MB. Nothing "
            "was read. Check that this is the right file.",
        ),
        "file_too_many_entries": QCoreApplication.translate(
            "UserErrors",
            "The file {path} holds more than {entries} files inside: it is not a file of this "
            "program. Nothing was read.",
        ),
        "file_too_many_rows": QCoreApplication.translate(
            "UserErrors",
            "The file {path} has more than {rows} rows. Split it into smaller files; nothing "
            "was read.",
        ),
        "file_too_many_cells": QCoreApplication.translate(
            "UserErrors",
            "The file {path} has more than {cells} cells or an endlessly wide row. Delete the "
            "empty rows and columns in the spreadsheet; nothing was read.",
        ),
        "participant_name_required": QCoreApplication.translate(
            "UserErrors", "Fill in the surname and the first name."
        ),
        "bad_name": QCoreApplication.translate(
            "UserErrors", "«{value}» is not a name: remove the digits and signs."
        ),
        "bad_gender": QCoreApplication.translate("UserErrors", "Choose the gender from the list."),
        "bad_score": QCoreApplication.translate(
            "UserErrors", "A score must be a number from 0 to 100."
        ),
        "bad_phone": QCoreApplication.translate(
            "UserErrors", "«{value}» is not a phone number. Type 10 digits, e.g. 8 928 123-45-67."
        ),
        "bad_email": QCoreApplication.translate(
            "UserErrors", "«{value}» is not an e-mail address. Check it, e.g. name@mail.ru."
        ),
        "withdrawal_reason_required": QCoreApplication.translate(
            "UserErrors", "Write why the participant withdrew."
        ),
        "session_title_required": QCoreApplication.translate(
            "UserErrors", "Write the title of the session."
        ),
        "session_ends_before_start": QCoreApplication.translate(
            "UserErrors", "The session ends ({end}) before it starts ({start}). Check the times."
        ),
        "sessions_overlap": QCoreApplication.translate(
            "UserErrors",
            "At this time the session would overlap «{other}» ({start}). Choose another time.",
        ),
        "bad_session_kind": QCoreApplication.translate(
            "UserErrors", "Unknown kind of session «{kind}»: choose theory or practice."
        ),
        "not_a_stream_day": QCoreApplication.translate(
            "UserErrors",
            "Stream {stream} has no training day on {day}. Choose one of the stream's days.",
        ),
        "stream_reason_required": QCoreApplication.translate(
            "UserErrors", "Write why the participant moves to another stream."
        ),
        "participant_withdrawn": QCoreApplication.translate(
            "UserErrors",
            "This participant withdrew. Take them back in their card before placing them.",
        ),
        "station_not_enrolled": QCoreApplication.translate(
            "UserErrors",
            "This laptop is not enrolled in the event yet. Choose «Join an event» on the start "
            "screen and ask the organizer to approve this laptop's request.",
        ),
        "station_not_organizer": QCoreApplication.translate(
            "UserErrors",
            "Only the organizer's laptop, which holds the badge signing key, can enroll or "
            "revoke stations.",
        ),
        "station_not_found": QCoreApplication.translate(
            "UserErrors", "This station is not enrolled. Refresh the list of stations."
        ),
        "station_bad_role": QCoreApplication.translate(
            "UserErrors", "Choose at least one role for the station."
        ),
        "station_key_mismatch": QCoreApplication.translate(
            "UserErrors",
            "This laptop is already enrolled with another key. Ask it for a new request file.",
        ),
        "station_revoke_self": QCoreApplication.translate(
            "UserErrors", "The organizer's laptop cannot revoke itself."
        ),
        "join_request_invalid": QCoreApplication.translate(
            "UserErrors",
            "This file is not a join request. On the new laptop, choose «Join an event» and "
            "save a request file.",
        ),
        "join_approval_invalid": QCoreApplication.translate(
            "UserErrors",
            "This file is not a valid approval. Ask the organizer to approve the request again.",
        ),
        "join_not_for_this_laptop": QCoreApplication.translate(
            "UserErrors",
            "This approval was made for another laptop. Save a request on this laptop and ask "
            "the organizer to approve it.",
        ),
        "join_other_event": QCoreApplication.translate(
            "UserErrors",
            "This workspace already belongs to another event («{event}»). Choose a new "
            "workspace file to join.",
        ),
        "join_missing_approval": QCoreApplication.translate(
            "UserErrors", "Choose the approval file the organizer gave you."
        ),
        "file_unwritable": QCoreApplication.translate(
            "UserErrors", "The file {path} cannot be written. Choose another folder."
        ),
        "field_too_long": QCoreApplication.translate(
            "UserErrors",
            "«{field}» may have at most {limit} characters. Shorten it; nothing was saved.",
        ),
        "field_invalid": QCoreApplication.translate(
            "UserErrors",
            "«{field}» contains invisible or control characters. Type it again; nothing was saved.",
        ),
        "role_cannot_write": QCoreApplication.translate(
            "UserErrors",
            "This laptop is enrolled as {roles}: it cannot change {entity}. Ask the organizer to "
            "do it on the organizer's laptop; nothing was saved.",
        ),
        **_outcome_messages(),
        **more_messages(),
    }


def _outcome_messages() -> dict[str, str]:
    """The programme outcomes (selection, surveys, reach, the evidence pack)."""
    return {
        "bad_selection_rule": QCoreApplication.translate(
            "UserErrors",
            "The selection rule is not valid ({reason}: {value}). Check the number of places, "
            "the weights and the quotas.",
        ),
        "bad_selection_decision": QCoreApplication.translate(
            "UserErrors", "Choose whether to accept, exclude or clear the decision."
        ),
        "bad_track": QCoreApplication.translate(
            "UserErrors", "Choose the strategy track or the content track."
        ),
        "track_needs_accept": QCoreApplication.translate(
            "UserErrors", "A track can be chosen only when accepting a person."
        ),
        "reason_required": QCoreApplication.translate(
            "UserErrors", "Write the reason for the decision: the selection protocol prints it."
        ),
        "reason_too_long": QCoreApplication.translate(
            "UserErrors", "The reason is too long. Keep it under {limit} characters."
        ),
        "bad_survey_name": QCoreApplication.translate(
            "UserErrors", "Give the survey a name, for example «День 1»."
        ),
        "no_such_survey": QCoreApplication.translate(
            "UserErrors", "There is no survey named «{survey}». Import its file first."
        ),
        "bad_reach_kind": QCoreApplication.translate(
            "UserErrors", "Say whether the file holds baseline or follow-up measurements."
        ),
        "bad_funnel_step": QCoreApplication.translate(
            "UserErrors", "There is no such step of the programme: {value}."
        ),
        "bad_stage": QCoreApplication.translate(
            "UserErrors",
            "There is no such stage of the programme: {value}. Choose one of: {stages}.",
        ),
        "bad_date_range": QCoreApplication.translate(
            "UserErrors", "The stage ends ({end}) before it starts ({start}). Check the dates."
        ),
        "cannot_write": QCoreApplication.translate(
            "UserErrors",
            "Cannot write to {path} ({reason}). Choose another folder, for example on this "
            "laptop's disk.",
        ),
    }


def _field_labels() -> dict[str, str]:
    """What the forms call the fields a user can type (storage.validation names columns)."""
    return {
        "surname": QCoreApplication.translate("UserErrors", "Surname"),
        "first_name": QCoreApplication.translate("UserErrors", "First name"),
        "patronymic": QCoreApplication.translate("UserErrors", "Patronymic"),
        "organization.name": QCoreApplication.translate("UserErrors", "Organization"),
        "position": QCoreApplication.translate("UserErrors", "Position"),
        "region": QCoreApplication.translate("UserErrors", "Region"),
        "phone": QCoreApplication.translate("UserErrors", "Phone"),
        "email": QCoreApplication.translate("UserErrors", "E-mail"),
        "notes": QCoreApplication.translate("UserErrors", "Notes"),
        "desk": QCoreApplication.translate("UserErrors", "Desk"),
        "operator": QCoreApplication.translate("UserErrors", "Operator"),
        "device.name": QCoreApplication.translate("UserErrors", "Laptop name"),
        "reason": QCoreApplication.translate("UserErrors", "Reason"),
        "note": QCoreApplication.translate("UserErrors", "Note"),
        "badge_version": QCoreApplication.translate("UserErrors", "Badge version"),
        "status": QCoreApplication.translate("UserErrors", "Status"),
        "title": QCoreApplication.translate("UserErrors", "Title"),
        "room": QCoreApplication.translate("UserErrors", "Room"),
        "trainer": QCoreApplication.translate("UserErrors", "Trainer"),
        "name": QCoreApplication.translate("UserErrors", "Name"),
    }


def field_label(entity: str, field: str) -> str:
    labels = _field_labels()
    return labels.get(f"{entity}.{field}") or labels.get(field) or field


SentenceProvider = Callable[[], Mapping[str, str]]
_PROVIDERS: list[SentenceProvider] = []


def register_sentences(provider: SentenceProvider) -> SentenceProvider:
    """The error-code registry of the GUI: each screen area registers the function building
    its sentences (called at lookup, so they follow the installed language), and any screen can
    then explain any code, not only its own. Usable as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def sentence_template(code: str) -> str | None:
    """The translated sentence for ``code`` (with {placeholders}), from any area; None if none."""
    template = _messages().get(code)
    for provider in _PROVIDERS:
        if template is not None:
            break
        template = provider().get(code)
    return template


def user_error_message(error: UserError) -> str:
    if error.code == "bad_schedule":
        from ui.schedule_errors import schedule_error_text

        return schedule_error_text(error)
    template = sentence_template(error.code)
    params = readable_error_params(error)
    if template is None:
        details = ", ".join(f"{key}: {value}" for key, value in error.params.items())
        generic = QCoreApplication.translate("UserErrors", "The operation cannot be done ({code}).")
        return fill(generic, code=error.code) + (f"\n{details}" if details else "")
    return fill(template, **params)


# Codes whose parameters name entities, fields, problems or roles by their codes.
_CODED = frozenset(
    {
        "field_too_long",
        "field_invalid",
        "role_cannot_write",
        "bundle_invalid_record",
        "sync_invalid_record",
    }
)


def readable_error_params(error: UserError) -> dict[str, object]:
    params: dict[str, object] = dict(error.params)
    if error.code not in _CODED:
        return params
    if "field" in params:
        params["field"] = field_label(str(params.get("entity", "")), str(params["field"]))
    return readable_params(params)


def error_log_path() -> Path:
    return user_data_dir() / "logs" / ERROR_LOG_NAME


def log_unexpected(error: BaseException) -> Path | None:
    """Append the traceback to the error log; returns the log's path (None if unwritable)."""
    path = error_log_path()
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error %r, traceback in %s", error, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(text + "\n")
    except OSError:
        return None
    return path


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A message box for any error from a background task or a slot."""
    if isinstance(error, UserError):
        log.warning("message box for the user: %s", error.code)  # a trace of every dialog
        title = QCoreApplication.translate("UserErrors", "Attention")
        QMessageBox.warning(parent, title, user_error_message(error))
        return
    path = log_unexpected(error)
    text = QCoreApplication.translate(
        "UserErrors",
        "Something went wrong inside the program. Check that your last action was saved "
        "and try again.",
    )
    if path is not None:
        text += "\n\n" + fill(
            QCoreApplication.translate("UserErrors", "Details for the developers are in {path}"),
            path=path,
        )
    QMessageBox.critical(parent, QCoreApplication.translate("UserErrors", "Error"), text)
