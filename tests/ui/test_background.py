"""The serialized executor: work off the GUI thread, callbacks on it, in order, cancellable."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QObject

from smm_event.errors import UserError
from ui.background import BackgroundExecutor, Lane, run_in_background


@pytest.fixture
def executor(qapp: Any) -> Any:
    executor = BackgroundExecutor()
    yield executor
    executor.wait(5000)
    executor.deleteLater()


def test_work_runs_off_the_gui_thread_and_results_arrive_on_it(qtbot: Any, executor: Any) -> None:
    gui = threading.get_ident()
    results: list[tuple[int, bool, bool]] = []

    def work(x: int) -> tuple[int, bool]:
        return x * 2, threading.get_ident() != gui

    executor.submit(work, 21, on_done=lambda r: results.append((*r, threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert results == [(42, True, True)]


def test_tasks_run_one_at_a_time_in_submission_order(qtbot: Any, executor: Any) -> None:
    running = []
    order: list[int] = []

    def work(n: int) -> int:
        running.append(n)
        assert len(running) == 1, "two tasks ran at once"
        time.sleep(0.01)
        running.remove(n)
        return n

    for n in range(6):
        executor.submit(work, n, on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 6, timeout=3000)
    assert order == list(range(6))


def test_user_error_and_bug_go_to_on_error(qtbot: Any, executor: Any) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def refuse() -> None:
        raise UserError("no_event")

    executor.submit(refuse, on_done=done.append, on_error=errors.append)
    executor.submit(lambda: 1 / 0, on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=3000)
    assert isinstance(errors[0], UserError) and errors[0].code == "no_event"
    assert isinstance(errors[1], ZeroDivisionError)
    assert done == []


def test_default_error_handler_catches_what_no_task_handles(qtbot: Any, executor: Any) -> None:
    seen: list[BaseException] = []
    executor.default_on_error = seen.append
    executor.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert isinstance(seen[0], ZeroDivisionError)


def test_cancelled_task_delivers_nothing_and_the_service_sees_the_event(
    qtbot: Any, executor: Any
) -> None:
    started = threading.Event()
    stopped_early: list[bool] = []
    delivered: list[object] = []

    def long_service(cancel: threading.Event) -> str:
        started.set()
        stopped_early.append(cancel.wait(3))
        return "late"

    task = executor.submit(long_service, cancellable=True, on_done=delivered.append)
    assert started.wait(3)
    task.cancel()
    qtbot.waitUntil(lambda: not executor.busy, timeout=3000)
    assert stopped_early == [True]
    assert delivered == []


def test_progress_reaches_the_gui_thread_and_ends_with_the_total(qtbot: Any, executor: Any) -> None:
    reports: list[tuple[int, int | None]] = []
    done: list[str] = []

    def service(progress: Any) -> str:
        for step in range(1, 201):
            progress(step, 200)
        return "ok"

    executor.submit(service, on_progress=lambda d, t: reports.append((d, t)), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert reports[-1] == (200, 200)
    assert len(reports) < 50, "progress was not throttled"


def test_callbacks_of_a_deleted_owner_are_dropped(qtbot: Any, executor: Any) -> None:
    owner = QObject()
    gate = threading.Event()
    delivered: list[object] = []
    executor.submit(gate.wait, 3, owner=owner, on_done=delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=3000)
    gate.set()
    qtbot.waitUntil(lambda: not executor.busy, timeout=3000)
    assert delivered == []


def test_busy_signal_brackets_the_work(qtbot: Any, executor: Any) -> None:
    states: list[bool] = []
    executor.busy_changed.connect(states.append)
    with qtbot.waitSignal(executor.busy_changed, timeout=3000, check_params_cb=lambda b: not b):
        executor.submit(time.sleep, 0.01)
        executor.submit(time.sleep, 0.01)
    assert states == [True, False]


def test_module_level_helper_uses_the_application_executor(qtbot: Any, qapp: Any) -> None:
    got: list[int] = []
    run_in_background(sum, [1, 2, 3], on_done=got.append)
    qtbot.waitUntil(lambda: got == [6], timeout=3000)


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_stuck_network_task_never_delays_the_database_lane(qtbot: Any, executor: Any) -> None:
    """A central that does not answer holds its own lane; scans on the database lane and a
    connection test on the second network thread still finish."""
    release = threading.Event()
    done: list[str] = []
    executor.submit(release.wait, 10, lane=Lane.NETWORK, on_done=lambda _r: done.append("sync"))
    executor.submit(release.wait, 10, lane=Lane.RENDER, on_done=lambda _r: done.append("pdf"))
    started = time.monotonic()
    for n in range(5):
        executor.submit(lambda n=n: f"scan {n}", on_done=done.append)
    executor.submit(lambda: "connection test", lane=Lane.NETWORK, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 6, timeout=3000)
    assert time.monotonic() - started < 2
    assert done[:5] == [f"scan {n}" for n in range(5)] or "connection test" in done[:5]
    assert sorted(done) == sorted([f"scan {n}" for n in range(5)] + ["connection test"])
    assert "sync" not in done and "pdf" not in done
    assert executor.pending(Lane.NETWORK) == 1 and executor.pending(Lane.RENDER) == 1
    assert executor.pending(Lane.DATABASE) == 0 and executor.busy
    assert not executor.wait(50)  # two lanes still busy
    release.set()
    qtbot.waitUntil(lambda: len(done) == 8, timeout=3000)
    assert executor.wait(1000) and not executor.busy


def test_the_render_lane_keeps_submission_order(qtbot: Any, executor: Any) -> None:
    order: list[int] = []
    for n in range(5):
        executor.submit(
            lambda n=n: (time.sleep(0.005), n)[1], lane=Lane.RENDER, on_done=order.append
        )
    qtbot.waitUntil(lambda: len(order) == 5, timeout=3000)
    assert order == list(range(5))
