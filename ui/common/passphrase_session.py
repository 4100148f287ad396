"""The organizer's signing key in the GUI: the passphrase is asked once per session.

The unlocked key (never the passphrase) is remembered per workspace file for the life of the
process, so a second reprint, a badge batch or a certificate run does not ask again, and
rebuilding the window for another language does not either. Nothing is written to disk. A wrong
passphrase asks again (saying it was wrong) instead of closing the dialog; Cancel stops quietly.
Unlocking (scrypt, about 0.1 s) runs on the background executor, never on the GUI thread.

    session = PassphraseSession(context, self)
    session.with_key(lambda key: self._print(key))   # asks only when not yet unlocked
    session.forget()                                  # after «signing_key_retired»
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from smm_event.badges import SigningKey
from smm_event.errors import UserError
from smm_event.services.keys import unlock_signing_key
from ui.context import AppContext
from ui.errors import show_error, user_error_message

KeyCallback = Callable[[SigningKey], None]
ErrorSentence = Callable[[UserError], str]

# Sentences use an explicit context, not self.tr(): subclasses (KeyKeeper) must find them.

_unlocked: dict[Path, SigningKey] = {}


def remembered_key(workspace: Path) -> SigningKey | None:
    """The key unlocked earlier in this session for ``workspace``, if any."""
    return _unlocked.get(workspace)


def remember_key(workspace: Path, key: SigningKey) -> None:
    _unlocked[workspace] = key


def forget_keys() -> None:
    """Forget every unlocked key (tests; closing the application)."""
    _unlocked.clear()


class PassphraseSession(QObject):
    """Hands the unlocked key to a callback, asking for the passphrase only when needed."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        error_sentence: ErrorSentence = user_error_message,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self._error_sentence = error_sentence

    def with_key(self, then: KeyCallback, prompt: str | None = None) -> None:
        """Call ``then(key)`` on the GUI thread once the key is unlocked; ``prompt`` is shown
        above the passphrase field (e.g. what the key is about to be used for)."""
        workspace = self.context.workspace
        if workspace is None:
            return
        key = remembered_key(workspace.path)
        if key is not None:
            then(key)
            return
        self._ask_and_unlock(workspace.path, then, prompt, retry=False)

    def forget(self) -> None:
        """The next ``with_key`` asks again (the key was replaced or retired)."""
        if self.context.workspace is not None:
            _unlocked.pop(self.context.workspace.path, None)

    def _ask_and_unlock(
        self, path: Path, then: KeyCallback, prompt: str | None, retry: bool
    ) -> None:
        passphrase = self._ask(prompt, retry)
        if passphrase is None:
            return

        def unlocked(key: SigningKey) -> None:
            remember_key(path, key)
            then(key)

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError) and error.code == "wrong_passphrase":
                self._ask_and_unlock(path, then, prompt, retry=True)
            elif isinstance(error, UserError):
                title = QCoreApplication.translate("PassphraseSession", "Signing key")
                QMessageBox.warning(self._parent, title, self._error_sentence(error))
            else:
                show_error(self._parent, error)

        self.context.run(
            unlock_signing_key, passphrase, on_done=unlocked, on_error=failed, owner=self
        )

    def _ask(self, prompt: str | None, retry: bool) -> str | None:
        label = QCoreApplication.translate(
            "PassphraseSession", "Passphrase of the badge signing key:"
        )
        if retry:
            label = (
                QCoreApplication.translate("PassphraseSession", "Wrong passphrase. Try again:")
                + "\n"
                + label
            )
        if prompt:
            label = prompt + "\n\n" + label
        text, accepted = QInputDialog.getText(
            self._parent,
            QCoreApplication.translate("PassphraseSession", "Signing key"),
            label,
            QLineEdit.EchoMode.Password,
        )
        return text if accepted and text else None
