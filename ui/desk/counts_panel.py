"""Today's stream at a glance: arrived / expected, by desk, and who has not arrived yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import AbsentPerson, DeskCounts
from smm_event.text.folding import fold
from ui.i18n import fill


class CountsPanel(QWidget):
    missing_requested = Signal()  # the list is read only when someone asks for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: DeskCounts | None = None
        self.dialog: MissingDialog | None = None
        self.arrived = QLabel()
        font = self.arrived.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.arrived.setFont(font)
        self.by_desk = QLabel()
        self.by_desk.setWordWrap(True)
        self.missing_button = QPushButton()
        self.missing_button.clicked.connect(self.missing_requested)
        row = QHBoxLayout()
        row.addWidget(self.by_desk, 1)
        row.addWidget(self.missing_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.arrived)
        layout.addLayout(row)
        self.show_counts(None)

    def show_counts(self, counts: DeskCounts | None) -> None:
        self.counts = counts
        if counts is None or not counts.streams:
            self.arrived.setText(self.tr("No stream meets today"))
            self.by_desk.clear()
            self.missing_button.hide()
            return
        streams = ", ".join(str(stream.number) for stream in counts.streams)
        self.arrived.setText(
            fill(
                self.tr("Stream {streams}: {arrived} of {expected} arrived"),
                streams=streams,
                arrived=counts.arrived,
                expected=counts.expected,
            )
        )
        desks = " · ".join(f"{desk.desk}: {desk.arrived}" for desk in counts.by_desk)
        if counts.overridden:
            extra = fill(
                self.tr("+{count} from other streams (organizer's decision)"),
                count=counts.overridden,
            )
            desks = f"{desks}\n{extra}" if desks else extra
        self.by_desk.setText(desks)
        self.missing_button.setText(fill(self.tr("Not arrived yet: {count}"), count=counts.missing))
        self.missing_button.setVisible(True)
        self.missing_button.setEnabled(counts.missing > 0)

    def open_missing(self, people: tuple[AbsentPerson, ...]) -> MissingDialog:
        self.dialog = MissingDialog(people, self)
        self.dialog.open()
        return self.dialog


class MissingDialog(QDialog):
    """«Кто ещё не пришёл»: names with organization and phone, to call those who are late; a
    search narrows the list and «Отметить» checks the chosen person in (``check_in_requested``
    with the participant id)."""

    check_in_requested = Signal(object)  # uuid.UUID

    def __init__(self, people: tuple[AbsentPerson, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who has not arrived yet"))
        self.resize(640, 560)
        self.people = people
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, organization or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        for person in people:
            details = " · ".join(part for part in (person.organization, person.phone) if part)
            item = QListWidgetItem(person.full_name + (f"\n{details}" if details else ""))
            item.setData(Qt.ItemDataRole.UserRole, person.participant_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{person.full_name} {details}"))
            self.list.addItem(item)
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.check_in_button.clicked.connect(self._check_in)
        self.list.itemActivated.connect(lambda _item: self._check_in())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.check_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n person(s) not checked in today", "", len(people))))
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        words = [fold(word) for word in text.split() if fold(word)]
        digits = "".join(ch for ch in text if ch.isdigit())
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = str(item.data(Qt.ItemDataRole.UserRole + 1))
            shown = all(word in key for word in words) or (len(digits) >= 3 and digits in key)
            item.setHidden(not shown)

    def _check_in(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.check_in_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        self.list.takeItem(self.list.row(item))  # checked in: no longer missing
