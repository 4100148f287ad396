"""The streams page: capacity, size and score bands per stream; a move with a reason survives
a re-run from the page; the last run is undone from the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from smm_event.services.participants import get_participant
from smm_event.workspace import open_workspace

WAIT_MS = 10_000


def test_streams_page_moves_a_person_who_then_survives_a_re_run(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = start_desk(demo_copy)
    desk.window.show_page("streams")
    page = desk.window.page("streams")
    qtbot.waitUntil(lambda: page.model.rowCount() == 70, timeout=WAIT_MS)
    assert page.streams.rowCount() == 3
    assert [page.streams.item(r, 1).text() for r in range(3)] == ["70", "70", "70"]
    bands = sum(
        int(page.streams.item(0, c).text() or 0) for c in range(5, 15) if page.streams.item(0, c)
    )
    assert bands == 70  # every scored person of stream 1 is in one band
    page.table.selectRow(0)
    person = page.model.participant(0)
    labels = iter(["Поток 3 — " + page.loads[2].title])
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *_a, **_k: (next(labels), True))
    )
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("наставник в 3-м", True))
    )
    page.move_selected()
    qtbot.waitUntil(lambda: page.loads[2].size == 71, timeout=WAIT_MS)
    assert page.streams.item(2, 2).foreground().color().red() == 255  # over capacity shows
    page.assign()
    qtbot.waitUntil(lambda: page.result.text().startswith("Распределено"), timeout=WAIT_MS)
    with open_workspace(demo_copy) as ws:
        kept = get_participant(ws, person.id)
    assert kept.stream_number == 3 and kept.stream_reason == "наставник в 3-м"
    page.undo()
    qtbot.waitUntil(lambda: page.result.text().startswith("Отменено"), timeout=WAIT_MS)
