"""Reprinting a lost badge at the desk: on a laptop with the signing key the badge is reissued
(the old one stops working) and the new one opens as a PDF to print; elsewhere the desk says
why it cannot and what to do."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.paths import user_data_dir
from smm_event.services.keys import can_sign
from smm_event.services.walkins import reprint_at_desk
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill


class BadgeReprinter(QObject):
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent

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
            self.tr(
                "Reprint the badge of {name}? The old badge stops working.\n\n"
                "Passphrase of the signing key:"
            ),
            name=person.full_name,
        )
        passphrase, ok = QInputDialog.getText(
            self.widget, self._title(), question, QLineEdit.EchoMode.Password
        )
        if not ok or not passphrase:
            return
        self.context.run(
            reprint_at_desk,
            person.id,
            passphrase,
            on_done=lambda pdf: self._reprinted(person, pdf),
            on_error=self._failed,
            owner=self.widget,
        )

    def _reprinted(self, person: ParticipantInfo, pdf: bytes) -> None:
        folder = user_data_dir() / "reprints"
        folder.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^\w-]+", "_", person.surname).strip("_") or "badge"
        path = folder / f"{stem}-{str(person.id)[:8]}-{dt.datetime.now():%H%M%S}.pdf"
        path.write_bytes(pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.context.notify_changed()
        text = self.tr("The new badge is saved to {path} and opened: print it from the viewer.")
        QMessageBox.information(self.widget, self._title(), fill(text, path=path))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            QMessageBox.warning(self.widget, self._title(), desk_error_message(error))
        else:
            show_error(self.widget, error)
