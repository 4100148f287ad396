"""Joining an event on a new laptop, with no network: save a request file for the organizer,
then open the approval file they send back. The start screen opens it with
``open_join_dialog(parent, context)``; the joined workspace is then opened in the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.paths import user_data_dir
from smm_event.services import stations
from smm_event.services.stations import JoinResult
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import fill


def default_join_path() -> Path:
    return user_data_dir() / "joined-event.sqlite3"


class JoinDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Join an event"))
        self.setMinimumWidth(560)
        current = context.workspace.path if context.workspace is not None else None
        self.path_edit = QLineEdit(str(current or default_join_path()))
        self.name_edit = QLineEdit(context.station.desk_name)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("for example, Стойка 2"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.request_button = QPushButton(self.tr("1. Save a join request…"))
        self.request_button.clicked.connect(self.save_request)
        self.approval_button = QPushButton(self.tr("2. Open the approval…"))
        self.approval_button.clicked.connect(self.open_approval)
        explanation = QLabel(
            self.tr(
                "This laptop makes its own key, which never leaves it. Save a request file and "
                "take it to the organizer's laptop («Stations» page). Then open the approval "
                "file they give you: it brings the event's data."
            )
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Workspace file"), self.path_edit)
        form.addRow(self.tr("This laptop's name"), self.name_edit)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.request_button)
        layout.addWidget(self.approval_button)
        layout.addWidget(self.status)
        layout.addWidget(close)

    def _workspace(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def save_request(self) -> None:
        name = self.name_edit.text().strip()
        suggested = f"{name or 'laptop'}.request"
        out, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the join request"), suggested, self.tr("Join requests (*.request)")
        )
        if out:
            self._busy(True)
            self.context.executor.submit(
                stations.request_to_join, self._workspace(), name, Path(out),
                on_done=self._requested, on_error=self._failed, owner=self,
            )  # fmt: skip

    def _requested(self, path: Path) -> None:
        self._busy(False)
        self.status.setText(
            fill(
                self.tr("Request saved to {path}. Take it to the organizer's laptop."),
                path=str(path),
            )
        )

    def open_approval(self) -> None:
        approval, _ = QFileDialog.getOpenFileName(
            self, self.tr("Approval"), "", self.tr("Approvals (*.approval);;All files (*)")
        )
        if approval:
            self._busy(True)
            self.status.setText(self.tr("Checking the approval and importing the event…"))
            self.context.executor.submit(
                stations.join_workspace, self._workspace(), Path(approval),
                on_done=self._joined, on_error=self._failed, owner=self,
            )  # fmt: skip

    def _joined(self, result: JoinResult) -> None:
        self._busy(False)
        self.status.setText(
            fill(
                self.tr("Enrolled as «{name}»; {count} record(s) imported."),
                name=result.station.name,
                count=result.imported,
            )
        )
        self.context.open(self._workspace(), on_error=self._failed)
        self.accept()

    def _busy(self, busy: bool) -> None:
        self.request_button.setEnabled(not busy)
        self.approval_button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.status.setText("")
        show_error(self, error)


def open_join_dialog(parent: QWidget | None, context: AppContext) -> JoinDialog:
    """What the start screen's «Присоединиться к мероприятию» button calls."""
    dialog = JoinDialog(context, parent)
    dialog.open()
    return dialog
