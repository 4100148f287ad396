"""Bulk marks (the trainer page's «Mark several»): one transaction, all or nothing."""

from __future__ import annotations

import uuid

import pytest

from smm_event.domain.attendance import AttendanceStatus
from smm_event.errors import UserError
from smm_event.services import attendance
from smm_event.workspace import Workspace
from tests.conftest import DEMO_FIRST_DAY

P, A = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT


def _session_and_people(ws: Workspace, stream: int = 1) -> tuple[uuid.UUID, list[uuid.UUID]]:
    day = DEMO_FIRST_DAY if stream == 1 else None
    session = attendance.find_sessions(ws, stream, day)[0]
    roster = attendance.session_roster(ws, session.id)
    return session.id, [entry.participant.id for entry in roster.entries]


def _statuses(ws: Workspace, session_id: uuid.UUID) -> dict[uuid.UUID, AttendanceStatus | None]:
    roster = attendance.session_roster(ws, session_id)
    return {entry.participant.id: entry.status for entry in roster.entries}


def test_listed_people_get_the_status_keeping_notes_and_skipping_the_same(
    demo_workspace: Workspace,
) -> None:
    session_id, people = _session_and_people(demo_workspace)
    attendance.mark(demo_workspace, session_id, people[0], "excused", note="справка")
    attendance.mark(demo_workspace, session_id, people[1], "absent")
    result = attendance.mark_many(
        demo_workspace,
        session_id,
        "absent",
        [people[0], people[1], people[2], people[2]],
    )
    assert (result.status, result.unchanged) == (A, 1)
    assert [m.participant_id for m in result.marks] == [people[0], people[2]]
    assert (
        result.marks[0].note == "справка"
        and result.marks[0].previous_status is AttendanceStatus.EXCUSED
    )
    statuses = _statuses(demo_workspace, session_id)
    assert [statuses[p] for p in people[:4]] == [A, A, A, None]


def test_none_means_everyone_unmarked(demo_workspace: Workspace) -> None:
    session_id, people = _session_and_people(demo_workspace)
    attendance.mark(demo_workspace, session_id, people[5], "late")
    result = attendance.mark_many(demo_workspace, session_id, P, None, operator="Ирина")
    assert len(result.marks) == len(people) - 1 and result.unchanged == 0
    assert {m.operator for m in result.marks} == {"Ирина"}
    statuses = _statuses(demo_workspace, session_id)
    assert statuses[people[5]] is AttendanceStatus.LATE
    assert {statuses[p] for p in people if p != people[5]} == {P}


def test_a_stranger_in_the_list_writes_nothing(demo_workspace: Workspace) -> None:
    session_id, people = _session_and_people(demo_workspace)
    _, others = _session_and_people(demo_workspace, stream=2)
    with pytest.raises(UserError) as error:
        attendance.mark_many(demo_workspace, session_id, P, [people[0], others[0]])
    assert error.value.code == "not_in_stream"
    assert _statuses(demo_workspace, session_id)[people[0]] is None  # one transaction


@pytest.mark.parametrize(("status", "code"), [("ill", "bad_status")])
def test_bad_status_and_closed_session_are_refused(
    demo_workspace: Workspace, status: str, code: str
) -> None:
    session_id, people = _session_and_people(demo_workspace)
    with pytest.raises(UserError) as error:
        attendance.mark_many(demo_workspace, session_id, status, people[:2])
    assert error.value.code == code
    attendance.close_session(demo_workspace, session_id, mark_unmarked_absent=False)
    with pytest.raises(UserError) as error:
        attendance.mark_many(demo_workspace, session_id, P, None)
    assert error.value.code == "session_closed"
    assert set(_statuses(demo_workspace, session_id).values()) == {None}
