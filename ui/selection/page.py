"""«Отбор»: the accelerator ranking by the stored rule, the organizer's decisions with a written
reason (include, into a track, exclude, clear), saving the result and the protocol PDF.
Every query and write runs on the database lane; the PDF on the render lane."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.outcomes.selection import Outcome
from smm_event.reporting.selection_protocol import write_protocol
from smm_event.services import selection
from smm_event.services.selection import SelectionView
from ui.background import Task
from ui.common.change_watch import ChangeWatch
from ui.context import AppContext, Change
from ui.dashboard.charts import render_executor
from ui.errors import show_error
from ui.i18n import fill


def outcome_text(outcome: Outcome) -> str:
    texts = {
        Outcome.MANUAL_ACCEPT: QCoreApplication.translate("SelectionPage", "included by decision"),
        Outcome.QUOTA: QCoreApplication.translate("SelectionPage", "selected by quota"),
        Outcome.RULE: QCoreApplication.translate("SelectionPage", "selected"),
        Outcome.MANUAL_EXCLUDE: QCoreApplication.translate("SelectionPage", "excluded by decision"),
        Outcome.NOT_ELIGIBLE: QCoreApplication.translate("SelectionPage", "attendance too low"),
        Outcome.NO_PLACE: QCoreApplication.translate("SelectionPage", "no place left"),
        Outcome.ORGANIZATION_LIMIT: QCoreApplication.translate("SelectionPage", "NGO limit"),
        Outcome.TRACK_FULL: QCoreApplication.translate("SelectionPage", "tracks full"),
    }
    return texts[outcome]


def track_text(track: str | None) -> str:
    if track == "strategy":
        return QCoreApplication.translate("SelectionPage", "strategy")
    if track == "content":
        return QCoreApplication.translate("SelectionPage", "content")
    return ""


class SelectionPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("SelectionPage", "Selection")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self._view: SelectionView | None = None
        self._build()
        context.workspace_changed.connect(lambda _summary: self.reload())
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(
            context,
            self,
            Change.PEOPLE | Change.MARKS | Change.SCHEDULE | Change.SETTINGS,
            self.reload,
        )

    def _build(self) -> None:
        buttons = QHBoxLayout()
        actions = (
            (self.tr("Include…"), lambda: self._decide("accept", None)),
            (self.tr("Into strategy…"), lambda: self._decide("accept", "strategy")),
            (self.tr("Into content…"), lambda: self._decide("accept", "content")),
            (self.tr("Exclude…"), lambda: self._decide("exclude", None)),
            (self.tr("Clear decision…"), lambda: self._decide("clear", None)),
        )
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        save = QPushButton(self.tr("Save the selection"))
        save.clicked.connect(self.save)
        protocol = QPushButton(self.tr("Protocol PDF…"))
        protocol.clicked.connect(self.protocol)
        buttons.addWidget(save)
        buttons.addWidget(protocol)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rank"),
                self.tr("Name"),
                self.tr("NGO"),
                self.tr("Stream"),
                self.tr("Score"),
                self.tr("Outcome"),
                self.tr("Reason"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        if self.context.workspace is None or not self.isVisible():
            return
        if self._task is not None:
            self._task.cancel()
        self._task = self.context.run(
            selection.selection_view, on_done=self._loaded, on_error=self._failed, owner=self
        )

    def _loaded(self, view: SelectionView) -> None:
        self._task = None
        self._view = view
        result = view.result
        self.summary.setText(
            fill(
                self.tr(
                    "Selected {selected} of {total}: strategy {strategy}, content {content}. "
                    "Saved: {saved}. «=» marks equal scores (more attendance, then the exit "
                    "score, then the name go first)."
                ),
                selected=len(result.selected),
                total=len(result.ranking),
                strategy=result.per_track.get("strategy", 0),
                content=result.per_track.get("content", 0),
                saved=view.saved_at or self.tr("never"),
            )
        )
        self.table.setRowCount(len(result.ranking))
        for row, ranked in enumerate(result.ranking):
            person = view.people[ranked.candidate_id]
            outcome = outcome_text(ranked.outcome)
            if ranked.track:
                outcome += f", {track_text(ranked.track)}"
            values = (
                f"{ranked.rank}{'=' if ranked.tie_size > 1 else ''}",
                person.full_name,
                person.organization or "",
                str(person.stream_number or ""),
                f"{ranked.score:.2f}".replace(".", ","),
                outcome,
                ranked.manual_reason or "",
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _selected_id(self) -> uuid.UUID | None:
        row = self.table.currentRow()
        if self._view is None or row < 0 or row >= len(self._view.result.ranking):
            return None
        return self._view.result.ranking[row].candidate_id

    def _decide(self, decision: str, track: str | None) -> None:
        person = self._selected_id()
        if person is None:
            self.summary.setText(self.tr("Choose a person in the list first."))
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reason"), self.tr("Why? The protocol prints this reason:")
        )
        if not ok:
            return
        self.context.run(
            selection.decide,
            person,
            decision,
            reason,
            track,
            self.context.station.operator_name or None,
            on_done=lambda _info: self.reload(),
            on_error=self._failed,
        )

    def save(self) -> None:
        self.context.run(
            selection.save_selection,
            on_done=lambda _result: self.context.notify_changed(),
            on_error=self._failed,
        )

    def protocol(self) -> None:
        ws = self.context.workspace
        if ws is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Selection protocol"), "selection-protocol.pdf", self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        render_executor().submit(
            write_protocol,
            ws,
            Path(path),
            on_done=lambda pages: self.summary.setText(
                fill(self.tr("Saved {path} ({pages} pages)."), path=path, pages=pages)
            ),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self._task = None
        show_error(self, error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
