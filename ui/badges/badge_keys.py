"""The organizer's signing key in the GUI: asked for once per session, kept in memory only.

The asking, the retry and the per-session memory live in ``ui.common.passphrase_session``;
this module adds the badge sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from smm_event.errors import UserError
from ui.common.passphrase_session import PassphraseSession, forget_keys, remembered_key
from ui.context import AppContext
from ui.errors import register_sentences, user_error_message
from ui.i18n import fill

__all__ = ["KeyKeeper", "badge_error_message", "forget_keys", "remembered_key"]


@register_sentences
def _badge_messages() -> dict[str, str]:
    return {
        "no_signing_key": QCoreApplication.translate(
            "BadgeErrors",
            "This laptop has only the public key: it checks badges but cannot issue them. "
            "Print badges on the organizer's laptop.",
        ),
        "wrong_passphrase": QCoreApplication.translate(
            "BadgeErrors", "Wrong passphrase. Try again."
        ),
        "weak_passphrase": QCoreApplication.translate(
            "BadgeErrors",
            "This passphrase is too easy to guess. Use at least {min_length} characters, "
            "best three or four unrelated words.",
        ),
        "damaged_key": QCoreApplication.translate(
            "BadgeErrors",
            "The signing key on this laptop is damaged. Restore the workspace from a backup.",
        ),
        "signing_key_retired": QCoreApplication.translate(
            "BadgeErrors", "The signing key was replaced. Enter the passphrase of the new key."
        ),
        "no_badges": QCoreApplication.translate(
            "BadgeErrors", "Nobody is chosen: there are no badges to print."
        ),
        "unknown_badge_layout": QCoreApplication.translate(
            "BadgeErrors", "Unknown badge layout {name}."
        ),
        "bad_badge_template": QCoreApplication.translate(
            "BadgeErrors", "The badge template {path} cannot be used: {reason}"
        ),
        "badge_text_too_long": QCoreApplication.translate(
            "BadgeErrors", "A name or organization is too long to fit on a badge."
        ),
        "badge_qr_too_small": QCoreApplication.translate(
            "BadgeErrors", "In this template the QR code is smaller than {min_mm} mm."
        ),
        "badge_layout_does_not_fit": QCoreApplication.translate(
            "BadgeErrors", "In this template the badges do not fit on the page."
        ),
        "printer_unavailable": QCoreApplication.translate(
            "BadgeErrors",
            "The printer {printer} cannot be used. Check that it is on and try again.",
        ),
    }


def badge_error_message(error: UserError) -> str:
    """Sentences for the badge codes; other codes get the shell's messages."""
    template = _badge_messages().get(error.code)
    return fill(template, **error.params) if template else user_error_message(error)


class KeyKeeper(PassphraseSession):
    """The session's key for the badge and certificate pages, with the badge sentences."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(context, parent, badge_error_message)
