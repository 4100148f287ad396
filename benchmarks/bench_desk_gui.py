"""The desk as staff meet it: scanner bursts through the real keyboard capture, measured from
the Enter key to the verdict painted on screen (issue 12: p99 < 50 ms on its own, < 80 ms while
other lanes work). Offscreen Qt; the demo workspace with stream 1's first day made "today".

Scenarios, each with the same number of bursts (the badges of stream 1, admitted once, then
amber «already checked in»):
- alone;
- while 210 badges render and are written as a PDF on the render lane, over and over;
- while a connection test to a central that does not answer waits on the network lane;
- while a sync with the local PostgreSQL runs on the network lane, over and over (skipped when
  no PostgreSQL answers at 127.0.0.1:5432).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_desk_gui.py [--bursts N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ.setdefault(_name, tempfile.mkdtemp(prefix="smm-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from smm_event.services.context import current_event  # noqa: E402

from smm_event.badges import keys as key_envelope  # noqa: E402
from smm_event.badges import make_token  # noqa: E402
from smm_event.services import badges, keys, participants  # noqa: E402
from smm_event.services.demo import create_demo  # noqa: E402
from smm_event.workspace import open_workspace  # noqa: E402
from ui.background import Lane  # noqa: E402

FIRST_DAY = dt.date(2026, 5, 12)
MORNING = dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC)
PASSPHRASE = "benchmark passphrase"
UNREACHABLE = "postgresql://nobody@10.255.255.1:5432/smm?connect_timeout=15"
LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def burst(widget: Any, text: str) -> None:
    for char in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            ),
        )
    QApplication.sendEvent(
        widget,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"),
    )


def measure(
    app: QApplication, page: Any, window: Any, tokens: list[str], bursts: int
) -> list[float]:
    painted: list[float] = []
    original = page.show_outcome

    def shown(outcome: Any) -> None:
        original(outcome)
        page.result.repaint()  # paint now, synchronously: the time the clerk sees it
        painted.append(time.perf_counter())

    page.show_outcome = shown
    timings: list[float] = []
    try:
        for n in range(bursts):
            before = len(painted)
            token = tokens[n % len(tokens)]
            # The burst itself takes the scanner ~150 ms; the clock starts at its Enter.
            burst(window, token[:-1])
            started = time.perf_counter()
            burst(window, token[-1])
            deadline = started + 5
            while len(painted) == before and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if len(painted) > before:
                timings.append((painted[-1] - started) * 1000)
            app.processEvents()
    finally:
        page.show_outcome = original
    return timings


def report(name: str, timings: list[float], target: float) -> None:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    print(
        f"{name:<44} {len(timings):4d} scans  p50 {statistics.median(timings):5.1f} ms  "
        f"p99 {p99:5.1f} ms  max {ordered[-1]:6.1f} ms  (target p99 < {target:.0f} ms)"
    )


def keep_busy(stop: threading.Event, submit: Callable[[], Any]) -> None:
    """Resubmit background work whenever the previous one finished, until stopped."""
    running: list[Any] = []

    def again() -> None:
        if not stop.is_set() and (not running or running[-1].finished):
            running.append(submit())
        if not stop.is_set():
            QTimer.singleShot(20, again)

    again()


def postgres_answers() -> bool:
    import psycopg

    try:
        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bursts", type=int, default=500)
    args = parser.parse_args()
    key_envelope._SCRYPT_LOG2_N = 10  # cheap scrypt, same format
    folder = Path(tempfile.mkdtemp(prefix="smm-bench-desk-"))
    path = folder / "event.sqlite3"
    create_demo(path, first_day=FIRST_DAY)
    with open_workspace(path) as ws:
        keys.init_keys(ws, PASSPHRASE)
        key = keys.unlock_signing_key(ws, PASSPHRASE)
        with ws.reading() as session:
            event_id = current_event(session).id
        people = participants.list_participants(ws, stream_number=1)
    tokens = [make_token(key, event_id, person.id, 1) for person in people]

    import ui.desk.desk_page as desk_page
    from ui.app import start

    desk_page.now = lambda: MORNING
    app = QApplication.instance() or QApplication(sys.argv)
    desk = start(app, path, False, "ru", station_path=folder / "station.toml")
    window = desk.window
    window.show()
    wait(1500)
    window.show_page("desk")
    page = window.page("desk")
    wait(1500)
    context = desk.context

    report("alone", measure(app, page, window, tokens, args.bursts), 50)

    stop = threading.Event()

    def render() -> Any:
        return context.run(
            lambda ws: badges.print_badges(ws, key, io.BytesIO(), "a4"), lane=Lane.RENDER
        )

    keep_busy(stop, render)
    wait(300)
    report(
        "while 210 badges render (render lane)", measure(app, page, window, tokens, args.bursts), 80
    )
    stop.set()
    context.executor.wait(60_000)

    from smm_event.services import sync as sync_service

    stop = threading.Event()
    keep_busy(
        stop,
        lambda: context.executor.submit(
            lambda: _quietly(sync_service.check_central, UNREACHABLE), lane=Lane.NETWORK
        ),
    )
    wait(300)
    report(
        "while central does not answer (network lane)",
        measure(app, page, window, tokens, args.bursts),
        80,
    )
    stop.set()

    if postgres_answers():
        stop = threading.Event()
        keep_busy(
            stop,
            lambda: context.run(
                lambda ws: _quietly(sync_service.sync_with_central, ws, LOCAL_PG), lane=Lane.NETWORK
            ),
        )
        wait(300)
        report(
            "while a sync with PostgreSQL runs (network)",
            measure(app, page, window, tokens, args.bursts),
            80,
        )
        stop.set()
    else:
        print("sync scenario skipped: no PostgreSQL at 127.0.0.1:5432")
    context.executor.wait(30_000)
    desk.shutdown()
    shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)  # a connection test may still wait on the unreachable address


def _quietly(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception:  # the unreachable central refuses; the benchmark only needs it busy
        return None


if __name__ == "__main__":
    main()
