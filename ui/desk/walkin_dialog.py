"""A short form for a walk-in: registered, flagged for the organizers, checked in at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import WalkInOutcome
from smm_event.errors import UserError
from smm_event.services.walkins import register_walk_in
from smm_event.storage.validation import max_length
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill

# A phone as typed, with spaces and brackets; stored normalized (+7XXXXXXXXXX, 20 at most).
PHONE_TYPED_MAX = 32


class WalkInDialog(QDialog):
    registered = Signal(object)  # WalkInOutcome

    def __init__(
        self,
        context: AppContext,
        streams: tuple[int, ...],
        desk: str | None,
        operator: str | None,
        now: Callable[[], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._desk, self._operator, self._now = desk, operator, now
        self.setWindowTitle(self.tr("New participant (walk-in)"))
        self.surname, self.first_name, self.patronymic = QLineEdit(), QLineEdit(), QLineEdit()
        self.organization, self.phone, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        # The storage limits, so nothing typed here can make sync fail on PostgreSQL.
        for edit, entity, field in (
            (self.surname, "participant", "surname"),
            (self.first_name, "participant", "first_name"),
            (self.patronymic, "participant", "patronymic"),
            (self.organization, "organization", "name"),
            (self.email, "participant", "email"),
        ):
            edit.setMaxLength(max_length(entity, field))
        self.phone.setMaxLength(PHONE_TYPED_MAX)
        self.stream = QComboBox()
        for number in streams:
            self.stream.addItem(fill(self.tr("Stream {number}"), number=number), number)
        self.stream.setEnabled(len(streams) > 1)
        form = QFormLayout()
        form.addRow(self.tr("Surname*"), self.surname)
        form.addRow(self.tr("First name*"), self.first_name)
        form.addRow(self.tr("Patronymic"), self.patronymic)
        form.addRow(self.tr("Organization"), self.organization)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Stream"), self.stream)
        note = QLabel(
            self.tr(
                "The person joins today's stream and is checked in at once. The organizers "
                "will see them in the list of walk-ins to review."
            )
        )
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Register and check in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.error.hide()
        self.context.run(
            register_walk_in,
            self.surname.text(),
            self.first_name.text(),
            self.patronymic.text() or None,
            self.organization.text() or None,
            self.phone.text() or None,
            self.email.text() or None,
            self.stream.currentData(),
            self._desk,
            self._operator,
            self._now(),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, outcome: WalkInOutcome) -> None:
        self.registered.emit(outcome)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, UserError):
            show_error(self, error)
            return
        self.error.setText(desk_error_message(error))
        self.error.show()
