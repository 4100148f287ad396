"""The «Сводка» page on the mid-course demo: figures, the at-risk list, charts drawn off the GUI
thread, and the evidence pack built from its button (progress dialog, message, files)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow

from smm_event.services.dashboard import load_dashboard
from smm_event.services.demo import MID_COURSE, create_demo
from smm_event.station import StationSettings
from smm_event.workspace import open_workspace
from ui.background import default_executor
from ui.context import AppContext
from ui.dashboard.charts import render_executor
from ui.dashboard.page import DashboardPage
from ui.i18n import install_translators

from .conftest import retire

WAIT_MS = 30000
TODAY = dt.date(2026, 5, 21)


@pytest.fixture(scope="module")
def mid_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mid") / "demo.sqlite3"
    create_demo(path, seed=7, scenario=MID_COURSE, today=TODAY)
    return path


@pytest.fixture
def page(
    qapp: Any, qtbot: Any, mid_course: Path, tmp_path: Path, message_boxes: Any
) -> Iterator[DashboardPage]:
    install_translators(qapp, "ru")
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(mid_course, path)
    context = AppContext(default_executor(), StationSettings(), tmp_path / "station.toml")
    window = QMainWindow()
    widget = DashboardPage(context)
    window.setCentralWidget(widget)
    window.resize(1366, 740)
    qtbot.addWidget(window)
    window.show()
    context.open(path)
    qtbot.waitUntil(lambda: "Выдано сертификатов" in widget.status.text(), timeout=WAIT_MS)
    yield widget
    context.shutdown()
    render_executor().wait(WAIT_MS)
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not (context.executor.busy or render_executor().busy), timeout=WAIT_MS)
    retire(context)


def test_figures_risk_list_and_charts(qtbot: Any, page: DashboardPage, tmp_path: Path) -> None:
    with open_workspace(page.context.workspace.path) as ws:  # type: ignore[union-attr]
        data = load_dashboard(ws, page.day_box.currentData())
    assert f"Выдано сертификатов: {data.certificates_issued}." in page.status.text()
    assert data.certificates_issued > 0
    assert page.risk.rowCount() == len(data.at_risk) > 0
    first = data.at_risk[0]
    assert page.risk.item(0, 0).text() == first.full_name
    assert page.risk.item(0, 2).text() == (first.phone or "")
    qtbot.waitUntil(lambda: all(not c.pixmap().isNull() for c in page.charts), timeout=WAIT_MS)
    # Another day: the arrivals chart follows, the figures stay.
    page.day_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page._task is None, timeout=WAIT_MS)


def test_pack_button_builds_the_pack(
    qtbot: Any, page: DashboardPage, tmp_path: Path, message_boxes: Any, monkeypatch: Any
) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(out)))
    page.pack_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.texts("information")), timeout=WAIT_MS * 2)
    (text,) = message_boxes.texts("information")
    assert "Пакет документов готов" in text
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    assert (folder / "SHA256SUMS").is_file() and folder.with_suffix(".zip").is_file()
    assert any(folder.glob("signin/*.pdf"))
