"""A walk-in merged into the roster person they were (issue 11, item 6): every laptop converges
on the merge whatever the order it hears of it and of the records made offline for the walk-in,
the merge is in both people's history, counts are right after it, and its undo converges too."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from smm_event.errors import UserError
from smm_event.services import attendance, checkin, queries, walkins
from smm_event.services import sync as sync_service
from smm_event.services.merges import merge_participants, unmerge_participant
from smm_event.services.participant_history import participant_history
from smm_event.services.participants import get_participant, list_participants
from smm_event.workspace import Workspace
from tests.support.old_sender import without_sender_checks
from tests.sync.conftest import Laptops, at, dump, roster, stream_days


def _send(source: Workspace, targets: list[Workspace], folder: Path) -> None:
    path = folder / f"{uuid.uuid4().hex[:8]}.smm"
    sync_service.export_changes(source, path)
    for target in targets:
        sync_service.import_changes(target, path)


def _sizes(ws: Workspace) -> list[int]:
    return [stream.size for stream in queries.workspace_summary(ws).streams]


def _present_at(ws: Workspace, person: uuid.UUID) -> int:
    return attendance.participant_attendance(ws, person).counts.get("present", 0)


@pytest.mark.parametrize("merge_first", [True, False], ids=["merge-first", "mark-first"])
def test_a_walk_in_merged_into_the_roster_person_converges(
    laptops: Laptops, tmp_path: Path, merge_first: bool
) -> None:
    organizer = laptops.organizer()
    desk = laptops.empty("Стойка 1", roles=("desk",))
    trainer = laptops.empty("Тренер", roles=("trainer",))
    _send(organizer, [desk, trainer], tmp_path)
    day = stream_days(organizer)[1][0]
    kept_id = roster(organizer)[1][0]
    kept = get_participant(organizer, kept_id)
    # Checked in from the roster, then registered again at the door under the same name.
    checkin.check_in_manual(desk, kept_id, now=at(day, 9, 0))
    copy = walkins.register_walk_in(
        desk, kept.surname, kept.first_name, stream_number=1, now=at(day, 9, 5)
    ).participant
    _send(desk, [organizer, trainer], tmp_path)
    assert _sizes(organizer)[0] == 71
    # Each admission pre-filled «present» at the day's first session. The trainer, offline,
    # marks the copy (the row it saw) present at the second session too.
    second_session = attendance.find_sessions(trainer, 1, day)[1]
    attendance.mark(trainer, second_session.id, copy.id, "present", now=at(day, 12))
    assert _present_at(organizer, kept_id) == 1 and _present_at(trainer, copy.id) == 2
    merge = merge_participants(organizer, kept_id, copy.id, "записана на входе, была в списке")
    assert merge.in_effect and merge.kept_name == kept.full_name
    if merge_first:
        _send(organizer, [desk, trainer], tmp_path)
        _send(trainer, [organizer, desk], tmp_path)
    else:
        _send(trainer, [organizer, desk], tmp_path)
        _send(organizer, [desk, trainer], tmp_path)
    assert dump(organizer) == dump(desk) == dump(trainer)
    for ws in (organizer, desk, trainer):
        assert _sizes(ws) == [70, 70, 70]
        stream_one = list_participants(ws, stream_number=1)
        assert len(stream_one) == 70 and copy.id not in {p.id for p in stream_one}
        assert copy.id not in {p.id for p in list_participants(ws, search=kept.surname)}
        # The copy's id (an old badge, a mark made offline) stands for the kept person.
        assert get_participant(ws, copy.id).id == kept_id
        # The copy's marks count for the kept person (the first session once); the two
        # admissions are one arrival.
        assert _present_at(ws, kept_id) == 2
        counts = checkin.desk_counts(ws, day=day)
        stream_counts = {s.number: (s.arrived, s.expected) for s in counts.streams}
        assert stream_counts[1] == (1, 70)
        assert kept_id not in {p.participant_id for p in counts.not_arrived}
        summary = attendance.all_attendance(ws)
        assert copy.id not in summary and summary[kept_id].counts.get("present") == 2

    for person, kind in ((kept_id, "merged_in"), (copy.id, "merged")):
        entries = participant_history(organizer, person)
        merged = [entry for entry in entries if entry.kind == kind]
        assert len(merged) == 1
        changes = {change.field: change.after for change in merged[0].changes}
        other = copy if person == kept_id else kept
        assert changes["merged_with"] == other.full_name
        assert changes["merge_reason"] == "записана на входе, была в списке"

    # Undone on the organizer's laptop: two people again everywhere, each with their own.
    unmerge_participant(organizer, copy.id, "это однофамилица")
    _send(organizer, [desk, trainer], tmp_path)
    assert dump(organizer) == dump(desk) == dump(trainer)
    for ws in (organizer, desk, trainer):
        assert _sizes(ws)[0] == 71
        assert copy.id in {p.id for p in list_participants(ws, stream_number=1)}
        assert get_participant(ws, copy.id).id == copy.id
        assert _present_at(ws, copy.id) == 2 and _present_at(ws, kept_id) == 1
    kinds = [entry.kind for entry in participant_history(desk, kept_id)]
    assert kinds[-2:] == ["merged_in", "unmerged"]


def test_a_desk_may_not_merge(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merging is the organizer's: the desk's own laptop refuses it, and a merge record from a
    desk that skips that check (an old or hostile copy) is held in quarantine everywhere."""
    organizer = laptops.organizer()
    desk = laptops.empty("Стойка 1", roles=("desk",))
    _send(organizer, [desk], tmp_path)
    first, second = roster(organizer)[1][:2]
    with pytest.raises(UserError) as refused:
        merge_participants(desk, first, second, "ошибка стойки")
    assert refused.value.code == "role_cannot_write"
    assert get_participant(desk, second).id == second  # nothing written
    with without_sender_checks(monkeypatch):
        merge_participants(desk, first, second, "ошибка стойки")
    _send(desk, [organizer], tmp_path)
    assert _sizes(organizer) == [70, 70, 70]
    assert get_participant(organizer, second).id == second
