"""One line for each error code the core raises, for the CLI. (The GUI has its own translated
sentences in ui/.) Unknown codes still print, with their parameters."""

from __future__ import annotations

from smm_event.errors import UserError

MESSAGES: dict[str, str] = {
    "no_event": "this workspace has no event yet: run `smm-event init --event FILE.toml` or `smm-event demo`",
    "workspace_is_folder": "the workspace path {path} is a folder; give a file name such as event.sqlite3",
    "workspace_unwritable": "cannot create the workspace at {path}: {reason}",
    "workspace_damaged": "the workspace {path} is damaged or not a workspace ({reason}); restore a copy from its backups/ folder",
    "workspace_damaged_backup": "the workspace {path} is damaged ({reason}); nothing was changed: restore the backup {backup} (copy it over the damaged file)",
    "workspace_disk_full": "the disk holding {path} is full: nothing was saved, the workspace is as before; free some space and try again",
    "workspace_read_only": "cannot write to {path} (read-only folder or disk: {reason}); nothing was saved, the workspace is as before",
    "workspace_from_newer_version": "the workspace {path} was made by a newer smm-event; update the program",
    "workspace_not_empty": "the workspace {path} already has an event; choose another --workspace or add --replace",
    "other_event_in_workspace": "this workspace belongs to the event «{existing}», not «{new}»; use another --workspace",
    "file_not_found": "file not found: {path}",
    "unreadable_file": "cannot read {path}: {reason}",
    "empty_file": "the file {path} has no rows",
    "unsupported_file": "unsupported file type {path}: use .csv, .tsv, .txt or .xlsx",
    "no_name_columns": "{path} has no surname/first name or ФИО column",
    "bad_schedule": "schedule error at {where}: {reason}",
    "bad_phase": "unknown test phase {phase!r}: use entry or exit",
    "no_streams": "the event has no streams; add them to the schedule file and run init again",
    "no_such_stream": "there is no stream {number}",
    "bad_stream_number": "stream numbers start at 1 (got {number})",
    "participant_not_found": "no participant with id {participant}",
    "bad_participant_id": "{value!r} is not a participant id (a UUID, see `roster list --json`)",
    "bad_date": "{value!r} is not a date (use YYYY-MM-DD)",
    "gui_unavailable": "the desktop application cannot start: {reason}",
    "keys_exist": "the event already has a signing key; use `smm-event keys rotate` for a new one",
    "no_signing_key": "this laptop has only the public keys: it verifies badges but cannot issue them; print badges on the organizer's laptop",
    "wrong_passphrase": "wrong passphrase for the signing key",
    "weak_passphrase": "the passphrase is too easy to guess: use at least {min_length} characters, best three or four unrelated words",
    "damaged_key": "the signing key is damaged; restore the workspace from a backup or rotate keys",
    "file_too_large": "{path} is too large: more than {megabytes} MB of content once unpacked; nothing was read (is it the right file?)",
    "file_too_many_entries": "{path} holds more than {entries} files inside; it is not a file this program makes, nothing was read",
    "file_too_many_rows": "{path} has more than {rows} rows; split it into smaller files, nothing was read",
    "file_too_many_cells": "{path} has more than {cells} cells (or one row wider than a spreadsheet can be); delete the empty columns and rows, nothing was read",
    "participant_name_required": "a participant needs a surname and a first name",
    "bad_name": "{value!r} is not a name (digits or signs in it)",
    "bad_gender": "{value!r} is not a gender: use male, female or nothing",
    "bad_score": "{value!r} is not a score from 0 to 100",
    "withdrawal_reason_required": "say why the participant withdrew (--reason)",
    "session_title_required": "a session needs a title",
    "session_ends_before_start": "the session ends ({end}) before it starts ({start})",
    "sessions_overlap": "the session would overlap «{other}» at {start} the same day",
    "bad_session_kind": "unknown session kind «{kind}»: use theory or practice",
    "not_a_stream_day": "stream {stream} has no training day on {day}",
    "stream_reason_required": "say why the participant moves to another stream",
    "participant_withdrawn": "the participant withdrew; take them back before placing them",
    "field_too_long": "{entity} {field}: at most {limit} characters; shorten it (nothing was saved)",
    "role_cannot_write": "this laptop is enrolled as {roles}: it may not write {entity} records (the organizer's laptop does); nothing was saved",
    "field_invalid": "{entity} {field}: the value is not allowed ({problem}); nothing was saved",
    "not_found": "not found: it is no longer in the workspace",
    "invalid_input": "the input cannot be used; check the values given",
    "camera_unavailable": "the camera cannot be opened: check the cable or choose another camera",
    "camera_lost": "the camera stopped sending pictures (unplugged?)",
    "passphrase_required": "give the key passphrase with --passphrase-file FILE or SMM_EVENT_KEY_PASSPHRASE",
    "new_passphrase_required": "give the new key's passphrase with --new-passphrase-file FILE or SMM_EVENT_NEW_KEY_PASSPHRASE",
}


def register_messages(messages: dict[str, str]) -> None:
    """Each command module adds the lines for its own codes, next to the commands."""
    MESSAGES.update(messages)


# The same code without a location: the problem is with the file as a whole.
_WITHOUT_WHERE = {"bad_schedule": "the schedule file is not valid: {reason}"}


def message_for(error: UserError) -> str:
    template = MESSAGES.get(error.code)
    if not error.params.get("where", True) and error.code in _WITHOUT_WHERE:
        template = _WITHOUT_WHERE[error.code]
    if template is None:
        return str(error)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError):
        return str(error)
