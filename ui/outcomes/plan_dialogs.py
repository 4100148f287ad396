"""The stages' planned dates (``outcomes plan``) and the list of who received consultations
(``outcomes consulted``), which the funnel and the evidence pack's planned-against-actual table
read."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import ParticipantInfo
from smm_event.services.outcomes import StageDates, stage_dates
from smm_event.services.participants import list_participants
from smm_event.services.programme_plan import (
    PLANNED_STAGES,
    consulted_people,
    plan_stage,
    record_consultations,
)
from smm_event.text.folding import fold
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill


class DateField(QWidget):
    """A date that may be left unset (a stage not held yet has no actual dates)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.setChecked(False)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> dt.date | None:
        if not self.enabled.isChecked():
            return None
        date = self.edit.date()
        return dt.date(date.year(), date.month(), date.day())


class StagePlanDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dates: dict[str, StageDates] = {}
        self.saved: StageDates | None = None
        self.setWindowTitle(self.tr("Stages of the programme"))
        self.setMinimumWidth(480)
        names = {
            "selection": self.tr("Selection for the accelerator"),
            "baseline": self.tr("Baseline of the reach"),
            "exit_test": self.tr("Exit test"),
            "accelerator": self.tr("Accelerator"),
            "consultations": self.tr("Consultations"),
            "report": self.tr("Report"),
        }
        self.stage = QComboBox()
        for stage in PLANNED_STAGES:
            self.stage.addItem(names.get(stage, stage), stage)
        self.fields = [DateField() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.tr("Stage:"), self.stage)
        labels = (
            self.tr("Planned from:"),
            self.tr("Planned to:"),
            self.tr("Actually from:"),
            self.tr("Actually to:"),
        )
        for label, field in zip(labels, self.fields, strict=True):
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.stage.currentIndexChanged.connect(lambda _i: self._fill())
        context.run(stage_dates, on_done=self._loaded, owner=self)

    def _loaded(self, rows: tuple[StageDates, ...]) -> None:
        self.dates = {row.stage: row for row in rows}
        self._fill()

    def _fill(self) -> None:
        row = self.dates.get(self.stage.currentData())
        values = (
            (row.planned_from, row.planned_to, row.actual_from, row.actual_to)
            if row
            else (None,) * 4
        )
        for field, value in zip(self.fields, values, strict=True):
            field.set_value(value)

    def save(self) -> None:
        self.context.run(
            plan_stage,
            self.stage.currentData(),
            *(field.value() for field in self.fields),
            on_done=self._saved,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _saved(self, dates: StageDates) -> None:
        self.saved = dates
        self.context.notify_changed()
        self.accept()


class ConsultedDialog(QDialog):
    """Tick the people who received consultations; the search folds ё/е and case."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.before: set[uuid.UUID] = set()
        self.saved: tuple[uuid.UUID, ...] | None = None
        self.setWindowTitle(self.tr("Who received consultations"))
        self.resize(620, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or organization"))
        self.search.textChanged.connect(self._filter)
        self.people = QListWidget()
        self.count = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.people.itemChanged.connect(lambda _item: self._count())
        context.run(consulted_people, on_done=self._got_consulted, owner=self)

    def _got_consulted(self, consulted: tuple[uuid.UUID, ...]) -> None:
        self.before = set(consulted)
        self.context.run(list_participants, on_done=self._show, owner=self)

    def _show(self, people: tuple[ParticipantInfo, ...]) -> None:
        self.people.blockSignals(True)
        for person in people:
            text = person.full_name + (f" — {person.organization}" if person.organization else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in self.before
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)
        self._count()

    def checked(self) -> set[uuid.UUID]:
        found = set()
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.add(item.data(Qt.ItemDataRole.UserRole))
        return found

    def _count(self) -> None:
        self.count.setText(fill(self.tr("Consulted: {count}"), count=len(self.checked())))

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def save(self) -> None:
        now = self.checked()
        self.context.run(
            record_consultations,
            sorted(now - self.before, key=str),
            sorted(self.before - now, key=str),
            on_done=self._saved,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _saved(self, people: tuple[uuid.UUID, ...]) -> None:
        self.saved = people
        self.context.notify_changed()
        self.accept()
