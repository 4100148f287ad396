"""«Расписание»: cancelling a session shows its effect on percentages before saving, then the
row stays listed struck through; adding a session previews its effect, and an overlapping one
is refused in the dialog with a sentence and nothing saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime

from smm_event.domain.attendance import AttendanceStatus
from smm_event.services import attendance
from smm_event.workspace import open_workspace

WAIT_MS = 10_000


def prepare(path: Path) -> tuple[Any, ...]:
    """Everyone of stream 1 present at day one's sessions except its last (all absent)."""
    with open_workspace(path) as ws:
        sessions = attendance.find_sessions(ws, 1)
        day = tuple(s for s in sessions if s.day == sessions[0].day)
        now = day[-1].ends_at + dt.timedelta(hours=1)
        for info in day[:-1]:
            attendance.mark_many(ws, info.id, AttendanceStatus.PRESENT, now=now)
        attendance.mark_many(ws, day[-1].id, AttendanceStatus.ABSENT, now=now)
    return day


def schedule_page(qtbot: Any, start_desk: Any, path: Path) -> Any:
    desk = start_desk(path)
    desk.window.show_page("schedule")
    page = desk.window.page("schedule")
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=WAIT_MS)
    return page


def test_cancel_previews_the_effect_and_the_row_stays_struck_through(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    day = prepare(demo_copy)
    page = schedule_page(qtbot, start_desk, demo_copy)
    row = [s.id for s in page.sessions].index(day[-1].id)
    page.table.selectRow(row)
    assert page.cancel_button.isEnabled()
    dialog = page.cancel_selected()
    qtbot.waitUntil(lambda: dialog.effect_shown is not None, timeout=WAIT_MS)
    text = dialog.effect.text()
    # Every later session of the programme is held too (the demo lies in the past), so the
    # exact figures come from the core; the sentence names them.
    assert "процент посещаемости изменится" in text and "→" in text
    assert "70 отметок" in text and "перестанут учитываться" in text
    assert dialog.confirm.isEnabled()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(s.cancelled for s in page.sessions), timeout=WAIT_MS)
    row = [s.id for s in page.sessions].index(day[-1].id)
    item = page.table.item(row, 3)
    assert item.font().strikeOut() and "Отменено" in item.toolTip()
    page.table.selectRow(row)
    assert page.cancel_button.text() == "Вернуть занятие…"
    with open_workspace(demo_copy) as ws:
        assert attendance.find_sessions(ws, 1)[row].cancelled


def test_add_previews_and_an_overlap_is_refused_in_the_dialog(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    day = prepare(demo_copy)
    page = schedule_page(qtbot, start_desk, demo_copy)
    count = len(page.sessions)
    dialog = page.add_session()
    qtbot.waitUntil(lambda: dialog.effect_shown is not None, timeout=WAIT_MS)
    first = day[0]
    dialog.title.setText("Лишнее занятие")
    dialog.start.setTime(QTime(first.starts_at.hour, first.starts_at.minute))
    dialog.end.setTime(QTime(first.ends_at.hour, first.ends_at.minute))
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=WAIT_MS)
    assert "пересечётся" in dialog.problem.text()
    assert dialog.isVisible() and dialog.saved is None
    last = day[-1].ends_at
    dialog.effect_shown = None
    dialog.start.setTime(QTime(last.hour, last.minute))
    later = last + dt.timedelta(minutes=45)
    dialog.end.setTime(QTime(later.hour, later.minute))
    qtbot.waitUntil(lambda: dialog.effect_shown is not None, timeout=WAIT_MS)
    assert "Занятий в программе потока" in dialog.effect.text()
    assert dialog.effect_shown.planned_after == dialog.effect_shown.planned_before + 1
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(page.sessions) == count + 1, timeout=WAIT_MS)
    assert "Лишнее занятие" in [s.title for s in page.sessions]
