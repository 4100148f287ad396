"""One participant: their fields to fix (or a new person to add), withdrawal (отказ) with a
reason and taking them back, the history of every change to them, and undoing a merge of a
duplicate into them. Saving, withdrawing and reading the history run on the background
executor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.participants import HistoryEntry, MergeInfo, ParticipantInfo
from smm_event.services.merges import merges_of, unmerge_participant
from smm_event.services.participant_edit import (
    add_participant,
    reinstate_participant,
    update_participant,
    withdraw_participant,
)
from smm_event.services.participant_history import participant_history
from ui.common.formatting import stream_label
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill
from ui.roster.history_view import HistoryTable
from ui.roster.participant_form import ParticipantForm


class ParticipantDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        person: ParticipantInfo | None,
        stream_titles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.person = person
        self.stream_titles = stream_titles
        self.history: tuple[HistoryEntry, ...] = ()
        self.setMinimumWidth(720)
        self.name = QLabel()
        self.name.setObjectName("participantName")
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.form = ParticipantForm(person)
        self.history_table = HistoryTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Details"))
        self.tabs.addTab(self.history_table, self.tr("History"))
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self._withdraw_or_reinstate)
        self.merges: tuple[MergeInfo, ...] = ()
        self.unmerge_button = QPushButton(self.tr("Undo merge…"))
        self.unmerge_button.hide()
        self.unmerge_button.clicked.connect(self.unmerge)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.unmerge_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self._show(person)

    def _show(self, person: ParticipantInfo | None) -> None:
        self.person = person
        if person is None:
            self.setWindowTitle(self.tr("A new participant"))
            self.name.setText(self.tr("A new participant"))
            self.facts.setText(self.tr("Fill in at least the surname and the first name."))
            self.withdraw_button.hide()
            self.tabs.setTabEnabled(1, False)
            return
        self.setWindowTitle(person.full_name)
        self.name.setText(person.full_name)
        self.facts.setText(self._facts(person))
        self.withdraw_button.show()
        self.withdraw_button.setText(
            self.tr("Take back…") if person.withdrawn else self.tr("Withdrawal…")
        )
        self.tabs.setTabEnabled(1, True)
        self.load_history()

    def _facts(self, person: ParticipantInfo) -> str:
        if person.withdrawn:
            return fill(
                self.tr("Withdrew: {reason}. Not counted in the streams."),
                reason=person.withdrawal_reason or "",
            )
        if person.stream_number is None:
            stream = self.tr("no stream yet")
        else:
            title = self.stream_titles.get(person.stream_number, "")
            stream = stream_label(person.stream_number, title)
        text = fill(
            self.tr("{stream}; badge version {version}"),
            stream=stream,
            version=person.badge_version,
        )
        if person.walk_in:
            text += "; " + self.tr("registered at the door")
        return text

    def load_history(self) -> None:
        if self.person is not None and self.context.workspace is not None:
            self.context.run(
                participant_history,
                self.person.id,
                on_done=self._history_loaded,
                on_error=lambda error: show_error(self, error),
                owner=self,
            )

    def _history_loaded(self, entries: tuple[HistoryEntry, ...]) -> None:
        self.history = entries
        self.history_table.show_entries(entries)
        if self.person is not None and self.context.workspace is not None:
            self.context.run(
                merges_of,
                self.person.id,
                on_done=self._merges_loaded,
                on_error=lambda error: show_error(self, error),
                owner=self,
            )

    def _merges_loaded(self, merges: tuple[MergeInfo, ...]) -> None:
        self.merges = tuple(merge for merge in merges if merge.in_effect)
        self.unmerge_button.setVisible(bool(self.merges))

    def unmerge(self) -> None:
        if not self.merges or self.person is None:
            return
        chosen = self.merges[0]
        if len(self.merges) > 1:
            labels = [
                fill(self.tr("«{merged}» into «{kept}»"), merged=m.merged_name, kept=m.kept_name)
                for m in self.merges
            ]
            label, ok = QInputDialog.getItem(
                self, self.tr("Undo merge"), self.tr("Which merge to undo?"), labels, 0, False
            )
            if not ok:
                return
            chosen = self.merges[labels.index(label)]
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Undo merge"),
            fill(
                self.tr(
                    "«{merged}» becomes a separate person again, with the check-ins, marks "
                    "and badges recorded under that record. Why?"
                ),
                merged=chosen.merged_name,
            ),
        )
        if ok:
            self.context.run(
                unmerge_participant,
                chosen.merged_id,
                reason,
                on_done=self._unmerged,
                on_error=lambda error: show_error(self, error),
                owner=self,
            )

    def _unmerged(self, _info: MergeInfo) -> None:
        self.status.setText(self.tr("The merge is undone."))
        self.load_history()
        self.context.notify_changed()

    def save(self) -> None:
        draft = self.form.draft()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        if self.person is None:
            self.context.run(add_participant, draft, **self._callbacks())
        else:
            self.context.run(update_participant, self.person.id, draft, **self._callbacks())

    def _callbacks(self) -> dict[str, Any]:
        return {"on_done": self._saved, "on_error": self._failed, "owner": self}

    def _saved(self, person: ParticipantInfo) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved."))
        self.form.show_person(person)
        self._show(person)
        self.context.notify_changed()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()
        show_error(self, error)

    def _withdraw_or_reinstate(self) -> None:
        if self.person is None:
            return
        if self.person.withdrawn:
            self.context.run(reinstate_participant, self.person.id, **self._callbacks())
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdrawal"),
            self.tr(
                "Why does the participant withdraw? They leave their stream and the expected "
                "counts; their history stays."
            ),
        )
        if ok:
            self.context.run(withdraw_participant, self.person.id, reason, **self._callbacks())
