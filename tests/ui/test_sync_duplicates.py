"""The sync page's possible-duplicate rows lead straight to the duplicates list (issue 11, 6)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from smm_event.domain.sync import AttentionKind
from smm_event.services.participants import list_participants
from smm_event.storage import changes
from smm_event.workspace import open_workspace
from ui.roster.duplicates_dialog import DuplicatesDialog
from ui.sync.sync_page import SyncPage

WAIT_MS = 20000


def _add_walk_in_copy_of_first(path: Path) -> str:
    """A walk-in registered at the door under a roster person's name and phone."""
    with open_workspace(path) as ws:
        original = list_participants(ws)[0]
        with ws.transaction() as session:
            fields = {
                "event_id": changes.local_state(session).event_id,
                "surname": original.surname,
                "first_name": original.first_name,
                "phone": original.phone,
                "walk_in": True,
                "stream_locked": True,
                "badge_version": 1,
                "deleted": False,
            }
            changes.record(session, "participant", uuid.uuid4(), fields, new=True)
    return str(original.id)


def _sync_page(qtbot: Any, desk: Any) -> SyncPage:
    desk.window.show_page("sync")
    page = desk.window.page("sync")
    assert isinstance(page, SyncPage)
    page.load_attention()
    qtbot.waitUntil(lambda: page.attention.rowCount() > 0, timeout=WAIT_MS)
    return page


def _duplicate_row(page: SyncPage) -> int:
    rows = range(page.attention.rowCount())
    return next(
        r for r in rows if page.attention.kind_at(r) is AttentionKind.POSSIBLE_DUPLICATE_WALK_IN
    )


def test_double_click_on_a_possible_duplicate_opens_the_duplicates_list(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    original_id = _add_walk_in_copy_of_first(demo_copy)
    desk = start_desk(demo_copy)
    page = _sync_page(qtbot, desk)
    row = _duplicate_row(page)
    assert page.attention.item(row, 0).text() == "Новый участник, возможно, уже есть в списке"
    assert not desk.window.findChildren(DuplicatesDialog)
    index = page.attention.model().index(row, 1)
    rect = page.attention.visualRect(index)
    # A real double-click is a press, then the double-click on the same cell.
    qtbot.mouseClick(page.attention.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.attention.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.window.current_page_key() == "participants"
    dialogs = desk.window.findChildren(DuplicatesDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: bool(dialog.pairs), timeout=WAIT_MS)
    assert any(original_id in (str(p.first.id), str(p.second.id)) for p in dialog.pairs)


def test_the_button_is_only_enabled_on_a_possible_duplicate_row(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    _add_walk_in_copy_of_first(demo_copy)
    desk = start_desk(demo_copy)
    page = _sync_page(qtbot, desk)
    assert not page.duplicates_button.isEnabled()  # nothing selected yet
    row = _duplicate_row(page)
    page.attention.selectRow(row)
    assert page.duplicates_button.isEnabled()
    others = [
        r
        for r in range(page.attention.rowCount())
        if page.attention.kind_at(r) is not AttentionKind.POSSIBLE_DUPLICATE_WALK_IN
    ]
    if others:
        page.attention.selectRow(others[0])
        assert not page.duplicates_button.isEnabled()
        page.attention.selectRow(row)
    page.duplicates_button.click()
    assert desk.window.current_page_key() == "participants"
    assert len(desk.window.findChildren(DuplicatesDialog)) == 1
