"""Reprinting a lost badge at the desk: on a laptop with the signing key the badge is reissued
(the old one stops working) and the new one is printed on the desk's printer, or saved as a
PDF and opened; elsewhere the desk says why it cannot and what to do.

The passphrase is asked once per session (``PassphraseSession``) and asked again after a
mistake; with the key already unlocked the clerk only confirms.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from smm_event.badges import SigningKey
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.paths import user_data_dir
from smm_event.services.keys import can_sign
from smm_event.services.walkins import reprint_at_desk
from ui.background import Lane
from ui.common.passphrase_session import PassphraseSession, remembered_key
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill


def open_file(path: Path) -> bool:
    """Hand the PDF to the system viewer; False when no viewer took it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class BadgeReprinter(QObject):
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.keys = PassphraseSession(context, parent, desk_error_message)

    def reprint(self, person: ParticipantInfo) -> None:
        self.context.run(
            can_sign, on_done=lambda able: self._with_key(person, able), owner=self.widget
        )

    def _title(self) -> str:
        return self.tr("Reprint badge")

    def _with_key(self, person: ParticipantInfo, able: bool) -> None:
        if not able:
            message = desk_error_message(UserError("no_signing_key"))
            QMessageBox.information(self.widget, self._title(), message)
            return
        question = fill(
            self.tr("Reprint the badge of {name}? The old badge stops working."),
            name=person.full_name,
        )
        workspace = self.context.workspace
        if workspace is not None and remembered_key(workspace.path) is not None:
            # The passphrase dialog is the confirmation when it is shown; otherwise ask here.
            answer = QMessageBox.question(self.widget, self._title(), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.keys.with_key(lambda key: self._reissue(person, key), prompt=question)

    def _reissue(self, person: ParticipantInfo, key: SigningKey) -> None:
        self.context.run(
            reprint_at_desk,
            person.id,
            key,
            lane=Lane.RENDER,
            on_done=lambda pdf: self._reprinted(person, pdf),
            on_error=self._failed,
            owner=self.widget,
        )

    def _reprinted(self, person: ParticipantInfo, pdf: bytes) -> None:
        self.context.notify_changed()
        folder = user_data_dir() / "reprints"
        stem = re.sub(r"[^\w-]+", "_", person.surname).strip("_") or "badge"
        path = folder / f"{stem}-{str(person.id)[:8]}-{dt.datetime.now():%H%M%S}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf)
        except OSError as error:
            show_error(self.widget, error)
            return
        if open_file(path):
            text = self.tr("The new badge is saved to {path} and opened: print it from the viewer.")
        else:
            text = self.tr(
                "The new badge is saved to {path}. No PDF viewer opened it: open the file and "
                "print it."
            )
        QMessageBox.information(self.widget, self._title(), fill(text, path=path))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            if error.code == "signing_key_retired":
                self.keys.forget()  # the next reprint asks for the new key's passphrase
            QMessageBox.warning(self.widget, self._title(), desk_error_message(error))
        else:
            show_error(self.widget, error)
