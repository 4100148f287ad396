"""«Станции»: the laptops enrolled in this event, approving a new laptop's join request, and
revoking a lost one. Only the organizer's laptop (the trust anchor) may approve or revoke; on
other laptops the page lists the stations and says so. Every call runs on the executor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import WorkspaceSummary
from smm_event.services import stations
from smm_event.services.stations import StationInfo, StationOverview
from smm_event.trust.roles import Role
from ui.common.change_watch import ChangeWatch
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill
from ui.stations.roles import role_names


class ApproveDialog(QDialog):
    """Name and roles of the laptop whose request is approved."""

    def __init__(self, proposed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve a join request"))
        self.name_edit = QLineEdit(proposed)
        self.name_edit.setMaxLength(100)
        self.boxes: dict[Role, QCheckBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("Station name"), self.name_edit)
        names = role_names()
        for role in Role:
            box = QCheckBox(names[role])
            box.setChecked(role is Role.DESK)
            self.boxes[role] = box
            form.addRow("", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def roles(self) -> list[str]:
        return [role.value for role, box in self.boxes.items() if box.isChecked()]

    def name(self) -> str:
        return self.name_edit.text().strip()


class StationsPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("StationsPage", "Stations", "navigation")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: StationOverview | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Station"), self.tr("Roles"), self.tr("Records here"), self.tr("State")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.approve_button = QPushButton(self.tr("Approve a join request…"))
        self.approve_button.clicked.connect(self.approve_request)
        self.revoke_button = QPushButton(self.tr("Revoke the selected station…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        help_text = QLabel(
            self.tr(
                "To add a laptop: on it, choose «Join an event» on the start screen and save a "
                "request file; bring the file here, approve it, and take the approval file "
                "back. A copied approval is useless on any other laptop."
            )
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(help_text)
        context.workspace_changed.connect(self._workspace_changed)
        # Re-read when what it shows changed; when hidden, once it is shown again.
        self.watch = ChangeWatch(context, self, Change.KEYS | Change.SETTINGS, self.load)
        self._workspace_changed(context.summary)

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        if summary is None:
            self.table.setRowCount(0)
            self._set_enabled(False)
            return
        self.load()

    def load(self) -> None:
        if self.context.workspace is not None:
            self.context.run(
                stations.station_overview, on_done=self.show_overview, on_error=self._failed,
                owner=self,
            )  # fmt: skip

    def show_overview(self, overview: StationOverview) -> None:
        self.overview = overview
        if overview.is_anchor:
            self.note.setText(self.tr("This laptop is the organizer's: it enrolls the stations."))
        elif overview.enrolled:
            self.note.setText(self.tr("Only the organizer's laptop can enroll or revoke stations."))
        else:
            self.note.setText(
                self.tr(
                    "This laptop is not enrolled yet. Create the badge signing key to make it "
                    "the organizer's laptop, or join an event from the start screen."
                )
            )
        self._set_enabled(overview.is_anchor)
        self.table.setRowCount(len(overview.stations))
        names = role_names()
        for row, info in enumerate(overview.stations):
            known = {role.value for role in Role}
            roles = ", ".join(names[Role(role)] if role in known else role for role in info.roles)
            cells = [info.name, roles, str(info.records), self._state(info)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.device_id.hex)
                self.table.setItem(row, column, item)

    def _state(self, info: StationInfo) -> str:
        if info.revoked_after_seq is not None:
            return fill(self.tr("revoked after record {seq}"), seq=info.revoked_after_seq)
        return self.tr("trust anchor") if info.is_anchor else self.tr("active")

    def _set_enabled(self, enabled: bool) -> None:
        self.approve_button.setEnabled(enabled)
        self.revoke_button.setEnabled(enabled)

    def approve_request(self) -> None:
        request, _ = QFileDialog.getOpenFileName(
            self, self.tr("Join request"), "", self.tr("Join requests (*.request);;All files (*)")
        )
        if request:
            self.context.executor.submit(
                stations.proposed_name, Path(request),
                on_done=lambda name: self._approve(Path(request), name), on_error=self._failed,
                owner=self,
            )  # fmt: skip

    def _approve(self, request: Path, proposed: str) -> None:
        dialog = ApproveDialog(proposed, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the approval"),
            f"{dialog.name() or 'station'}.approval",
            self.tr("Approvals (*.approval)"),
        )
        if not out:
            return
        self.context.run(
            stations.add_station, request, dialog.name(), dialog.roles(), Path(out),
            on_done=self._approved, on_error=self._failed, owner=self,
        )  # fmt: skip

    def _approved(self, info: StationInfo) -> None:
        QMessageBox.information(
            self,
            self.tr("Station enrolled"),
            fill(
                self.tr("«{name}» is enrolled. Open the approval file on that laptop."),
                name=info.name,
            ),
        )
        self.context.notify_changed()

    def revoke_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            QMessageBox.information(
                self, self.tr("Revoke"), self.tr("Select the station to revoke first.")
            )
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Revoke"),
            fill(
                self.tr("Why is «{name}» revoked? Its records from now on will be refused."),
                name=item.text(),
            ),
        )
        if not ok:
            return
        self.context.run(
            stations.revoke_station, str(item.data(Qt.ItemDataRole.UserRole)), reason,
            on_done=lambda _info: self.context.notify_changed(), on_error=self._failed,
            owner=self,
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)
