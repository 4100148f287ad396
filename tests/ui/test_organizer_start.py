"""The start screen: an empty laptop creates its event from a schedule file (mistakes shown
with their line, nothing written), opens recent workspaces, and offers to join an event."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from smm_event.paths import resource_path
from smm_event.services.queries import workspace_summary
from smm_event.workspace import open_workspace

WAIT_MS = 10_000


def choose_files(monkeypatch: pytest.MonkeyPatch, schedule: Path, target: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(schedule), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )


def test_an_empty_laptop_shows_the_ways_in_and_creates_the_event(
    qtbot: Any, start_desk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = start_desk(tmp_path / "empty.sqlite3")
    start = desk.window.start_page
    qtbot.waitUntil(lambda: start.create_button.isVisibleTo(desk.window), timeout=WAIT_MS)
    assert "нет мероприятия" in start.label.text()
    assert start.join_button.text() == "Присоединиться к мероприятию"
    assert start.join_button.isVisibleTo(desk.window)
    join = desk.window.join_event()  # the station join dialog, not a placeholder
    assert type(join).__name__ == "JoinDialog" and join.isVisible()
    join.close()
    target = tmp_path / "smm.sqlite3"
    choose_files(monkeypatch, resource_path("schedule.example.toml"), target)
    start.create_button.click()
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    assert desk.window.windowTitle().startswith("Центр компетенций по SMM для НКО")
    with open_workspace(target) as ws:
        summary = workspace_summary(ws)
    assert summary.event is not None and len(summary.streams) == 2


def test_a_schedule_mistake_is_shown_with_its_line_and_nothing_is_created(
    qtbot: Any, start_desk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    schedule = tmp_path / "schedule.toml"
    text = resource_path("schedule.example.toml").read_text(encoding="utf-8")
    schedule.write_text(text.replace('colour = "#1F3F8F"', 'colour = "синий"'), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "#1F3F8F" in row)
    desk = start_desk(tmp_path / "empty.sqlite3")
    start = desk.window.start_page
    qtbot.waitUntil(lambda: start.create_button.isVisibleTo(desk.window), timeout=WAIT_MS)
    target = tmp_path / "new.sqlite3"
    choose_files(monkeypatch, schedule, target)
    start.create_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [(kind, _title, shown)] = message_boxes.shown
    assert kind == "warning"
    assert f"в строке {line}" in shown and "«синий»" in shown and "шесть" in shown
    assert not target.exists()
    assert start.create_button.isVisibleTo(desk.window)


def test_recent_workspaces_are_listed_and_open(
    qtbot: Any, start_desk: Any, tmp_path: Path, demo_copy: Path
) -> None:
    desk = start_desk(demo_copy)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    empty = tmp_path / "other.sqlite3"
    desk.window.open_workspace(empty)
    start = desk.window.start_page
    qtbot.waitUntil(lambda: start.recent.isVisibleTo(desk.window), timeout=WAIT_MS)
    paths = [start.recent.item(i).toolTip() for i in range(start.recent.count())]
    assert str(demo_copy.resolve()) in paths
    item = start.recent.item(paths.index(str(demo_copy.resolve())))
    start.recent.itemActivated.emit(item)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    assert desk.context.workspace.path == demo_copy.resolve()


def test_a_moved_recent_workspace_is_not_offered(
    qtbot: Any, start_desk: Any, tmp_path: Path, demo_copy: Path
) -> None:
    from ui.start_page import recent_workspaces, remember_workspace

    moved = tmp_path / "moved.sqlite3"
    shutil.copyfile(demo_copy, moved)
    remember_workspace(moved)
    remember_workspace(demo_copy)
    moved.unlink()
    assert recent_workspaces() == [demo_copy]
