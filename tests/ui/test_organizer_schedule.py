"""Schedule changes from the window: a session renamed, moved and given another trainer and
hall is saved as a replicated change; an overlap is refused with a sentence, nothing saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime

from smm_event.services.attendance import find_sessions
from smm_event.storage.local_models import ChangeRecord
from smm_event.workspace import open_workspace

WAIT_MS = 10_000


def open_page(qtbot: Any, start_desk: Any, path: Path) -> Any:
    desk = start_desk(path)
    desk.window.show_page("schedule")
    page = desk.window.page("schedule")
    qtbot.waitUntil(lambda: len(page.sessions) > 2, timeout=WAIT_MS)
    return page


def test_a_session_is_renamed_moved_and_reassigned(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    page = open_page(qtbot, start_desk, demo_copy)
    info = page.sessions[0]
    dialog = page.open_session(0)
    qtbot.waitUntil(lambda: "не изменится" in dialog.effect.text(), timeout=WAIT_MS)
    dialog.title.setText("Основы SMM: новое название")
    dialog.trainer.setText("Мадина Алиева")
    dialog.room.setText("Зал Б")
    start = QTime(info.starts_at.hour, info.starts_at.minute).addSecs(-30 * 60)
    dialog.start.setTime(start)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=WAIT_MS)
    with open_workspace(demo_copy) as ws:
        [changed] = [s for s in find_sessions(ws, info.stream_number) if s.id == info.id]
        with ws.reading() as session:
            records = (
                session.query(ChangeRecord)
                .filter_by(entity="session", entity_id=str(info.id))
                .count()
            )
    assert (changed.title, changed.trainer, changed.room) == (
        "Основы SMM: новое название",
        "Мадина Алиева",
        "Зал Б",
    )
    assert changed.starts_at == info.starts_at - dt.timedelta(minutes=30)
    assert records == 2  # created, then this one change
    qtbot.waitUntil(
        lambda: page.table.item(0, 3).text() == "Основы SMM: новое название", timeout=WAIT_MS
    )


def test_an_overlap_is_refused_and_nothing_saved(
    qtbot: Any, start_desk: Any, demo_copy: Path, message_boxes: Any
) -> None:
    page = open_page(qtbot, start_desk, demo_copy)
    first, second = page.sessions[0], page.sessions[1]
    assert first.day == second.day
    dialog = page.open_session(0)
    dialog.end.setTime(QTime(second.starts_at.hour, second.starts_at.minute).addSecs(15 * 60))
    dialog.save()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    assert "пересечётся" in message_boxes.texts()[0]
    with open_workspace(demo_copy) as ws:
        [same] = [s for s in find_sessions(ws, first.stream_number) if s.id == first.id]
    assert same == first
