"""«Объединить…» in the duplicates list (issue 11, item 6): the organizer picks who stays, sees
what moves, must write why, and can undo the merge from the kept person's card."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from smm_event.services.participant_history import participant_history
from smm_event.services.participants import get_participant, list_participants
from smm_event.storage import changes
from smm_event.workspace import open_workspace
from ui.errors import sentence_template
from ui.roster.duplicates_dialog import DuplicatesDialog
from ui.roster.merge_dialog import MergeDialog
from ui.roster.participant_dialog import ParticipantDialog
from ui.roster.participants_page import ParticipantsPage

WAIT_MS = 20000


def _walk_in_copy(path: Path) -> tuple[uuid.UUID, uuid.UUID]:
    """The first person of stream 1 registered again at the door, in the same stream."""
    with open_workspace(path) as ws:
        original = list_participants(ws, stream_number=1)[0]
        copy_id = uuid.uuid4()
        with ws.transaction() as session:
            from smm_event.storage.models import Participant

            row = session.get_one(Participant, original.id)
            fields = {
                "event_id": row.event_id,
                "surname": original.surname,
                "first_name": original.first_name,
                "phone": original.phone,
                "stream_id": row.stream_id,
                "walk_in": True,
                "stream_locked": True,
                "badge_version": 1,
                "deleted": False,
            }
            changes.record(session, "participant", copy_id, fields, new=True)
    return original.id, copy_id


def _duplicates(qtbot: Any, desk: Any) -> DuplicatesDialog:
    desk.window.show_page("participants")
    page = desk.window.page("participants")
    assert isinstance(page, ParticipantsPage)
    dialog = page.open_duplicates()
    qtbot.waitUntil(lambda: bool(dialog.pairs), timeout=WAIT_MS)
    return dialog


def _pair_row(dialog: DuplicatesDialog, person: uuid.UUID) -> int:
    return next(
        row for row, pair in enumerate(dialog.pairs) if person in (pair.first.id, pair.second.id)
    )


def _merge_dialog(qtbot: Any, duplicates: DuplicatesDialog, person: uuid.UUID) -> MergeDialog:
    assert not duplicates.merge_button.isEnabled()  # nothing chosen yet
    duplicates.table.selectRow(_pair_row(duplicates, person))
    assert duplicates.merge_button.isEnabled()
    duplicates.merge_button.click()
    dialog = duplicates.merge_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    return dialog


def test_a_walk_in_merged_into_the_roster_person_and_taken_back(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_id, copy_id = _walk_in_copy(demo_copy)
    desk = start_desk(demo_copy)
    qtbot.waitUntil(lambda: desk.context.workspace is not None, timeout=WAIT_MS)
    ws = desk.context.workspace
    duplicates = _duplicates(qtbot, desk)
    dialog = _merge_dialog(qtbot, duplicates, kept_id)
    preview = dialog.preview
    assert preview is not None
    # The roster person stays by default; the confirmation says what moves.
    assert (preview.kept.id, preview.merged.id) == (kept_id, copy_id)
    assert preview.merged.full_name in dialog.moves.text()
    assert "0" in dialog.moves.text()
    dialog.reason.setText("записалась на входе, была в списке")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: all(copy_id not in (p.first.id, p.second.id) for p in duplicates.pairs),
        timeout=WAIT_MS,
    )
    stream_one = list_participants(ws, stream_number=1)
    assert len(stream_one) == 70 and copy_id not in {p.id for p in stream_one}
    assert "merged_in" in {entry.kind for entry in participant_history(ws, kept_id)}

    card = ParticipantDialog(desk.context, get_participant(ws, kept_id), {}, desk.window)
    card.show()
    qtbot.waitUntil(lambda: card.unmerge_button.isVisible(), timeout=WAIT_MS)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("однофамилица", True))
    card.unmerge_button.click()
    qtbot.waitUntil(lambda: not card.unmerge_button.isVisible(), timeout=WAIT_MS)
    assert len(list_participants(ws, stream_number=1)) == 71
    kinds = [entry.kind for entry in participant_history(ws, copy_id)]
    assert kinds[-2:] == ["merged", "unmerged"]
    card.close()


def test_no_merge_without_a_reason_and_the_other_way_round_on_request(
    qtbot: Any, start_desk: Any, demo_copy: Path, message_boxes: Any
) -> None:
    kept_id, copy_id = _walk_in_copy(demo_copy)
    desk = start_desk(demo_copy)
    qtbot.waitUntil(lambda: desk.context.workspace is not None, timeout=WAIT_MS)
    ws = desk.context.workspace
    dialog = _merge_dialog(qtbot, _duplicates(qtbot, desk), kept_id)
    dialog.merge_button.click()  # no reason written
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    assert sentence_template("merge_reason_required") in message_boxes.texts()[0]
    assert dialog.isVisible() and dialog.merge_button.isEnabled()
    assert len(list_participants(ws, stream_number=1)) == 71
    # The organizer decides the walk-in record stays instead: the preview follows.
    copy_index = 0 if dialog.people[0].id == copy_id else 1
    dialog.choices.button(copy_index).setChecked(True)
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.kept.id == copy_id,
        timeout=WAIT_MS,
    )
    dialog.reason.setText("в списке ошибка в имени")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert get_participant(ws, kept_id).id == copy_id
