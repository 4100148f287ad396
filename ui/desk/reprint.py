"""Reprinting a lost badge at the desk: on a laptop with the signing key the badge is reissued
(the old one stops working) and the new one is printed on the desk's printer, or saved as a
PDF and opened (``ui.desk.badge_output``); after a walk-in the first badge is offered the same
way; elsewhere the desk says why it cannot and what to do.

The passphrase is asked once per session (``PassphraseSession``) and asked again after a
mistake; with the key already unlocked the clerk only confirms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from smm_event.badges import SigningKey
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.services.keys import can_sign
from smm_event.services.walkins import badge_at_desk, reprint_at_desk
from ui.background import Lane
from ui.common.passphrase_session import PassphraseSession, remembered_key
from ui.context import AppContext, Change
from ui.desk.badge_output import BadgeOutput
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill


class BadgeReprinter(QObject):
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.keys = PassphraseSession(context, parent, desk_error_message)
        self.output = BadgeOutput(context, parent)

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
        self.context.notify_changed(Change.BADGES | Change.PEOPLE)
        first = fill(self.tr("The new badge of {name} is ready."), name=person.full_name)
        self.output.send(pdf, f"{person.surname}-{str(person.id)[:8]}", self._title(), first)

    def offer_first_badge(self, offer: Callable[[], None]) -> None:
        """After a walk-in: ``offer`` (the panel's «Напечатать бейдж») only when this laptop
        can sign; elsewhere the organizer prints the badge later with the others."""
        self.context.run(
            can_sign, on_done=lambda able: offer() if able else None, owner=self.widget
        )

    def print_first_badge(self, person: ParticipantInfo) -> None:
        question = fill(self.tr("Print the badge of {name} now?"), name=person.full_name)
        workspace = self.context.workspace
        if workspace is not None and remembered_key(workspace.path) is not None:
            answer = QMessageBox.question(self.widget, self.tr("Print badge"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.keys.with_key(lambda key: self._print_first(person, key), prompt=question)

    def _print_first(self, person: ParticipantInfo, key: SigningKey) -> None:
        self.context.run(
            badge_at_desk,
            person.id,
            key,
            lane=Lane.RENDER,
            on_done=lambda pdf: self._first_printed(person, pdf),
            on_error=self._failed,
            owner=self.widget,
        )

    def _first_printed(self, person: ParticipantInfo, pdf: bytes) -> None:
        self.context.notify_changed(Change.BADGES)
        first = fill(self.tr("The badge of {name} is ready."), name=person.full_name)
        title = self.tr("Print badge")
        self.output.send(pdf, f"{person.surname}-{str(person.id)[:8]}", title, first)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            if error.code == "signing_key_retired":
                self.keys.forget()  # the next reprint asks for the new key's passphrase
            QMessageBox.warning(self.widget, self._title(), desk_error_message(error))
        else:
            show_error(self.widget, error)
