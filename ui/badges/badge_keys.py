"""The organizer's signing key in the GUI: asked for once per session, kept in memory only.

The unlocked key (not the passphrase) is remembered per workspace file for the life of the
process, so rebuilding the window for another language does not ask again, and nothing is ever
written to disk. Unlocking (scrypt, about 0.1 s) runs on the background executor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from smm_event.badges import SigningKey
from smm_event.errors import UserError
from smm_event.services.keys import unlock_signing_key
from ui.context import AppContext
from ui.errors import show_error, user_error_message
from ui.i18n import fill

_unlocked: dict[Path, SigningKey] = {}


def remembered_key(workspace: Path) -> SigningKey | None:
    return _unlocked.get(workspace)


def forget_keys() -> None:
    _unlocked.clear()


def badge_error_message(error: UserError) -> str:
    """Sentences for the badge codes; other codes get the shell's messages."""
    messages = {
        "no_signing_key": QCoreApplication.translate(
            "BadgeErrors",
            "This laptop has only the public key: it checks badges but cannot issue them. "
            "Print badges on the organizer's laptop.",
        ),
        "wrong_passphrase": QCoreApplication.translate(
            "BadgeErrors", "Wrong passphrase. Try again."
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
    template = messages.get(error.code)
    return fill(template, **error.params) if template else user_error_message(error)


class KeyKeeper(QObject):
    """Hands the unlocked key to a callback, asking for the passphrase when needed."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._parent = parent

    def with_key(self, then: Callable[[SigningKey], None], retry: bool = False) -> None:
        workspace = self.context.workspace
        if workspace is None:
            return
        key = remembered_key(workspace.path)
        if key is not None:
            then(key)
            return
        passphrase = self._ask(retry)
        if passphrase is None:
            return
        path = workspace.path

        def unlocked(key: SigningKey) -> None:
            _unlocked[path] = key
            then(key)

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError) and error.code == "wrong_passphrase":
                self.with_key(then, retry=True)
            elif isinstance(error, UserError):
                self._warn(badge_error_message(error))
            else:
                show_error(self._parent, error)

        self.context.run(
            unlock_signing_key, passphrase, on_done=unlocked, on_error=failed, owner=self
        )

    def forget(self) -> None:
        """After ``signing_key_retired``: the next print asks for the new key's passphrase."""
        if self.context.workspace is not None:
            _unlocked.pop(self.context.workspace.path, None)

    def _ask(self, retry: bool) -> str | None:
        label = self.tr("Passphrase of the badge signing key:")
        if retry:
            label = self.tr("Wrong passphrase. Try again:") + "\n" + label
        text, accepted = QInputDialog.getText(
            self._parent, self.tr("Signing key"), label, QLineEdit.EchoMode.Password
        )
        return text if accepted and text else None

    def _warn(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._parent, self.tr("Badges"), text)
