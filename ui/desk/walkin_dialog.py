"""A short form for a walk-in: registered, flagged for the organizers, checked in at once.

While the form is filled, people already on the roster who may be this person (the same name
after folding, phone, e-mail, or surname at the same organization) are offered with «Отметить
его/её» instead, so a duplicate is not made of someone who forgot the badge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import WalkInOutcome
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.services.input_limits import max_length
from smm_event.services.walkins import matching_people, register_walk_in
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill

# A phone as typed, with spaces and brackets; stored normalized (+7XXXXXXXXXX, 20 at most).
PHONE_TYPED_MAX = 32
MATCH_DELAY_MS = 300


class WalkInDialog(QDialog):
    registered = Signal(object)  # WalkInOutcome
    existing_chosen = Signal(object)  # ParticipantInfo: check this roster person in instead

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
        self.matches_title = QLabel(
            self.tr("Already on the roster? If it is one of them, check them in instead:")
        )
        self.matches_title.setWordWrap(True)
        self.matches_title.setStyleSheet("font-weight: bold; color: #8a5a00;")
        self.matches = QListWidget()
        self.matches.setMaximumHeight(120)
        self.matches.setWordWrap(True)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.use_existing = QPushButton()
        self.use_existing.clicked.connect(self._use_existing)
        self.matches.currentRowChanged.connect(lambda _row: self._chosen_changed())
        self.matches.itemActivated.connect(lambda _item: self._use_existing())
        for widget in (self.matches_title, self.matches, self.use_existing):
            widget.hide()
        self._match_timer = QTimer(self, singleShot=True, interval=MATCH_DELAY_MS)
        self._match_timer.timeout.connect(self.look_for_matches)
        for edit in (self.surname, self.first_name, self.organization, self.phone, self.email):
            edit.textChanged.connect(self._match_timer.start)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.matches_title)
        layout.addWidget(self.matches)
        layout.addWidget(self.use_existing)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def look_for_matches(self) -> None:
        self._match_timer.stop()
        self.context.run(
            matching_people,
            self.surname.text(),
            self.first_name.text(),
            self.phone.text() or None,
            self.email.text() or None,
            self.organization.text() or None,
            on_done=self._show_matches,
            owner=self,
        )

    def _show_matches(self, people: tuple[ParticipantInfo, ...]) -> None:
        self.matches.clear()
        for person in people:
            details = [person.organization or "", person.phone or ""]
            if person.stream_number is not None:
                details.append(fill(self.tr("stream {number}"), number=person.stream_number))
            text = person.full_name + "\n" + " · ".join(d for d in details if d)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.matches.addItem(item)
        for widget in (self.matches_title, self.matches, self.use_existing):
            widget.setVisible(bool(people))
        if people:
            self.matches.setCurrentRow(0)

    def chosen_match(self) -> ParticipantInfo | None:
        item = self.matches.currentItem()
        person = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return person if isinstance(person, ParticipantInfo) else None

    def _chosen_changed(self) -> None:
        person = self.chosen_match()
        female = person is not None and _is_female(person)
        self.use_existing.setText(self.tr("Check her in") if female else self.tr("Check him in"))

    def _use_existing(self) -> None:
        person = self.chosen_match()
        if person is not None:
            self.existing_chosen.emit(person)
            self.accept()

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


def _is_female(person: ParticipantInfo) -> bool:
    from pytrovich.enums import Gender

    from smm_event.text.declension import grammatical_gender

    gender = grammatical_gender(person.gender, person.surname, person.first_name, person.patronymic)
    return gender is Gender.FEMALE
