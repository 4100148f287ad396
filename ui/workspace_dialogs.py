"""Choosing a workspace file and creating an event from a schedule file: the file dialogs of
the File menu and the start page (the main window then opens what was chosen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from smm_event.paths import user_data_dir
from smm_event.services.event_setup import create_event_workspace
from ui.context import AppContext

OpenWorkspace = Callable[[Path], None]


def choose_workspace(window: QWidget, context: AppContext, open_workspace: OpenWorkspace) -> None:
    start = context.station.last_workspace or str(user_data_dir())
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Open workspace"),
        start,
        QCoreApplication.translate("MainWindow", "Workspaces (*.sqlite3 *.db);;All files (*)"),
    )
    if path:
        open_workspace(Path(path))


def create_event(
    window: QWidget,
    context: AppContext,
    open_workspace: OpenWorkspace,
    show_busy: Callable[[str], None],
    open_failed: Callable[[BaseException], None],
) -> None:
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
    show_busy(QCoreApplication.translate("MainWindow", "Creating the event…"))
    context.executor.submit(
        create_event_workspace,
        workspace,
        Path(schedule),
        context.station.desk_name or None,
        on_done=lambda _event: open_workspace(workspace),
        on_error=open_failed,
    )
