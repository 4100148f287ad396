"""The import dialog on a 10,000-row cp1251 roster: preview (target < 1 s) and import
(target < 3 s), measured in the core and through the dialog itself (offscreen Qt: reading on
the background executor, then filling the tables on the GUI thread).

Run: python benchmarks/bench_import_dialog.py"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_roster import ROWS, write_roster
from smm_event.paths import resource_path
from smm_event.services import event_setup, roster_import
from smm_event.workspace import open_workspace


def core(root: Path, roster: Path) -> None:
    with open_workspace(root / "core.sqlite3") as ws:
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
        started = time.perf_counter()
        _, report = roster_import.preview_roster(ws, roster)
        preview = time.perf_counter() - started
        assert report.created == ROWS and not report.applied
        roster_import.import_roster(ws, roster)
        started = time.perf_counter()
        roster_import.preview_roster(ws, roster)
        again = time.perf_counter() - started
    print(f"core preview, empty roster: {preview:.2f} s; with the 10,000 already in: {again:.2f} s")


def dialog(root: Path, roster: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from smm_event.station import StationSettings
    from ui.background import BackgroundExecutor
    from ui.context import AppContext, open_or_create
    from ui.i18n import install_translators
    from ui.roster.import_dialog import ImportDialog

    app = QApplication.instance() or QApplication([])
    install_translators(app, "ru")
    path = root / "dialog.sqlite3"
    with open_workspace(path) as ws:
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
    context = AppContext(BackgroundExecutor(), StationSettings(), root / "station.toml")
    context._opened(open_or_create(path, False, None), remember=False)
    view = ImportDialog(context)
    view.show()
    started = time.perf_counter()
    view.load(roster)
    while view._preview_report is None or view.progress.isVisible():
        app.processEvents()
    preview = time.perf_counter() - started
    started = time.perf_counter()
    view.confirm()
    while view.imported is None:
        app.processEvents()
    imported = time.perf_counter() - started
    assert view.imported.created == ROWS  # type: ignore[union-attr]
    print(f"dialog: preview shown {preview:.2f} s; import done {imported:.2f} s")
    context.shutdown()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        roster = root / "roster.csv"
        write_roster(roster, ROWS)
        core(root, roster)
        dialog(root, roster)


if __name__ == "__main__":
    main()
