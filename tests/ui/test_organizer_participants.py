"""Editing a person in the GUI: a fixed spelling is saved and shows in the history tab; a person
added by hand appears; a withdrawn person leaves the counts but stays listed, greyed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from smm_event.services.participants import get_participant
from smm_event.services.queries import workspace_summary
from smm_event.workspace import open_workspace

WAIT_MS = 10_000


def page_of(qtbot: Any, start_desk: Any, path: Path) -> Any:
    desk = start_desk(path)
    page = desk.window.page("participants")
    qtbot.waitUntil(lambda: page.model.rowCount() == 210, timeout=WAIT_MS)
    return desk, page


def test_a_fixed_spelling_is_saved_and_visible_in_the_history(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    _desk, page = page_of(qtbot, start_desk, demo_copy)
    person = page.model.participant(0)
    dialog = page.open_details(0)
    qtbot.waitUntil(lambda: bool(dialog.history), timeout=WAIT_MS)
    table = dialog.history_table
    assert table.item(table.rowCount() - 1, 2).text() == "добавлен(а)"  # oldest last
    count = len(dialog.history)
    dialog.form.first_name.setText("  зарема ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Сохранено.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(dialog.history) == count + 1, timeout=WAIT_MS)
    row = [table.item(0, c).text() for c in range(5)]
    assert row[2:] == ["Имя", person.first_name, "Зарема"]
    assert row[1]  # the laptop's name
    with open_workspace(demo_copy) as ws:
        assert get_participant(ws, person.id).first_name == "Зарема"
    qtbot.waitUntil(
        lambda: any(page.model.participant(r).first_name == "Зарема" for r in range(210)),
        timeout=WAIT_MS,
    )


def test_a_bad_phone_is_refused_with_a_sentence_and_nothing_saved(
    qtbot: Any, start_desk: Any, demo_copy: Path, message_boxes: Any
) -> None:
    _desk, page = page_of(qtbot, start_desk, demo_copy)
    person = page.model.participant(0)
    dialog = page.open_details(0)
    dialog.form.phone.setText("12-34")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [(kind, _title, text)] = message_boxes.shown
    assert kind == "warning" and "«12-34» — не номер телефона" in text
    with open_workspace(demo_copy) as ws:
        assert get_participant(ws, person.id) == person


def test_a_person_added_by_hand_is_listed(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    _desk, page = page_of(qtbot, start_desk, demo_copy)
    dialog = page.add_participant()
    assert not dialog.withdraw_button.isVisibleTo(dialog)
    dialog.form.surname.setText("Хетагуров")
    dialog.form.first_name.setText("Коста")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 211, timeout=WAIT_MS)
    assert dialog.person is not None and dialog.withdraw_button.isVisibleTo(dialog)


def test_a_withdrawn_person_leaves_the_expected_counts(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, page = page_of(qtbot, start_desk, demo_copy)
    person = page.model.participant(0)
    before = desk.context.summary
    stream_size = {s.number: s.size for s in before.streams}[person.stream_number]
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("уехала домой", True))
    )
    dialog = page.open_details(0)
    assert dialog.withdraw_button.text() == "Отказ…"
    dialog.withdraw_button.click()
    qtbot.waitUntil(lambda: dialog.person.withdrawn, timeout=WAIT_MS)
    assert "уехала домой" in dialog.facts.text()
    assert dialog.withdraw_button.text() == "Вернуть…"
    qtbot.waitUntil(
        lambda: desk.context.summary.participants == before.participants - 1, timeout=WAIT_MS
    )
    after = {s.number: s.size for s in desk.context.summary.streams}
    assert after[person.stream_number] == stream_size - 1
    assert page.model.rowCount() == 210  # still listed, marked
    row = next(r for r in range(210) if page.model.participant(r).id == person.id)
    assert page.model.index(row, 7).data() == "отказ"
    with open_workspace(demo_copy) as ws:
        assert workspace_summary(ws).participants == before.participants - 1


def test_a_walk_in_typed_in_latin_is_listed_as_a_duplicate_and_opens(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    import uuid

    from smm_event.services.participants import list_participants
    from smm_event.storage import changes
    from smm_event.text.translit import transliterate

    with open_workspace(demo_copy) as ws:
        original = list_participants(ws)[0]
        with ws.transaction() as session:
            event_id = changes.local_state(session).event_id
            fields = {
                "event_id": event_id,
                "surname": transliterate(original.surname),
                "first_name": transliterate(original.first_name),
                "walk_in": True,
                "stream_locked": True,
                "badge_version": 1,
                "deleted": False,
            }
            changes.record(session, "participant", uuid.uuid4(), fields, new=True)
    desk = start_desk(demo_copy)
    page = desk.window.page("participants")
    qtbot.waitUntil(lambda: page.model.rowCount() == 211, timeout=WAIT_MS)
    dialog = desk.window.open_duplicates()  # as the sync page's duplicate rows will
    qtbot.waitUntil(lambda: bool(dialog.pairs), timeout=WAIT_MS)
    pair = next(p for p in dialog.pairs if original.id in (p.first.id, p.second.id))
    assert pair.reasons == ("walk_in_name",)
    row = dialog.pairs.index(pair)
    assert dialog.table.item(row, 2).text() == "зарегистрирован(а) на входе под именем из списка"
    dialog._open(row, 0)
    card = page.findChildren(type(page.open_details(0)))[0]
    assert card.person is not None
