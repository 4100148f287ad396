"""«Синхронизация»: the central database's address and password, «Проверить подключение», sync
with progress, counts and cancel, files for laptops without network, and the needs-attention
list. Every call runs on the background executor; the password goes to the OS keyring only.

The page also puts one permanent label in the main window's status bar: when this laptop last
synced successfully and how many of its records central does not have yet."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smm_event.domain.event import WorkspaceSummary
from smm_event.domain.sync import (
    ConnectionCheck,
    ImportResult,
    SyncPhase,
    SyncProgress,
    SyncResult,
    SyncStatus,
)
from smm_event.errors import UserError
from smm_event.services import sync as sync_service
from smm_event.sync.central import display_url, parse_central_url
from ui.background import Lane
from ui.common.change_watch import ChangeWatch
from ui.context import AppContext, Change
from ui.errors import show_error
from ui.i18n import fill
from ui.sync.sync_attention import AttentionTable, sync_error_message

SIDE_WIDTH = 430
URL_HINT = "postgresql://smm@server:5432/event"


class _Relay(QObject):
    """Called on the worker thread; the signal delivers the report on the GUI thread."""

    reported = Signal(object)

    def __call__(self, progress: SyncProgress) -> None:
        self.reported.emit(progress)


class SyncPage(QWidget):
    @staticmethod
    def page_title() -> str:
        return QCoreApplication.translate("SyncPage", "Sync", "navigation")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._cancel: threading.Event | None = None
        self._relay = _Relay(self)
        self._relay.reported.connect(self._show_progress)
        self.bar_label: QLabel | None = None
        self._build()
        context.workspace_changed.connect(self._workspace_changed)
        # What needs attention comes from scans, marks, people and clocks of every laptop: the
        # list is re-read after any change (a sync, a walk-in), when this page is on screen.
        self.watch = ChangeWatch(context, self, Change.ALL, self.load_attention)
        context.summary_changed.connect(self.refresh_status)
        QTimer.singleShot(0, self._attach_to_status_bar)
        if context.summary is not None:
            self._workspace_changed(context.summary)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self._connection_box())
        side.addWidget(self._sync_box())
        side.addWidget(self._file_box())
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(SIDE_WIDTH)
        self.attention = AttentionTable()
        self.attention.duplicates_requested.connect(self.open_duplicates)
        self.attention.itemSelectionChanged.connect(self._selection_changed)
        # Possible duplicates are resolved in the duplicates list (merge or keep both).
        self.duplicates_button = QPushButton(self.tr("Open the duplicates list"))
        self.duplicates_button.setToolTip(
            self.tr("Compare the selected walk-in with the roster person and merge them")
        )
        self.duplicates_button.setEnabled(False)
        self.duplicates_button.clicked.connect(self.open_duplicates)
        refresh = QPushButton(self.tr("Refresh the list"))
        refresh.clicked.connect(self.load_attention)
        self.attention_label = QLabel()
        heading = QHBoxLayout()
        heading.addWidget(self.attention_label, 1)
        heading.addWidget(self.duplicates_button)
        heading.addWidget(refresh)
        attention = QGroupBox(self.tr("Needs attention"))
        column = QVBoxLayout(attention)
        column.addLayout(heading)
        column.addWidget(self.attention, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addWidget(attention, 1)

    def _selection_changed(self) -> None:
        self.duplicates_button.setEnabled(self.attention.selected_is_duplicate())

    def open_duplicates(self) -> QWidget | None:
        """The shell's duplicates list (over «Участники»), when this page sits in it."""
        opener = getattr(self.window(), "open_duplicates", None)
        result = opener() if callable(opener) else None
        return result if isinstance(result, QWidget) else None

    def _connection_box(self) -> QGroupBox:
        self.url_edit = QLineEdit(self.context.station.central_url)
        self.url_edit.setPlaceholderText(URL_HINT)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: the saved password"))
        self.remember = QCheckBox(self.tr("Remember the password in the system password store"))
        self.remember.setChecked(True)
        self.check_button = QPushButton(self.tr("Test connection"))
        self.check_button.clicked.connect(self.check_connection)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        box = QGroupBox(self.tr("Central database"))
        form = QFormLayout(box)
        form.addRow(self.tr("Address"), self.url_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.remember)
        form.addRow(self.check_button)
        form.addRow(self.check_label)
        return box

    def _sync_box(self) -> QGroupBox:
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button, 1)
        buttons.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.phase_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        box = QGroupBox(self.tr("Sync"))
        column = QVBoxLayout(box)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.phase_label)
        column.addWidget(self.counts_label)
        column.addWidget(self.status_label)
        return box

    def _file_box(self) -> QGroupBox:
        self.export_button = QPushButton(self.tr("Save to a file…"))
        self.export_button.clicked.connect(self.export_file)
        self.import_button = QPushButton(self.tr("Load from a file…"))
        self.import_button.clicked.connect(self.import_file)
        hint = QLabel(
            self.tr(
                "Without network: save everything this laptop knows to a USB "
                "stick and load it on another laptop. Loading a file twice "
                "changes nothing."
            )
        )
        hint.setWordWrap(True)
        box = QGroupBox(self.tr("By file"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        column.addLayout(row)
        column.addWidget(hint)
        return box

    def _attach_to_status_bar(self) -> None:
        window = self.window()
        if not isinstance(window, QMainWindow) or self.bar_label is not None:
            return
        label = QLabel()
        window.statusBar().addPermanentWidget(label)
        self.bar_label = label
        # The label belongs to the status bar; it goes when this page does (window rebuilt).
        self.destroyed.connect(lambda: label.deleteLater() if shiboken6.isValid(label) else None)
        self.refresh_status()

    # -- state -----------------------------------------------------------------------------

    def _workspace_changed(self, summary: WorkspaceSummary | None) -> None:
        enabled = summary is not None
        for widget in (self.sync_button, self.export_button, self.import_button):
            widget.setEnabled(enabled)
        self.attention.show_items(())
        self.counts_label.clear()
        if enabled:
            self.refresh_status()
            self.load_attention()

    def _busy(self, busy: bool) -> None:
        for widget in (self.sync_button, self.export_button, self.import_button, self.check_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        if not busy:
            self._cancel = None

    def refresh_status(self, *_args: Any) -> None:
        if self.context.workspace is not None:
            self.context.run(sync_service.sync_status, on_done=self._show_status, owner=self)

    def _show_status(self, status: SyncStatus) -> None:
        when = _when(status.last_success_at) if status.last_success_at else self.tr("never")
        self.status_label.setText(
            fill(
                self.tr("Last successful sync: {when}. Not yet on central: {count} record(s)."),
                when=when,
                count=status.unsynced,
            )
        )
        if self.bar_label is not None and shiboken6.isValid(self.bar_label):
            self.bar_label.setText(
                fill(self.tr("Synced: {when} · to send: {count}"), when=when, count=status.unsynced)
            )

    def load_attention(self) -> None:
        if self.context.workspace is not None:
            self.context.run(sync_service.attention_list, on_done=self._show_attention, owner=self)

    def _show_attention(self, items: tuple[Any, ...]) -> None:
        self.attention.show_items(items)
        self._selection_changed()
        self.attention_label.setText(
            fill(self.tr("{count} item(s) to look at"), count=len(items))
            if items
            else self.tr("Nothing needs attention.")
        )

    # -- actions ---------------------------------------------------------------------------

    def _address(self) -> tuple[str, str | None] | None:
        """The address without its password, and the password typed or written in it."""
        text = self.url_edit.text().strip()
        try:
            url = parse_central_url(text) if text else None
        except UserError as error:
            self._failed(error)
            return None
        if url is None:
            self._failed(UserError("no_central_url"))
            return None
        self.url_edit.setText(display_url(url))
        return display_url(url), (self.password_edit.text() or url.password or None)

    def check_connection(self) -> None:
        address = self._address()
        if address is None:
            return
        self._busy(True)
        self.check_label.setText(self.tr("Connecting…"))
        self.context.executor.submit(
            sync_service.check_central,
            *address,
            lane=Lane.NETWORK,
            owner=self,
            on_done=lambda check: self._checked(check, *address),
            on_error=self._failed,
        )

    def _checked(self, check: ConnectionCheck, url: str, password: str | None) -> None:
        self._busy(False)
        events = ", ".join(check.event_names) or self.tr("none yet")
        self.check_label.setText(
            fill(
                self.tr(
                    "Connected: PostgreSQL {version}. Event: {events}. Records: {records}. "
                    "Clock difference with the server: {seconds} s."
                ),
                version=check.server_version.split()[0],
                events=events,
                records=check.changes,
                seconds=round(check.clock_skew_ms / 1000),
            )
        )
        self._remember(url, password)

    def start_sync(self) -> None:
        address = self._address()
        if address is None or self.context.workspace is None:
            return
        url, password = address
        self._cancel = threading.Event()
        self._busy(True)
        self.progress.setRange(0, 0)
        self.context.run(
            sync_service.sync_with_central,
            url,
            lane=Lane.NETWORK,
            password=password,
            progress=self._relay,
            cancel=self._cancel,
            owner=self,
            on_done=lambda result: self._synced(result, url, password),
            on_error=self._failed,
        )

    def _synced(self, result: SyncResult, url: str, password: str | None) -> None:
        self._busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.phase_label.setText(
            self.tr("Cancelled: run it again to continue.")
            if result.cancelled
            else self.tr("Done.")
        )
        self._show_counts(result.pushed, result.pulled, result.attention)
        self._remember(url, password)
        self.context.notify_changed()  # every page re-reads what arrived, this list too

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.phase_label.setText(self.tr("Stopping after the current batch…"))

    def export_file(self) -> None:
        stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
        name = f"smm-event-{stamp}.smm"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the sync file"), name, self.tr("Sync files (*.smm)")
        )
        if not path:
            return
        self._busy(True)
        self.context.run(
            sync_service.export_changes,
            Path(path),
            lane=Lane.NETWORK,
            owner=self,
            on_done=self._exported,
            on_error=self._failed,
        )

    def _exported(self, summary: Any) -> None:
        self._busy(False)
        self.phase_label.setText(
            fill(
                self.tr("Saved {records} record(s) to {path}."),
                records=summary.records,
                path=summary.path,
            )
        )
        self.refresh_status()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a sync file"), "", self.tr("Sync files (*.smm);;All files (*)")
        )
        if not path:
            return
        self._cancel = threading.Event()
        self._busy(True)
        self.progress.setRange(0, 0)
        self.context.run(
            sync_service.import_changes,
            Path(path),
            lane=Lane.NETWORK,
            progress=self._relay,
            cancel=self._cancel,
            owner=self,
            on_done=self._imported,
            on_error=self._failed,
        )

    def _imported(self, result: ImportResult) -> None:
        self._busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.phase_label.setText(
            fill(
                self.tr("Loaded {new} new record(s); {old} were already here."),
                new=result.imported,
                old=result.already_present,
            )
        )
        self._show_counts(0, result.imported, result.attention)
        self.context.notify_changed()

    def _remember(self, url: str, password: str | None) -> None:
        if url != self.context.station.central_url:
            self.context.update_station(central_url=url)
        if password and self.remember.isChecked():
            self.context.executor.submit(
                sync_service.save_central_password,
                url,
                password,
                owner=self,
                on_error=self._failed,
                lane=Lane.NETWORK,
            )
            self.password_edit.clear()

    # -- progress and errors ---------------------------------------------------------------

    def _show_progress(self, progress: SyncProgress) -> None:
        phases = {
            SyncPhase.CONNECTING: self.tr("Connecting…"),
            SyncPhase.PUSHING: self.tr("Sending this laptop's records…"),
            SyncPhase.PULLING: self.tr("Receiving the other laptops' records…"),
            SyncPhase.IMPORTING: self.tr("Loading the file…"),
            SyncPhase.CHECKING: self.tr("Looking for what needs attention…"),
        }
        if progress.phase not in phases:  # DONE: the result, arriving next, says so
            return
        self.phase_label.setText(phases[progress.phase])
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        self._show_counts(progress.pushed, progress.pulled, None)

    def _show_counts(self, pushed: int, pulled: int, attention: int | None) -> None:
        text = fill(self.tr("Sent: {pushed} · Received: {pulled}"), pushed=pushed, pulled=pulled)
        if attention is not None:
            text += " · " + fill(self.tr("Need attention: {count}"), count=attention)
        self.counts_label.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.phase_label.clear()
        self.check_label.clear()
        self.refresh_status()
        if isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Sync"), sync_error_message(error))
        else:
            show_error(self, error)


def _when(moment_utc: dt.datetime) -> str:
    local = moment_utc.replace(tzinfo=dt.UTC).astimezone()
    if local.date() == dt.date.today():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m %H:%M")
