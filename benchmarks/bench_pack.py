"""The evidence pack and the outcome figures on the 210-person, 48-session demo.

    python benchmarks/bench_pack.py [--repeat 2]

Target (issue 13): the pack for 210 people and 48 sessions in < 15 s. Times the whole
``build_pack`` (48 sign-in sheets, 3 attendance matrices, the certificate register XLSX and PDF,
the indicators report with its charts, the selection protocol, the funnel, the contents sheet
and the zip) after every session is held, and prints the slowest files from the progress
callback; then the selection ranking, the reach report and the dashboard's figures (target
< 200 ms on the mid-course demo) and one dashboard chart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import tempfile
import time
from pathlib import Path

from smm_event.reporting.pack import build_pack
from smm_event.services import reach, selection
from smm_event.services.dashboard import load_dashboard
from smm_event.services.demo import MID_COURSE, create_demo
from smm_event.workspace import open_workspace

AFTER_ALL = dt.datetime(2026, 7, 1, 12, 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        create_demo(path, seed=7, first_day=dt.date(2026, 5, 12))
        with open_workspace(path) as ws:
            selection.save_selection(ws, now=AFTER_ALL)
            marks: list[tuple[float, str]] = []

            def progress(done: int, total: int, name: str) -> None:
                marks.append((time.perf_counter(), name))

            for run in range(args.repeat):
                marks.clear()
                start = time.perf_counter()
                result = build_pack(ws, Path(folder) / f"out{run}", progress, now=AFTER_ALL)
                total = time.perf_counter() - start
                steps = [
                    (later[0] - earlier[0], earlier[1])
                    for earlier, later in itertools.pairwise(marks)
                ]
                slow = ", ".join(f"{name} {sec:.2f} s" for sec, name in sorted(steps)[-4:])
                print(
                    f"pack run {run + 1}: {total:.2f} s, {len(result.files)} files; slowest: {slow}"
                )
            for label, call in (
                ("dashboard figures (first-day demo)", lambda: load_dashboard(ws)),
                ("selection ranking", lambda: selection.selection_view(ws, None, AFTER_ALL)),
                ("reach report", lambda: reach.reach_report(ws)),
            ):
                start = time.perf_counter()
                call()
                print(f"{label}: {(time.perf_counter() - start) * 1000:.0f} ms")
        mid = Path(folder) / "mid.sqlite3"
        create_demo(mid, seed=7, scenario=MID_COURSE, today=dt.date(2026, 5, 21))
        with open_workspace(mid) as ws:
            load_dashboard(ws)
            times = []
            for _ in range(5):
                start = time.perf_counter()
                load_dashboard(ws)
                times.append(time.perf_counter() - start)
            print(
                f"dashboard figures (mid-course demo): best {min(times) * 1000:.0f} ms, "
                f"worst {max(times) * 1000:.0f} ms"
            )
            from smm_event.charts.render import bar_chart

            start = time.perf_counter()
            for _ in range(3):
                bar_chart("x", ["a", "b"], {"n": [1.0, 2.0]}, None, (6.0, 2.4))
            print(
                f"one dashboard chart (render lane): {(time.perf_counter() - start) / 3 * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
