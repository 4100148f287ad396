"""Choosing a workspace file and creating an event from a schedule file: the file dialogs of
the File menu and the start page (the main window then opens what was chosen)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from smm_event.paths import user_data_dir
from smm_event.services.event_setup import create_event_workspace

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def choose_workspace(window: MainWindow) -> None:
    start = window.context.station.last_workspace or str(user_data_dir())
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Open workspace"),
        start,
        QCoreApplication.translate("MainWindow", "Workspaces (*.sqlite3 *.db);;All files (*)"),
    )
    if path:
        window.open_workspace(Path(path))


def create_event(window: MainWindow) -> None:
    """Pick the schedule file, then where the new workspace goes; the schedule is checked
    before anything is written, and its problems are shown with their line."""
    schedule, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "The event's schedule"),
        str(Path.home()),
        QCoreApplication.translate("MainWindow", "Schedules (*.toml);;All files (*)"),
    )
    if not schedule:
        return
    context = window.context
    current, summary = context.workspace, context.summary
    if current is not None and summary is not None and summary.event is None:
        suggested = current.path  # the empty workspace this laptop opened is the place
    else:
        suggested = user_data_dir() / f"{Path(schedule).stem}.sqlite3"
    target, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Where to keep the event's workspace"),
        str(suggested),
        QCoreApplication.translate("MainWindow", "Workspaces (*.sqlite3)"),
    )
    if not target:
        return
    workspace = Path(target)
    if not workspace.suffix:
        workspace = workspace.with_suffix(".sqlite3")
    window.show_start_busy(QCoreApplication.translate("MainWindow", "Creating the event…"))
    context.executor.submit(
        create_event_workspace,
        workspace,
        Path(schedule),
        context.station.desk_name or None,
        on_done=lambda _event: window.open_workspace(workspace),
        on_error=window.open_failed,
    )
