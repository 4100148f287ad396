"""The «Станции» page on the organizer's laptop and the join dialog on a new one: a laptop is
enrolled by files only, both sides through the real dialogs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from smm_event.services import stations
from smm_event.services.keys import init_keys
from smm_event.station import StationSettings
from smm_event.workspace import open_workspace
from ui.background import default_executor
from ui.context import AppContext
from ui.i18n import install_translators
from ui.stations import stations_page
from ui.stations.join_dialog import open_join_dialog
from ui.stations.stations_page import StationsPage

from .conftest import retire

WAIT_MS = 20000


@pytest.fixture
def organizer_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "organizer.sqlite3"
    shutil.copyfile(demo_template, path)
    with open_workspace(path) as ws:
        init_keys(ws, "correct horse battery staple")
    return path


@pytest.fixture
def context(qapp: Any, qtbot: Any, tmp_path: Path) -> Iterator[AppContext]:
    install_translators(qapp, "ru")
    made = AppContext(default_executor(), StationSettings(), tmp_path / "station.toml")
    yield made
    made.shutdown()
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not made.executor.busy, timeout=WAIT_MS)
    retire(made)


def test_a_laptop_joins_by_files_through_both_screens(
    qtbot: Any,
    context: AppContext,
    organizer_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    new_laptop = tmp_path / "desk.sqlite3"
    request, approval = tmp_path / "desk.request", tmp_path / "desk.approval"
    dialog = open_join_dialog(None, context)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(new_laptop))
    dialog.name_edit.setText("Стойка 2")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(request), ""))
    dialog.request_button.click()
    qtbot.waitUntil(lambda: "Запрос сохранён" in dialog.status.text(), timeout=WAIT_MS)

    # The organizer's laptop: the page lists the anchor, approves the request.
    window = QMainWindow()
    qtbot.addWidget(window)
    page = StationsPage(context)
    window.setCentralWidget(page)
    context.open(organizer_path)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT_MS)
    assert page.approve_button.isEnabled() and "организатора" in page.note.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(request), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(approval), ""))

    class Accepting(stations_page.ApproveDialog):
        def exec(self) -> int:
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(stations_page, "ApproveDialog", Accepting)
    page.approve_request()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT_MS)
    assert approval.exists() and "подключена" in message_boxes.texts("information")[-1]
    names = {page.table.item(row, 0).text() for row in range(2)}
    assert "Стойка 2" in names

    # Back on the new laptop: the approval enrolls it and opens the joined workspace.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(approval), ""))
    dialog.approval_button.click()
    qtbot.waitUntil(
        lambda: context.workspace is not None and context.workspace.path == new_laptop,
        timeout=WAIT_MS,
    )
    with open_workspace(new_laptop) as ws:
        joined = {info.name: info.roles for info in stations.list_stations(ws)}
    assert joined["Стойка 2"] == ("desk",)


def test_another_laptops_approval_is_refused_with_a_sentence(
    qtbot: Any,
    context: AppContext,
    organizer_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    asked = stations.request_to_join(tmp_path / "a.sqlite3", "Стойка А", tmp_path / "a.request")
    with open_workspace(organizer_path) as ws:
        stations.add_station(ws, asked, "Стойка А", ["desk"], tmp_path / "a.approval")
    dialog = open_join_dialog(None, context)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "b.sqlite3"))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(tmp_path / "a.approval"), "")
    )
    dialog.approval_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.texts()), timeout=WAIT_MS)
    assert "сделано для другого ноутбука" in message_boxes.texts()[0]
    assert dialog.approval_button.isEnabled()
