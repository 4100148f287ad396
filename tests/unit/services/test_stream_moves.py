"""Streams by hand: a move with a reason survives re-runs of the assignment; the last run can
be undone, except for the people moved by hand since."""

from __future__ import annotations

import pytest

from smm_event.errors import UserError
from smm_event.services import streams
from smm_event.services.participant_edit import withdraw_participant
from smm_event.services.participants import get_participant, list_participants
from smm_event.services.scores import PHASES
from smm_event.storage import changes
from smm_event.workspace import Workspace


def scrambled(ws: Workspace) -> dict[object, int | None]:
    """Shift every score so a re-run has to move people; returns the streams before."""
    people = list_participants(ws)
    with ws.transaction() as session:
        for person in people:
            score = 100 - (person.entry_score or 0)
            changes.record(session, "participant", person.id, {PHASES["entry"]: score})
    return {p.id: p.stream_number for p in people}


def test_a_move_with_a_reason_survives_a_re_run(demo_workspace: Workspace) -> None:
    person = list_participants(demo_workspace, stream_number=1)[0]
    with pytest.raises(UserError) as caught:
        streams.move_participant(demo_workspace, person.id, 3, "  ")
    assert caught.value.code == "stream_reason_required"
    moved = streams.move_participant(demo_workspace, person.id, 3, "работает с 3-м потоком")
    assert (moved.stream_number, moved.stream_locked) == (3, True)
    assert moved.stream_reason == "работает с 3-м потоком"
    scrambled(demo_workspace)
    summary = streams.assign_streams(demo_workspace)
    assert summary.moved > 0 and summary.kept >= 1
    assert get_participant(demo_workspace, person.id).stream_number == 3


def test_the_last_run_is_undone_but_not_later_moves(demo_workspace: Workspace) -> None:
    before = scrambled(demo_workspace)
    summary = streams.assign_streams(demo_workspace)
    assert summary.moved > 2
    after = {p.id: p.stream_number for p in list_participants(demo_workspace)}
    changed = [pid for pid in after if after[pid] != before[pid]]
    by_hand = changed[0]
    streams.move_participant(demo_workspace, by_hand, before[by_hand] or 1, "по просьбе")
    restored = streams.undo_last_assignment(demo_workspace)
    assert restored == len(changed) - 1
    now = {p.id: p.stream_number for p in list_participants(demo_workspace)}
    assert all(now[pid] == before[pid] for pid in changed)
    assert streams.undo_last_assignment(demo_workspace) == 0  # nothing left to put back


def test_a_withdrawn_person_cannot_be_moved(demo_workspace: Workspace) -> None:
    person = list_participants(demo_workspace, stream_number=2)[0]
    withdraw_participant(demo_workspace, person.id, "отказ")
    with pytest.raises(UserError) as caught:
        streams.move_participant(demo_workspace, person.id, 1, "ошибка")
    assert caught.value.code == "participant_withdrawn"
    loads = {load.number: load.size for load in streams.stream_overview(demo_workspace)}
    assert person.id not in {p.id for p in list_participants(demo_workspace, stream_number=2)}
    assert sum(loads.values()) == len(list_participants(demo_workspace)) - sum(
        1 for p in list_participants(demo_workspace) if p.stream_number is None
    )
