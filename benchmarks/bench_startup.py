"""Cold start of the desk (issue 15): a new process until the main window shows the demo
workspace's roster (the participants page with its rows), offscreen.

    python benchmarks/bench_startup.py [--runs 5]

Each run is a fresh interpreter, timed from spawning it to its "ready" line; the demo workspace
is created once beforehand in a throwaway data folder (XDG_DATA_HOME / XDG_CONFIG_HOME point
there, so the user's own workspace and settings are not touched). The floor, measured in the same
run the same way: a minimal PySide6 program that shows an empty QMainWindow. Target: < 1.5 s.

To see where the time goes: ``python -X importtime benchmarks/bench_startup.py --child ours``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child_floor() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Участники"))
    window.resize(1280, 760)
    window.show()

    def ready() -> None:
        print(f"ready 0 {time.process_time():.3f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


def child_ours() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import start

    app = QApplication(sys.argv[:1])
    station = Path(os.environ["XDG_CONFIG_HOME"]) / "station.toml"
    desk = start(app, None, True, "ru", station_path=station)

    def poll() -> None:
        page = desk.window.page("participants")
        rows = page.model.rowCount()  # type: ignore[attr-defined]
        if desk.window.isVisible() and page.isVisible() and rows > 0:
            page.repaint()  # painted with its rows, not only laid out
            print(f"ready {rows} {time.process_time():.3f}", flush=True)
            timer.stop()
            desk.shutdown()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    app.exec()


def one_run(kind: str, env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds from spawning the child to its ready line, the rows it saw, and the CPU seconds
    it had used by then (on a loaded machine the wall time waits for the other processes)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            process.wait(timeout=60)
            _, rows, cpu = line.split()
            return elapsed, int(rows), float(cpu)
    process.wait(timeout=60)
    raise SystemExit(f"the {kind} child exited with {process.returncode} before it was ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("ours", "floor"), default=None)
    args = parser.parse_args()
    if args.child == "floor":
        child_floor()
        return
    if args.child == "ours":
        child_ours()
        return
    from floors import limit_line, print_ratio

    with tempfile.TemporaryDirectory(prefix="bench_startup_") as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        env["XDG_DATA_HOME"] = str(Path(folder) / "data")
        env["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        Path(env["XDG_CONFIG_HOME"]).mkdir()
        _, rows, _ = one_run("ours", env)  # creates the demo workspace: not a cold start
        print(f"demo workspace ready ({rows} people on the roster); {args.runs} cold runs each\n")
        ours = [one_run("ours", env) for _ in range(args.runs)]
        floor = [one_run("floor", env) for _ in range(args.runs)]
    medians = {}
    for label, runs in (
        ("ours: window with the demo roster", ours),
        ("floor: empty window", floor),
    ):
        walls, cpus = [run[0] for run in runs], [run[2] for run in runs]
        medians[label] = (statistics.median(walls), statistics.median(cpus))
        print(
            f"{label:<36} median {medians[label][0]:.2f} s  best {min(walls):.2f} s"
            f"  worst {max(walls):.2f} s  (CPU median {medians[label][1]:.2f} s)"
        )
    print()
    (wall_ours, cpu_ours), (wall_floor, cpu_floor) = medians.values()
    print_ratio("cold start, median", wall_ours, wall_floor, "minimal PySide6 window")
    print_ratio("cold start CPU, median", cpu_ours, cpu_floor, "minimal PySide6 window")
    print(limit_line("cold start to the demo roster, median", wall_ours, 1.5, "s"))


if __name__ == "__main__":
    main()
