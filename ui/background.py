"""Run core services off the GUI thread: the GUI thread never waits on the database.

Work runs on lanes, each its own thread pool, so that slow work of one kind never queues in
front of another (a 15 s sync or a server that does not answer must not hold a scan):

- ``Lane.DATABASE``: one never-expiring thread, tasks in submission order. Scans, searches,
  marks and counts: short local SQLite work.
- ``Lane.NETWORK``: sync with central, connection tests, bundle files, the keyring. Two threads,
  so a connection test still answers while a sync runs.
- ``Lane.RENDER``: PDFs, previews and printing, one thread in order.

Lanes other than the database one write to the workspace too (a sync applies batches, a print
logs what it printed); ``Workspace.transaction`` serializes writers in this process with a
lock, so SQLite still has one writer at a time and a scan waits at most one short batch, never
the whole sync. Workers never touch widgets:
results, errors and progress travel back as queued signals and the callbacks run on the GUI
thread (modelled on Anki's ``aqt.operations``: ``QueryOp(...).success(...).run_in_background()``).

    task = run_in_background(
        list_participants, ws, None, "ива",
        on_done=self.show_rows,            # called with fn's result, on the GUI thread
        on_error=self.show_error,          # called with the exception (UserError or a bug)
    )
    task.cancel()                          # its result will not be delivered

A service that reports progress or can stop early takes ``progress`` and ``cancel`` keyword
arguments; pass ``on_progress=`` and/or ``cancellable=True`` and they are supplied. Pass
``owner=self`` from a widget: its callbacks are dropped if it is deleted before they arrive.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int | None], None]

# Progress is a queued signal per report; more than ~20 a second only floods the event loop.
PROGRESS_INTERVAL_S = 0.05


class Lane(StrEnum):
    DATABASE = "database"
    NETWORK = "network"
    RENDER = "render"


# Threads per lane. DATABASE and RENDER keep order (a query queued after a write sees it).
LANE_THREADS = {Lane.DATABASE: 1, Lane.NETWORK: 2, Lane.RENDER: 1}


@dataclass(eq=False)
class Task:
    """A submitted call. ``cancel()`` asks the service to stop (if it takes ``cancel``) and, in
    any case, drops the result: a superseded search must not overwrite a newer one."""

    name: str
    on_done: DoneCallback | None = None
    on_error: ErrorCallback | None = None
    on_progress: ProgressCallback | None = None
    owner: QObject | None = None  # callbacks are dropped once this widget is deleted
    lane: Lane = Lane.DATABASE
    cancel_event: threading.Event = field(default_factory=threading.Event)
    finished: bool = False

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class BackgroundExecutor(QObject):
    """The lanes' workers. Create one per application (``default_executor()``)."""

    # (task, kind, payload) emitted from the worker; the slot runs on this object's thread.
    _delivered = Signal(object, str, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane, threads in LANE_THREADS.items():
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
            pool.setExpiryTimeout(-1)  # keep the threads: no start-up cost before a scan
            self._pools[lane] = pool
        self._pending: set[Task] = set()  # keeps tasks referenced until delivered
        self.default_on_error: ErrorCallback | None = None
        self._delivered.connect(self._deliver)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancellable: bool = False,
        owner: QObject | None = None,
        lane: Lane = Lane.DATABASE,
        **kwargs: Any,
    ) -> Task:
        name = getattr(fn, "__qualname__", repr(fn))
        task = Task(name, on_done, on_error, on_progress, owner, lane=lane)
        if on_progress is not None:
            kwargs["progress"] = self._progress_reporter(task)
        if cancellable:
            kwargs["cancel"] = task.cancel_event
        was_idle = not self._pending
        self._pending.add(task)
        if was_idle:
            self.busy_changed.emit(True)
        self._pools[lane].start(lambda: self._work(task, fn, args, kwargs))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def pending(self, lane: Lane) -> int:
        """Tasks of ``lane`` submitted and not yet delivered."""
        return sum(1 for task in self._pending if task.lane is lane)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every lane is empty (shutdown and tests only; never from a screen)."""
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        for pool in self._pools.values():
            left = -1 if deadline is None else max(0, int((deadline - time.monotonic()) * 1000))
            if not pool.waitForDone(left):
                return False
        return True

    def _work(self, task: Task, fn: Callable[..., Any], args: Any, kwargs: Any) -> None:
        if task.cancelled:
            self._emit(task, "cancelled", None)
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as error:  # a worker must report, never die silently
            if not _is_user_error(error):
                log.error("background task %s failed", task.name, exc_info=error)
            self._emit(task, "error", error)
        else:
            self._emit(task, "done", result)

    def _progress_reporter(self, task: Task) -> ProgressCallback:
        last = [0.0]

        def report(done: int, total: int | None = None) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL_S or (total is not None and done >= total):
                last[0] = now
                self._emit(task, "progress", (done, total))

        return report

    def _emit(self, task: Task, kind: str, payload: object) -> None:
        try:
            self._delivered.emit(task, kind, payload)
        except RuntimeError:  # the executor was deleted while the task ran (app quitting)
            log.debug("dropped %s result of %s: executor gone", kind, task.name)

    @Slot(object, str, object)
    def _deliver(self, task: Task, kind: str, payload: Any) -> None:
        if kind == "progress":
            owner_alive = task.owner is None or shiboken6.isValid(task.owner)
            if task.on_progress is not None and not task.cancelled and owner_alive:
                task.on_progress(*payload)
            return
        task.finished = True
        self._pending.discard(task)
        try:
            self._call_back(task, kind, payload)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)

    def _call_back(self, task: Task, kind: str, payload: Any) -> None:
        if task.cancelled or kind == "cancelled":
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return  # the screen that asked was closed (e.g. rebuilt for another language)
        if kind == "done":
            if task.on_done is not None:
                task.on_done(payload)
            return
        handler = task.on_error or self.default_on_error
        if handler is not None:
            handler(payload)
        else:
            log.error("unhandled error in %s: %r", task.name, payload)


def _is_user_error(error: BaseException) -> bool:
    from smm_event.errors import UserError

    return isinstance(error, UserError)


def default_executor() -> BackgroundExecutor:
    """The application's executor, created on first use and owned by the QApplication."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before running background tasks")
    executor = app.findChild(BackgroundExecutor, "smm_default_executor")
    if executor is None:
        executor = BackgroundExecutor(app)
        executor.setObjectName("smm_default_executor")
    return executor


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: DoneCallback | None = None,
    on_error: ErrorCallback | None = None,
    on_progress: ProgressCallback | None = None,
    cancellable: bool = False,
    owner: QObject | None = None,
    lane: Lane = Lane.DATABASE,
    **kwargs: Any,
) -> Task:
    """Submit ``fn(*args, **kwargs)`` to a lane of the application's executor."""
    return default_executor().submit(
        fn,
        *args,
        on_done=on_done,
        on_error=on_error,
        on_progress=on_progress,
        cancellable=cancellable,
        owner=owner,
        lane=lane,
        **kwargs,
    )
