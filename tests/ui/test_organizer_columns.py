"""At 1366×768 no column of «Участники» is squeezed unreadable; a width the user drags is
remembered for the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from ui.roster.participants_page import ORGANIZATION, ORGANIZATION_WIDTH, SHRINK_FLOORS, WIDTHS_KEY

WAIT_MS = 10_000


def test_columns_fit_a_1366_screen(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    desk = start_desk(demo_copy)
    window = desk.window
    window.showNormal()
    window.resize(1366, 740)
    page = window.page("participants")
    qtbot.waitUntil(lambda: page.model.rowCount() == 210, timeout=WAIT_MS)
    header = page.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(ORGANIZATION) >= ORGANIZATION_WIDTH, timeout=WAIT_MS)
    for column, floor in SHRINK_FLOORS.items():
        assert header.sectionSize(column) >= floor
    total = sum(header.sectionSize(c) for c in range(page.model.columnCount()))
    assert total <= page.table.viewport().width() + 2  # no horizontal scrolling
    assert page.model.index(0, ORGANIZATION).data(3) == page.model.participant(0).organization


def test_saved_widths_are_used(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    QSettings().setValue(WIDTHS_KEY, [40, 150, 100, 120, 300, 90, 130, 70, 60])
    desk = start_desk(demo_copy)
    page = desk.window.page("participants")
    qtbot.waitUntil(lambda: page.model.rowCount() == 210, timeout=WAIT_MS)
    assert page.table.horizontalHeader().sectionSize(1) == 150
