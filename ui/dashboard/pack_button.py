"""«Собрать пакет документов»: asks for a folder, builds the evidence pack on the render lane
with a progress dialog whose Cancel stops it between files, then says where it is."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from smm_event.reporting.pack import PackResult, build_pack
from smm_event.workspace import Workspace
from ui.background import Task
from ui.context import AppContext
from ui.dashboard.charts import render_executor
from ui.errors import show_error
from ui.i18n import fill


def _pack(
    ws: Workspace,
    out: Path,
    progress: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> PackResult:
    return build_pack(ws, out, lambda done, total, _name: progress(done, total), cancel)


class PackButton(QPushButton):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("PackButton", "Build the evidence pack…"), parent
        )
        self.context = context
        self._task: Task | None = None
        self._dialog: QProgressDialog | None = None
        self.clicked.connect(self.start)

    def start(self) -> None:
        ws = self.context.workspace
        if ws is None or self._task is not None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("PackButton", "Folder for the evidence pack")
        )
        if not folder:
            return
        dialog = QProgressDialog(
            QCoreApplication.translate("PackButton", "Building the evidence pack…"),
            QCoreApplication.translate("PackButton", "Cancel"),
            0,
            100,
            self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self._dialog = dialog
        self._task = render_executor().submit(
            _pack,
            ws,
            Path(folder),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            cancellable=True,
            owner=self,
        )
        dialog.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._close_dialog()

    def _progress(self, done: int, total: int | None) -> None:
        if self._dialog is not None and total:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    def _done(self, result: PackResult) -> None:
        self._task = None
        self._close_dialog()
        if result.cancelled or result.folder is None:
            return
        QMessageBox.information(
            self,
            QCoreApplication.translate("PackButton", "Evidence pack"),
            fill(
                QCoreApplication.translate(
                    "PackButton",
                    "The evidence pack is ready: {count} files in {folder} and the archive {zip}.",
                ),
                count=len(result.files),
                folder=str(result.folder),
                zip=str(result.zip_path),
            ),
        )

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._close_dialog()
        show_error(self, error)
