"""The «Отбор» page: the ranking, a decision with its reason, saving into the tracks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMainWindow

from smm_event.services import selection
from smm_event.station import StationSettings
from ui.background import default_executor
from ui.context import AppContext
from ui.i18n import install_translators
from ui.selection.page import SelectionPage

from .conftest import retire

WAIT_MS = 30000


@pytest.fixture
def page(
    qapp: Any, qtbot: Any, demo_template: Path, tmp_path: Path, message_boxes: Any
) -> Iterator[SelectionPage]:
    install_translators(qapp, "ru")
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(demo_template, path)
    context = AppContext(default_executor(), StationSettings(), tmp_path / "station.toml")
    window = QMainWindow()
    widget = SelectionPage(context)
    window.setCentralWidget(widget)
    qtbot.addWidget(window)
    window.show()
    context.open(path)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 210, timeout=WAIT_MS)
    yield widget
    context.shutdown()
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not context.executor.busy, timeout=WAIT_MS)
    retire(context)


def test_exclude_with_a_reason_then_save(
    qtbot: Any, page: SelectionPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    assert "Отобрано 100 из 210" in page.summary.text()
    first = page.table.item(0, 1).text()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    page.table.selectRow(0)
    page._decide("exclude", None)
    qtbot.waitUntil(lambda: bool(message_boxes.texts("warning")), timeout=WAIT_MS)
    assert "Напишите причину решения" in message_boxes.texts("warning")[0]
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Отказался от участия", True))
    )
    page.table.selectRow(0)
    page._decide("exclude", None)
    qtbot.waitUntil(
        lambda: any(
            page.table.item(r, 6).text() == "Отказался от участия"
            for r in range(page.table.rowCount())
        ),
        timeout=WAIT_MS,
    )
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text() == first)
    assert page.table.item(row, 5).text() == "исключён решением"
    page.save()
    ws = page.context.workspace
    assert ws is not None
    qtbot.waitUntil(lambda: "Сохранено: 20" in page.summary.text(), timeout=WAIT_MS)
    tracks = [p.accelerator_track for p in selection.selection_view(ws).people.values()]
    assert sum(1 for t in tracks if t) == 100
