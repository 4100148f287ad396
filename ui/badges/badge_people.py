"""Who gets a badge: one stream, everyone, or people ticked in a searchable list.

The ticked people are kept by id across searches, so an organizer can search «Иван», tick two,
search «Мамедов», tick one more, and print the three.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import WorkspaceSummary
from smm_event.domain.participants import ParticipantInfo
from smm_event.services.participants import list_participants
from ui.background import Task
from ui.common.formatting import stream_label
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill

STREAM, EVERYONE, CHOSEN = 0, 1, 2
SEARCH_DELAY_MS = 200


@dataclass(frozen=True)
class PeopleChoice:
    stream_number: int | None
    participant_ids: tuple[uuid.UUID, ...] | None  # None: not restricted to chosen people


class PeopleChooser(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._chosen: dict[uuid.UUID, str] = {}
        self._task: Task | None = None
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_people)
        self.search.textChanged.connect(self._timer.start)

    def _build(self) -> None:
        self.stream_radio = QRadioButton(self.tr("Stream"))
        self.everyone_radio = QRadioButton(self.tr("Everyone"))
        self.chosen_radio = QRadioButton(self.tr("Chosen people"))
        self.modes = QButtonGroup(self)
        for mode, button in enumerate((self.stream_radio, self.everyone_radio, self.chosen_radio)):
            self.modes.addButton(button, mode)
        self.stream_radio.setChecked(True)
        self.modes.idToggled.connect(self._mode_toggled)
        self.stream_combo = QComboBox()
        self.stream_combo.currentIndexChanged.connect(self._stream_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, name or organization"))
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.itemChanged.connect(self._item_changed)
        self.chosen_label = QLabel()
        self.clear_button = QPushButton(self.tr("Untick all"))
        self.clear_button.clicked.connect(self.clear_chosen)
        grid = QGridLayout()
        grid.addWidget(self.stream_radio, 0, 0)
        grid.addWidget(self.stream_combo, 0, 1)
        grid.addWidget(self.everyone_radio, 1, 0, 1, 2)
        grid.addWidget(self.chosen_radio, 2, 0, 1, 2)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addLayout(chosen_row)
        self._mode_toggled(STREAM, True)
        self._show_chosen_count()

    def set_summary(self, summary: WorkspaceSummary | None) -> None:
        self.stream_combo.blockSignals(True)
        self.stream_combo.clear()
        for stream in summary.streams if summary else ():
            self.stream_combo.addItem(stream_label(stream.number, stream.title), stream.number)
        self.stream_combo.blockSignals(False)
        self._chosen.clear()
        self._show_chosen_count()
        self.people.clear()
        self.changed.emit()

    def choice(self) -> PeopleChoice | None:
        """None when nothing is chosen yet (chosen-people mode with nobody ticked)."""
        mode = self.modes.checkedId()
        if mode == STREAM:
            number = self.stream_combo.currentData()
            return PeopleChoice(int(number), None) if number is not None else None
        if mode == EVERYONE:
            return PeopleChoice(None, None)
        return PeopleChoice(None, tuple(self._chosen)) if self._chosen else None

    def set_mode(self, mode: int) -> None:
        button = self.modes.button(mode)
        if button is not None:
            button.setChecked(True)

    def select_stream(self, number: int) -> None:
        index = self.stream_combo.findData(number)
        if index >= 0:
            self.stream_combo.setCurrentIndex(index)

    def _mode_toggled(self, mode: int, checked: bool) -> None:
        if not checked:
            return
        chosen = mode == CHOSEN
        self.stream_combo.setEnabled(mode == STREAM)
        for widget in (self.search, self.people, self.chosen_label, self.clear_button):
            widget.setVisible(chosen)
        if chosen and self.people.count() == 0:
            self.search_people()
        self.changed.emit()

    def _stream_changed(self) -> None:
        if self.modes.checkedId() == STREAM:
            self.changed.emit()

    def search_people(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        if self.context.workspace is None:
            return
        self._task = self.context.run(
            list_participants,
            None,
            self.search.text(),
            None,
            on_done=self._show_people,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _show_people(self, people: tuple[ParticipantInfo, ...]) -> None:
        self.people.blockSignals(True)
        self.people.clear()
        for person in people:
            text = person.full_name
            if person.stream_number is not None:
                text += " · " + fill(self.tr("stream {number}"), number=person.stream_number)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = person.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)

    def tick(self, row: int) -> None:
        item = self.people.item(row)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        participant_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[participant_id] = item.text()
        else:
            self._chosen.pop(participant_id, None)
        self._show_chosen_count()
        self.changed.emit()

    def clear_chosen(self) -> None:
        self._chosen.clear()
        self._show_people_unticked()
        self._show_chosen_count()
        self.changed.emit()

    def _show_people_unticked(self) -> None:
        self.people.blockSignals(True)
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item is not None:
                item.setCheckState(Qt.CheckState.Unchecked)
        self.people.blockSignals(False)

    def _show_chosen_count(self) -> None:
        self.chosen_label.setText(fill(self.tr("Chosen: {count}"), count=len(self._chosen)))
