"""Typed change notifications on every page: a walk-in makes «Бейджи» show 71 without a
click, the needs-attention list updates after a sync-like change without «Обновить список», and
a hidden page is not re-read until it is shown (and not at all for a change it does not show)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from smm_event.services import participants
from smm_event.services.walkins import register_walk_in
from ui.context import Change
from ui.desk import desk_page

WAIT_MS = 15_000
MORNING = dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC)  # stream 1's first day, 09:30


def started(qtbot: Any, start_desk: Any, workspace: Path) -> Any:
    app = start_desk(workspace)
    qtbot.waitUntil(lambda: app.context.summary is not None, timeout=WAIT_MS)
    return app


def walk_in(app: Any, surname: str, first_name: str, **fields: Any) -> None:
    """What the desk does: the walk-in on the database lane, then the typed notification."""
    app.context.run(
        register_walk_in,
        surname,
        first_name,
        now=MORNING,
        on_done=lambda _o: app.context.notify_changed(Change.PEOPLE | Change.CHECKINS),
        **fields,
    )


def test_a_walk_in_makes_badges_show_71_without_a_click(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(desk_page, "now", lambda: MORNING)
    app = started(qtbot, start_desk, demo_copy)
    app.window.show_page("badges")
    page = app.window.page("badges")
    qtbot.waitUntil(lambda: "Бейджей: 70" in page.summary_label.text(), timeout=WAIT_MS)
    walk_in(app, "Оганесян", "Ануш")
    qtbot.waitUntil(lambda: "Бейджей: 71" in page.summary_label.text(), timeout=WAIT_MS)
    app.window.show_page("participants")


def test_a_hidden_page_is_read_again_only_when_shown(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    app = started(qtbot, start_desk, demo_copy)
    app.window.show_page("streams")
    streams = app.window.page("streams")
    app.window.show_page("participants")
    roster = app.window.page("participants")
    assert not streams.isVisible()
    app.context.notify_changed(Change.CHECKINS | Change.MARKS)  # a scan: neither page shows it
    qtbot.wait(300)  # nothing may happen: the negative is checked after the coalescing delay
    assert not streams.watch.stale and roster.watch.reloads == 0
    app.context.notify_changed(Change.PEOPLE)
    qtbot.waitUntil(lambda: roster.watch.reloads == 1, timeout=WAIT_MS)  # on screen: at once
    assert streams.watch.stale and streams.watch.reloads == 0  # hidden: not re-read
    app.context.notify_changed(Change.PEOPLE)
    qtbot.waitUntil(lambda: roster.watch.reloads == 2, timeout=WAIT_MS)
    assert streams.watch.reloads == 0
    app.window.show_page("streams")
    qtbot.waitUntil(lambda: streams.watch.reloads == 1, timeout=WAIT_MS)  # once, when shown
    assert not streams.watch.stale
    app.window.show_page("participants")
    qtbot.waitUntil(lambda: roster.watch.reloads == 2 and not roster.watch.stale, timeout=WAIT_MS)


def test_needs_attention_updates_after_a_change_without_refresh(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    app = started(qtbot, start_desk, demo_copy)
    app.window.show_page("sync")
    page = app.window.page("sync")
    qtbot.waitUntil(lambda: page.attention_label.text() != "", timeout=WAIT_MS)
    before = page.attention.rowCount()
    # A walk-in with a roster person's phone: the sync's check lists it as a possible duplicate.
    person = participants.list_participants(app.context.workspace, stream_number=1)[0]
    walk_in(app, person.surname, person.first_name, phone=person.phone)
    qtbot.waitUntil(lambda: page.attention.rowCount() > before, timeout=WAIT_MS)
    app.window.show_page("participants")
