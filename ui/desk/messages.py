"""Sentences for the error codes the desk meets; anything else goes to the shell's messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smm_event.errors import UserError
from ui.errors import register_sentences, user_error_message
from ui.i18n import fill


@register_sentences
def _messages() -> dict[str, str]:
    return {
        "walk_in_name_required": QCoreApplication.translate(
            "DeskMessages", "Enter at least the surname and the first name."
        ),
        "bad_phone": QCoreApplication.translate(
            "DeskMessages", "«{value}» is not a phone number. Example: +7 928 123-45-67."
        ),
        "bad_email": QCoreApplication.translate(
            "DeskMessages", "«{value}» is not an e-mail address."
        ),
        "no_session_today": QCoreApplication.translate(
            "DeskMessages",
            "No stream meets today, so a walk-in cannot join one. Ask the organizer.",
        ),
        "choose_stream": QCoreApplication.translate(
            "DeskMessages", "Several streams meet today: choose the stream."
        ),
        "stream_not_today": QCoreApplication.translate(
            "DeskMessages", "Stream {number} does not meet today."
        ),
        "no_signing_key": QCoreApplication.translate(
            "DeskMessages",
            "This laptop cannot print badges: it holds only the keys that check badges, not "
            "the key that signs them (so that a lost laptop cannot be used to forge badges). "
            "Ask the organizer to reprint the badge on their laptop. Meanwhile, check the "
            "person in by search.",
        ),
        "annul_reason_required": QCoreApplication.translate(
            "DeskMessages", "Write why the check-in is annulled: the organizers will see it."
        ),
        "annul_reason_too_long": QCoreApplication.translate(
            "DeskMessages", "The reason is too long: at most {max_length} characters."
        ),
        "checkin_not_found": QCoreApplication.translate(
            "DeskMessages", "This check-in is not in the workspace. Refresh the list of scans."
        ),
        "bad_checkin_id": QCoreApplication.translate(
            "DeskMessages", "This check-in is not in the workspace. Refresh the list of scans."
        ),
        "checkin_not_admitted": QCoreApplication.translate(
            "DeskMessages", "This scan admitted nobody, so there is nothing to annul."
        ),
        "checkin_already_annulled": QCoreApplication.translate(
            "DeskMessages", "This check-in was already annulled."
        ),
        "admission_override_reason_required": QCoreApplication.translate(
            "DeskMessages", "Write why the person is let in: the organizers will see it."
        ),
        "override_reason_too_long": QCoreApplication.translate(
            "DeskMessages", "The reason is too long: at most {max_length} characters."
        ),
        "override_approver_required": QCoreApplication.translate(
            "DeskMessages",
            "This laptop is not the organizer's: write the name of the organizer who allowed "
            "it (call them if they are not here).",
        ),
        "override_not_needed": QCoreApplication.translate(
            "DeskMessages",
            "No exception is needed: the person's stream meets today (or they have no stream, "
            "ask the organizer to assign one). Scan the badge again.",
        ),
        "signing_key_retired": QCoreApplication.translate(
            "DeskMessages",
            "The signing key was replaced. Reprint again and enter the passphrase of the new key.",
        ),
        "wrong_passphrase": QCoreApplication.translate(
            "DeskMessages", "Wrong passphrase. The badge was not reissued."
        ),
        "camera_unavailable": QCoreApplication.translate(
            "DeskMessages",
            "The camera cannot be opened. Check that it is plugged in and not used by another "
            "program. The scanner and the search keep working.",
        ),
        "camera_lost": QCoreApplication.translate(
            "DeskMessages",
            "The camera stopped sending pictures (unplugged?). Plug it in and turn it on "
            "again. The scanner and the search keep working.",
        ),
        "camera_error": QCoreApplication.translate(
            "DeskMessages",
            "The camera failed. Turn it on again or choose another one. The scanner and the "
            "search keep working.",
        ),
    }


def desk_error_message(error: UserError) -> str:
    template = _messages().get(error.code)
    if template is None:
        return user_error_message(error)
    return fill(template, **error.params)


def camera_message(code: str) -> str:
    return desk_error_message(UserError(code))
