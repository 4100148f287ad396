"""The open workspace as the screens see it: one object handed to every page.

Pages never open or close the workspace and never call a service on the GUI thread: they call
``context.run(service, *args, on_done=...)``, which runs ``service(workspace, *args)`` on the
database lane of the executor (``lane=Lane.NETWORK`` for sync, ``Lane.RENDER`` for PDFs and
printing), and they listen to the signals below to refresh themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from smm_event.domain.event import WorkspaceSummary
from smm_event.services.queries import workspace_summary
from smm_event.station import StationSettings, save_station_settings
from smm_event.workspace import Workspace, open_workspace
from ui.background import BackgroundExecutor, DoneCallback, ErrorCallback, Lane, Task

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class OpenedWorkspace:
    workspace: Workspace
    summary: WorkspaceSummary


def open_or_create(path: Path, demo: bool, device_name: str | None) -> OpenedWorkspace:
    """Runs on the worker: creating the demo and migrating a workspace can take seconds."""
    opened = _open(path, device_name)
    if demo and opened.summary.event is None:
        # A new demo, or one whose creation was interrupted: (re)build it from scratch.
        from smm_event.services.demo import MID_COURSE, create_demo  # only the demo needs it

        opened.workspace.close()
        create_demo(path, today=dt.date.today(), replace=True, scenario=MID_COURSE)
        opened = _open(path, device_name)
    return opened


def _open(path: Path, device_name: str | None) -> OpenedWorkspace:
    workspace = open_workspace(path, device_name=device_name)
    try:
        return OpenedWorkspace(workspace, workspace_summary(workspace))
    except BaseException:
        workspace.close()
        raise


class Change(enum.Flag):
    """What a write changed, so pages re-read only what they show (``AppContext.changed``)."""

    CHECKINS = enum.auto()
    MARKS = enum.auto()
    PEOPLE = enum.auto()
    BADGES = enum.auto()
    KEYS = enum.auto()
    CERTIFICATES = enum.auto()
    SCHEDULE = enum.auto()
    SETTINGS = enum.auto()
    ALL = CHECKINS | MARKS | PEOPLE | BADGES | KEYS | CERTIFICATES | SCHEDULE | SETTINGS


# Changes that come with every scan: a page that listens only to ``data_changed`` (and re-reads
# everything) is not woken by them, or every scan would queue queries in front of the next one.
FREQUENT = Change.CHECKINS | Change.MARKS


class AppContext(QObject):
    opening_changed = Signal(bool)  # True while a workspace is being opened or created
    workspace_changed = Signal(object)  # WorkspaceSummary of the new workspace, or None
    summary_changed = Signal(object)  # WorkspaceSummary, after any refresh
    data_changed = Signal()  # something besides scans and marks changed: re-query everything
    changed = Signal(object)  # Change: what changed (scans and marks too)

    def __init__(
        self,
        executor: BackgroundExecutor,
        station: StationSettings,
        station_path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.executor = executor
        self.station = station
        self._station_path = station_path
        self.workspace: Workspace | None = None
        self.summary: WorkspaceSummary | None = None
        self.opening = False

    def open(self, path: Path, demo: bool = False, on_error: ErrorCallback | None = None) -> Task:
        """Open (the demo: create if missing) ``path`` in the background; the current
        workspace stays usable until the new one is ready."""
        self._set_opening(True)
        device_name = self.station.desk_name or None

        def failed(error: BaseException) -> None:
            self._set_opening(False)
            if on_error is not None:
                on_error(error)

        return self.executor.submit(
            open_or_create,
            path,
            demo,
            device_name,
            on_done=lambda opened: self._opened(opened, remember=not demo),
            on_error=failed,
        )

    def _opened(self, opened: OpenedWorkspace, remember: bool) -> None:
        self._close_current()
        self.workspace, self.summary = opened.workspace, opened.summary
        # In the log file (and what the bundle test waits for): which workspace is on screen.
        log.info("opened %s: %d participants", opened.workspace.path, self.summary.participants)
        if remember:
            self.update_station(last_workspace=str(opened.workspace.path))
        self._set_opening(False)
        self.workspace_changed.emit(self.summary)
        self.summary_changed.emit(self.summary)

    def _set_opening(self, opening: bool) -> None:
        self.opening = opening
        self.opening_changed.emit(opening)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        lane: Lane = Lane.DATABASE,
        **kwargs: Any,
    ) -> Task:
        """``fn(workspace, *args, **kwargs)`` on ``lane``; ``kwargs`` may include
        ``on_progress`` and ``cancellable`` (see ``BackgroundExecutor.submit``)."""
        if self.workspace is None:
            raise RuntimeError("no workspace is open")
        return self.executor.submit(
            fn, self.workspace, *args, on_done=on_done, on_error=on_error, lane=lane, **kwargs
        )

    def refresh_summary(self) -> None:
        if self.workspace is not None:
            self.run(workspace_summary, on_done=self._summary_loaded)

    def _summary_loaded(self, summary: WorkspaceSummary) -> None:
        self.summary = summary
        self.summary_changed.emit(summary)

    def notify_changed(self, what: Change = Change.ALL) -> None:
        """Call after a write with what it changed. ``changed`` always fires; ``data_changed``
        (pages that re-read everything) and the status bar only for more than scans and marks."""
        self.changed.emit(what)
        if what & ~FREQUENT:
            self.data_changed.emit()
            self.refresh_summary()

    def update_station(self, **changes: Any) -> None:
        self.station = dataclasses.replace(self.station, damaged=False, **changes)
        try:
            save_station_settings(self.station, self._station_path)
        except OSError as error:  # the laptop keeps working with the settings in memory
            log.warning("cannot save station settings: %s", error)

    def _close_current(self) -> None:
        if self.workspace is not None:
            self.executor.submit(self.workspace.close)  # after any query still queued on it
        self.workspace = None
        self.summary = None

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Close the workspace after the queued work; called once when the app quits."""
        self._close_current()
        if not self.executor.wait(timeout_ms):
            log.warning("background work still running at exit")
