"""«Пропустить всё равно…»: an organizer lets in a person refused for another stream's day.

The dialog asks for the reason and, on a laptop that is not the organizer's, the name of the
organizer who allowed it (``services.checkin_override``). A mistake (no reason, no organizer)
is said in the dialog, which stays open; nothing is written until the service accepts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.checkin import CheckinOutcome
from smm_event.errors import UserError
from smm_event.services.checkin_override import MAX_NAME, MAX_REASON, check_in_override
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.errors import show_error
from ui.i18n import fill


class OverrideDialog(QDialog):
    admitted = Signal(object)  # CheckinOutcome of the override

    def __init__(
        self,
        context: AppContext,
        participant_id: uuid.UUID,
        name: str,
        organizers_laptop: bool,
        desk: str | None,
        operator: str | None,
        clock: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.participant_id = participant_id
        self._desk, self._operator, self._clock = desk, operator, clock
        self.setWindowTitle(self.tr("Let in anyway"))
        intro = QLabel(
            fill(
                self.tr(
                    "{name} is not in today's stream. Let them in only if an organizer agrees. "
                    "The reason goes to the log and to the person's history."
                ),
                name=name or "—",
            )
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. came on the wrong day, make-up day"))
        self.approver = QLineEdit()
        self.approver.setMaxLength(MAX_NAME)
        self.approver.setPlaceholderText(self.tr("surname and name"))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        if not organizers_laptop:
            form.addRow(self.tr("Allowed by (organizer):"), self.approver)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Let in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.context.run(
            check_in_override,
            self.participant_id,
            self.reason.text(),
            self.approver.text() or None,
            self._desk,
            self._operator,
            self._clock(),
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, outcome: CheckinOutcome) -> None:
        self.admitted.emit(outcome)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, UserError):
            show_error(self, error)
            return
        self.problem.setText(desk_error_message(error))
        self.problem.show()
        (self.approver if error.code == "override_approver_required" else self.reason).setFocus()
