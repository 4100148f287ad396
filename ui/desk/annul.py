"""Annulling a wrong admission from the desk's scan log: asks the reason, annuls on the
database lane, and marks the line; the counts are recounted through ``notify_changed``."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from smm_event.domain.checkin import AnnulmentResult
from smm_event.errors import UserError
from smm_event.services.annulments import annul_checkin
from ui.context import AppContext
from ui.desk.messages import desk_error_message
from ui.desk.recent_list import RecentList
from ui.errors import show_error
from ui.i18n import fill


class Annuller(QObject):
    def __init__(
        self,
        context: AppContext,
        recent: RecentList,
        parent: QWidget,
        operator: Callable[[], str | None],
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.recent = recent
        self.widget = parent
        self._operator = operator
        recent.annul_requested.connect(self.annul)

    def annul_selected(self) -> None:
        chosen = self.recent.selected_annullable()
        if chosen is None:
            QMessageBox.information(
                self.widget,
                self.tr("Annul a check-in"),
                self.tr("Choose an admission («Welcome!») in the list of last scans first."),
            )
            return
        self.annul(*chosen)

    def annul(self, checkin_id: uuid.UUID, name: str) -> None:
        question = fill(
            self.tr(
                "Annul the check-in of {name}? It stays in the log but no longer counts, and "
                "the attendance mark the desk made is withdrawn.\n\nReason:"
            ),
            name=name or "—",
        )
        reason, accepted = QInputDialog.getText(self.widget, self.tr("Annul a check-in"), question)
        if not accepted:
            return
        operator = self._operator()
        self.context.run(
            annul_checkin,
            checkin_id,
            reason,
            operator,
            on_done=self._annulled,
            on_error=self._failed,
            owner=self.widget,
        )

    def _annulled(self, result: AnnulmentResult) -> None:
        self.recent.mark_annulled(result.checkin_id)
        self.context.notify_changed()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            title = self.tr("Annul a check-in")
            QMessageBox.warning(self.widget, title, desk_error_message(error))
        else:
            show_error(self.widget, error)
