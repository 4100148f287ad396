"""The trainer's session picker opens on the session running now, with its own day shown."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from smm_event.domain.event import SessionInfo
from ui.attendance.session_picker import SessionPicker

MSK = ZoneInfo("Europe/Moscow")


def session(day: dt.date, hour: int) -> SessionInfo:
    starts = dt.datetime.combine(day, dt.time(hour), MSK)
    own_day = dt.date(day.year, day.month, day.day)  # as from the database: equal, not the same
    return SessionInfo(
        uuid.uuid4(), 2, own_day, starts, starts + dt.timedelta(minutes=90), "theory",
        f"{day} {hour}", None, None, False,
    )  # fmt: skip


def test_the_second_day_is_shown_when_its_session_runs_now(qtbot: Any) -> None:
    first, second = dt.date(2026, 5, 19), dt.date(2026, 5, 20)
    sessions = [session(first, 10), session(first, 14), session(second, 10), session(second, 14)]
    picker = SessionPicker()
    qtbot.addWidget(picker)
    picker.set_sessions(sessions, {2: "Средний"}, now=dt.datetime(2026, 5, 20, 14, 30, tzinfo=MSK))
    assert picker.current_session_id() == sessions[3].id
    assert picker.day() == second  # findData compared date objects by identity
    assert picker.day_box.currentText() == picker.day_box.itemText(1)
