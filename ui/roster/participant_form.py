"""The editable fields of one participant: what the organizer can fix before badges and
certificates are printed. ``draft()`` hands the typed values to the core, which cleans and
checks them (the same rules as the roster import)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from smm_event.domain.participants import ParticipantDraft, ParticipantInfo
from smm_event.services.limits import field_max_length as max_length

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as «—»: no date
NO_SCORE = -1.0  # the score box's minimum, shown as «—»: no score


class ParticipantForm(QWidget):
    def __init__(self, person: ParticipantInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surname = QLineEdit()
        self.first_name = QLineEdit()
        self.patronymic = QLineEdit()
        self.gender = QComboBox()
        for text, value in (("—", None), (self.tr("male"), "male"), (self.tr("female"), "female")):
            self.gender.addItem(text, value)
        self.organization = QLineEdit()
        self.position = QLineEdit()
        self.region = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("8 928 123-45-67")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@mail.ru")
        self.consent = QComboBox()
        consents: tuple[tuple[str, bool | None], ...] = (
            (self.tr("unknown"), None),
            (self.tr("yes"), True),
            (self.tr("no"), False),
        )
        for label, consent in consents:
            self.consent.addItem(label, consent)
        self.consent_date = QDateEdit()
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setMinimumDate(NO_DATE)
        self.consent_date.setSpecialValueText("—")
        self.entry_score = self._score_box()
        self.exit_score = self._score_box()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        layout = QFormLayout(self)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Surname:"), self.surname),
            (self.tr("First name:"), self.first_name),
            (self.tr("Patronymic:"), self.patronymic),
            (self.tr("Gender:"), self.gender),
            (self.tr("Organization:"), self.organization),
            (self.tr("Position:"), self.position),
            (self.tr("Region:"), self.region),
            (self.tr("Phone:"), self.phone),
            (self.tr("E-mail:"), self.email),
            (self.tr("Consent to data processing:"), self.consent),
            (self.tr("Consent date:"), self.consent_date),
            (self.tr("Entry test:"), self.entry_score),
            (self.tr("Exit test:"), self.exit_score),
            (self.tr("Notes:"), self.notes),
        )
        for label, widget in rows:
            layout.addRow(label, widget)
        for field, edit in self._line_edits().items():
            # What the database (and PostgreSQL at central) can hold, so sync never refuses it.
            entity = "organization" if field == "organization" else "participant"
            edit.setMaxLength(max_length(entity, "name" if entity == "organization" else field))
        if person is not None:
            self.show_person(person)
        else:
            self.consent_date.setDate(NO_DATE)

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "surname": self.surname,
            "first_name": self.first_name,
            "patronymic": self.patronymic,
            "organization": self.organization,
            "position": self.position,
            "region": self.region,
            "email": self.email,
        }

    @staticmethod
    def _score_box() -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(NO_SCORE, 100.0)
        box.setDecimals(1)
        box.setSpecialValueText("—")
        box.setValue(NO_SCORE)
        return box

    def show_person(self, person: ParticipantInfo) -> None:
        for edit, value in (
            (self.surname, person.surname),
            (self.first_name, person.first_name),
            (self.patronymic, person.patronymic),
            (self.organization, person.organization),
            (self.position, person.position),
            (self.region, person.region),
            (self.phone, person.phone),
            (self.email, person.email),
        ):
            edit.setText(value or "")
        self.gender.setCurrentIndex(max(self.gender.findData(person.gender), 0))
        self.consent.setCurrentIndex(max(self.consent.findData(person.consent), 0))
        day = person.consent_date
        self.consent_date.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        for box, score in (
            (self.entry_score, person.entry_score),
            (self.exit_score, person.exit_score),
        ):
            box.setValue(NO_SCORE if score is None else score)
        self.notes.setPlainText(person.notes or "")

    def draft(self) -> ParticipantDraft:
        chosen = self.consent_date.date()
        consent_date = (
            None if chosen <= NO_DATE else dt.date(chosen.year(), chosen.month(), chosen.day())
        )
        return ParticipantDraft(
            surname=self.surname.text(),
            first_name=self.first_name.text(),
            patronymic=self.patronymic.text() or None,
            gender=self.gender.currentData(),
            organization=self.organization.text() or None,
            position=self.position.text() or None,
            region=self.region.text() or None,
            phone=self.phone.text() or None,
            email=self.email.text() or None,
            consent=self.consent.currentData(),
            consent_date=consent_date,
            entry_score=_score(self.entry_score),
            exit_score=_score(self.exit_score),
            notes=self.notes.toPlainText() or None,
        )


def _score(box: QDoubleSpinBox) -> float | None:
    return None if box.value() <= NO_SCORE else float(box.value())
