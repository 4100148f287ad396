"""Adding a session to a stream's day and cancelling (or restoring) one, each showing its
effect on attendance percentages and certificates before anything is saved."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import SessionInfo
from smm_event.domain.schedule import NewSession, ScheduleEffect
from smm_event.services.limits import field_max_length as max_length
from smm_event.services.schedule_edit import add_session, cancel_session
from smm_event.services.schedule_effect import add_effect, cancel_effect
from ui.common.formatting import short_date
from ui.context import AppContext
from ui.errors import show_error, user_error_message
from ui.i18n import fill
from ui.schedule.effect_text import effect_lines

PREVIEW_DELAY_MS = 300  # recompute the effect once typing pauses, not at every keystroke


class AddSessionDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        stream_number: int,
        sessions: Sequence[SessionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.stream_number = stream_number
        self.saved: SessionInfo | None = None
        self.effect_shown: ScheduleEffect | None = None
        self.setWindowTitle(self.tr("Add a session"))
        self.setMinimumWidth(600)
        self.day = QComboBox()
        self.sessions = tuple(sessions)
        for day in sorted({info.day for info in sessions}):
            self.day.addItem(short_date(day), day)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("theory"), "theory")
        self.kind.addItem(self.tr("practice"), "practice")
        self.title = QLineEdit()
        self.room = QLineEdit()
        self.trainer = QLineEdit()
        for edit, field in ((self.title, "title"), (self.room, "room"), (self.trainer, "trainer")):
            edit.setMaxLength(max_length("session", field))
        self.start = QTimeEdit(QTime(16, 0))
        self.end = QTimeEdit(QTime(17, 30))
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Day:"), self.day)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Starts:"), self.start)
        form.addRow(self.tr("Ends:"), self.end)
        form.addRow(self.tr("Hall:"), self.room)
        form.addRow(self.tr("Trainer:"), self.trainer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._generation = 0
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        self.day.currentIndexChanged.connect(lambda _i: self._suggest_time())
        self._suggest_time()
        self.start.timeChanged.connect(lambda _t: self._timer.start())
        self.end.timeChanged.connect(lambda _t: self._timer.start())
        self.preview()

    def _suggest_time(self) -> None:
        """Right after the day's last session: the slot a tired organizer most likely wants,
        and one that never overlaps."""
        day = self.day.currentData()
        ends = [s.ends_at for s in self.sessions if s.day == day and not s.cancelled]
        if ends:
            start = max(ends)
            end = start + dt.timedelta(minutes=90)
            self.start.setTime(QTime(start.hour, start.minute))
            self.end.setTime(
                QTime(end.hour, end.minute) if end.date() == start.date() else QTime(23, 59)
            )
        self._timer.start()

    def new_session(self) -> NewSession:
        start, end = self.start.time(), self.end.time()
        return NewSession(
            self.stream_number,
            self.day.currentData(),
            self.kind.currentData(),
            self.title.text(),
            dt.time(start.hour(), start.minute()),
            dt.time(end.hour(), end.minute()),
            self.room.text() or None,
            self.trainer.text() or None,
        )

    def preview(self) -> None:
        if self.context.workspace is None:  # the workspace closed while typing paused
            return
        self.effect.setText(self.tr("Checking what this does to attendance…"))
        self.effect_shown = None
        self._generation += 1
        generation = self._generation
        self.context.run(
            add_effect,
            self.new_session(),
            on_done=lambda effect: self._show_effect(effect, generation),
            on_error=self._failed,
            owner=self,
        )

    def _show_effect(self, effect: ScheduleEffect, generation: int) -> None:
        if generation != self._generation:  # the times changed since: a newer check is coming
            return
        self.effect_shown = effect
        self.effect.setText("\n".join(effect_lines(effect, "add")))
        self.adjustSize()

    def save(self) -> None:
        self.problem.clear()
        self.context.run(
            add_session,
            self.new_session(),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        from smm_event.errors import UserError

        if isinstance(error, UserError):  # stays open: the organizer corrects the time
            self.problem.setText(user_error_message(error))
        else:
            show_error(self, error)

    def _saved(self, info: SessionInfo) -> None:
        self.saved = info
        self.context.notify_changed()
        self.accept()


class CancelSessionDialog(QDialog):
    """Confirms cancelling (or restoring) a session once its effect is known."""

    def __init__(self, context: AppContext, info: SessionInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.info = info
        self.cancel = not info.cancelled
        self.saved: SessionInfo | None = None
        self.effect_shown: ScheduleEffect | None = None
        title = self.tr("Cancel the session") if self.cancel else self.tr("Restore the session")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        when = f"{short_date(info.day)}, {info.starts_at:%H:%M}–{info.ends_at:%H:%M}"
        question = (
            self.tr("Cancel «{title}» ({when})?")
            if self.cancel
            else self.tr("Restore the cancelled session «{title}» ({when})?")
        )
        heading = QLabel(fill(question, title=info.title, when=when))
        heading.setWordWrap(True)
        self.effect = QLabel(self.tr("Checking what this does to attendance…"))
        self.effect.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.confirm = self.buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Keep as is"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setEnabled(False)  # not before the effect is shown
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.effect)
        layout.addWidget(self.buttons)
        context.run(
            cancel_effect,
            info.id,
            self.cancel,
            on_done=self._show_effect,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _show_effect(self, effect: ScheduleEffect) -> None:
        self.effect_shown = effect
        change = "cancel" if self.cancel else "restore"
        self.effect.setText("\n".join(effect_lines(effect, change)))
        self.adjustSize()  # the sentences are longer than the placeholder
        self.confirm.setEnabled(True)

    def save(self) -> None:
        session_id: uuid.UUID = self.info.id
        self.context.run(
            cancel_session,
            session_id,
            self.cancel,
            on_done=self._saved,
            on_error=lambda error: show_error(self, error),
            owner=self,
        )

    def _saved(self, info: SessionInfo) -> None:
        self.saved = info
        self.context.notify_changed()
        self.accept()
