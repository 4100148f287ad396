"""«Пропустить всё равно…» on a wrong-day refusal: the reason (and on a desk laptop the
organizer's name) is asked, a mistake keeps the dialog open and writes nothing, and the person
is then admitted green, with the line in the scan log and the «other streams» count."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from smm_event.services import participants
from smm_event.storage import changes
from smm_event.storage.models import Checkin
from smm_event.workspace import open_workspace
from ui.desk import desk_page
from ui.desk.verdicts import Tone

WAIT_MS = 8000
MORNING = dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC)  # stream 1's first day, 09:30


def stored(path: Path) -> list[Checkin]:
    with open_workspace(path) as ws, ws.reading() as session:
        return list(session.scalars(select(Checkin).order_by(Checkin.scanned_at)))


@pytest.fixture
def page(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    monkeypatch.setattr(desk_page, "now", lambda: MORNING)
    app: Any = start_desk(demo_copy)
    app.window.show_page("desk")
    desk = app.window.page("desk")
    desk.player = type("Silent", (), {"play": lambda self, sound: None})()
    qtbot.waitUntil(lambda: desk.counts is not None, timeout=WAIT_MS)
    yield desk
    app.window.show_page("participants")


def other_stream_person(path: Path) -> uuid.UUID:
    with open_workspace(path) as ws:
        return participants.list_participants(ws, stream_number=2)[0].id


def refuse(qtbot: Any, page: Any, person: uuid.UUID) -> None:
    page.check_in_id(person)
    qtbot.waitUntil(lambda: page.result.tone is Tone.REFUSED, timeout=WAIT_MS)
    assert page.result.override_button.isVisible()


def test_let_in_anyway_with_a_reason(qtbot: Any, page: Any, demo_copy: Path) -> None:
    person = other_stream_person(demo_copy)
    refuse(qtbot, page, person)
    page.result.override_button.click()
    qtbot.waitUntil(lambda: page.override_dialog is not None, timeout=WAIT_MS)
    dialog = page.override_dialog
    assert not dialog.approver.isVisible()  # the organizer's own laptop: only the reason
    dialog.submit()  # the tired volunteer presses «Пропустить» with no reason
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=WAIT_MS)
    assert "почему" in dialog.problem.text()
    assert dialog.isVisible() and len(stored(demo_copy)) == 1  # only the refused scan
    dialog.reason.setText("перепутал день")
    dialog.submit()
    qtbot.waitUntil(lambda: page.result.tone is Tone.ADMITTED, timeout=WAIT_MS)
    assert not page.result.override_button.isVisible()
    rows = stored(demo_copy)
    assert [r.method for r in rows] == ["manual", "override"]
    assert rows[-1].override_reason == "перепутал день" and rows[-1].result == "admitted"
    assert "организатор" in page.recent.item(0).text().lower()
    qtbot.waitUntil(lambda: "других потоков" in page.counts_panel.by_desk.text(), timeout=WAIT_MS)


def test_a_desk_laptop_asks_for_the_organizer(qtbot: Any, page: Any, demo_copy: Path) -> None:
    workspace = page.context.workspace
    with workspace.transaction() as session:
        changes.local_state(session).anchor_device = uuid.uuid4()  # enrolled by another laptop
    refuse(qtbot, page, other_stream_person(demo_copy))
    page.result.override_button.click()
    qtbot.waitUntil(lambda: page.override_dialog is not None, timeout=WAIT_MS)
    dialog = page.override_dialog
    assert dialog.approver.isVisibleTo(dialog)
    dialog.reason.setText("день отработки")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=WAIT_MS)
    assert "организатор" in dialog.problem.text()
    dialog.approver.setText("Ольга Петрова")
    dialog.submit()
    qtbot.waitUntil(lambda: page.result.tone is Tone.ADMITTED, timeout=WAIT_MS)
    assert stored(demo_copy)[-1].override_by == "Ольга Петрова"
