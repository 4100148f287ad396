"""Adding and cancelling a session: the effect shown before saving is what saving does to the
percentages and eligibility; a cancelled session keeps its marks, leaves the percentages, the
planned count and the sign-in sheet, and frees its slot; only the organizer may cancel."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest

from smm_event.attendance import store
from smm_event.domain.attendance import AttendanceStatus
from smm_event.domain.schedule import NewSession
from smm_event.errors import UserError
from smm_event.services import attendance, certificates
from smm_event.services.schedule_edit import add_session, cancel_session, update_session
from smm_event.services.schedule_effect import add_effect, cancel_effect
from smm_event.trust.roles import Role, Write, may_write

UTC = dt.UTC


def day_one(ws: Any) -> tuple[Any, ...]:
    sessions = attendance.find_sessions(ws, 1)
    first_day = sessions[0].day
    return tuple(s for s in sessions if s.day == first_day)


def after(sessions: tuple[Any, ...]) -> dt.datetime:
    return sessions[-1].ends_at.astimezone(UTC) + dt.timedelta(hours=1)


def only_day_one_counts(ws: Any, day: tuple[Any, ...]) -> dt.datetime:
    """Everyone of stream 1 present at day one's sessions but absent at its last one; ``now`` is
    that evening, so only day one is held. Returns that ``now``."""
    now = after(day)
    for info in day[:-1]:
        attendance.mark_many(ws, info.id, AttendanceStatus.PRESENT, now=now)
    attendance.mark_many(ws, day[-1].id, AttendanceStatus.ABSENT, now=now)
    return now


def percents(ws: Any, now: dt.datetime) -> dict[uuid.UUID, float | None]:
    return {
        row.participant.id: row.summary.percent
        for row in attendance.attendance_matrix(ws, 1, now).rows
    }


def eligible(ws: Any, now: dt.datetime) -> set[uuid.UUID]:
    return {v.participant_id for v in certificates.eligibility(ws, 1, now=now) if v.eligible}


def test_cancelling_shows_then_makes_the_same_change(demo_workspace: Any) -> None:
    ws = demo_workspace
    day = day_one(ws)
    assert len(day) >= 2
    now = only_day_one_counts(ws, day)
    before, eligible_before = percents(ws, now), eligible(ws, now)
    held = len(day)
    expected_before = round(100.0 * (held - 1) / held, 2)
    assert set(before.values()) == {expected_before}

    effect = cancel_effect(ws, day[-1].id, now=now)
    assert effect.held and effect.marks == len(before)
    assert effect.people_changed == len(before)
    assert [(s.before, s.after, s.people) for s in effect.shifts] == [
        (expected_before, 100.0, len(before))
    ]
    assert effect.planned_after == effect.planned_before - 1

    cancelled = cancel_session(ws, day[-1].id)
    assert cancelled.cancelled
    assert set(percents(ws, now).values()) == {100.0}
    eligible_after = eligible(ws, now)
    assert len(eligible_after - eligible_before) == effect.become_eligible
    assert len(eligible_before - eligible_after) == effect.lose_eligibility
    summary = attendance.participant_attendance(ws, next(iter(before)), now)
    assert summary.planned == effect.planned_after and summary.held == held - 1

    # Restoring gives every percentage back.
    assert not cancel_session(ws, day[-1].id, cancel=False).cancelled
    assert percents(ws, now) == before


def test_a_cancelled_session_keeps_its_marks_and_leaves_the_sign_in_sheet(
    demo_workspace: Any, tmp_path: Path
) -> None:
    pytest.importorskip("reportlab")
    ws = demo_workspace
    day = day_one(ws)
    only_day_one_counts(ws, day)
    with ws.reading() as session:
        marks_before = len(store.mark_versions(session, [day[-1].id]))
    cancel_session(ws, day[-1].id)
    with ws.reading() as session:
        assert len(store.mark_versions(session, [day[-1].id])) == marks_before > 0
    listed = attendance.find_sessions(ws, 1, day[0].day)
    assert [s.cancelled for s in listed] == [False] * (len(day) - 1) + [True]  # still listed
    with pytest.raises(UserError) as refused:
        attendance.signin_sheet(ws, 1, day[0].day, tmp_path / "one.pdf", day[-1].id)
    assert refused.value.code == "no_sessions_that_day"
    assert attendance.signin_sheet(ws, 1, day[0].day, tmp_path / "day.pdf") >= 1


def test_adding_a_held_session_lowers_percentages_as_previewed(demo_workspace: Any) -> None:
    ws = demo_workspace
    day = day_one(ws)
    now = only_day_one_counts(ws, day)
    last_end = day[-1].ends_at
    new = NewSession(
        1,
        day[0].day,
        "practice",
        "Разбор кейсов",
        last_end.time(),
        (last_end + dt.timedelta(minutes=45)).time(),
        "Зал 2",
        "Иванова А. В.",
    )
    effect = add_effect(ws, new, now=now)
    assert effect.held and effect.marks == 0
    assert effect.planned_after == effect.planned_before + 1
    before = percents(ws, now)
    added = add_session(ws, new)
    assert not added.cancelled and added.title == "Разбор кейсов" and added.room == "Зал 2"
    after_add = percents(ws, now)
    changed = sum(1 for pid in before if before[pid] != after_add[pid])
    assert changed == effect.people_changed == len(before)
    (shift,) = effect.shifts
    assert shift.after == set(after_add.values()).pop()


def test_overlaps_and_unknown_days_are_refused_and_change_nothing(demo_workspace: Any) -> None:
    ws = demo_workspace
    day = day_one(ws)
    first = day[0]
    count = len(attendance.find_sessions(ws, 1))
    overlapping = NewSession(
        1, first.day, "theory", "Лишнее", first.starts_at.time(), first.ends_at.time()
    )
    with pytest.raises(UserError) as refused:
        add_session(ws, overlapping)
    assert refused.value.code == "sessions_overlap"
    with pytest.raises(UserError) as refused:
        add_session(
            ws,
            NewSession(
                1,
                dt.date(2030, 1, 1),
                "theory",
                "Нет дня",
                first.starts_at.time(),
                first.ends_at.time(),
            ),
        )
    assert refused.value.code == "not_a_stream_day"
    with pytest.raises(UserError) as refused:
        add_session(ws, NewSession(1, first.day, "lecture", "Т", dt.time(7), dt.time(8)))
    assert refused.value.code == "bad_session_kind"
    assert len(attendance.find_sessions(ws, 1)) == count

    # A cancelled session gives its slot up; restoring it then would overlap and is refused.
    cancel_session(ws, first.id)
    replacement = add_session(ws, overlapping)
    assert replacement.id != first.id
    with pytest.raises(UserError) as refused:
        cancel_session(ws, first.id, cancel=False)
    assert refused.value.code == "sessions_overlap"
    # Editing a cancelled session's time is allowed: it holds no slot.
    from smm_event.services.schedule_edit import SessionEdit

    edit = SessionEdit(first.title, None, None, first.starts_at.time(), first.ends_at.time())
    assert update_session(ws, first.id, edit).cancelled


def test_only_the_organizer_cancels_a_session() -> None:
    write = Write(uuid.uuid4(), "session", str(uuid.uuid4()), {"cancelled": True})
    session: Any = None
    assert not may_write(session, frozenset({Role.TRAINER}), write)
    assert not may_write(session, frozenset({Role.DESK}), write)
    assert may_write(session, frozenset({Role.ORGANIZER}), write)
    closing = Write(uuid.uuid4(), "session", str(uuid.uuid4()), {"closed": True})
    assert may_write(session, frozenset({Role.TRAINER}), closing)


def test_a_cancelled_session_is_not_offered_to_the_trainer_and_refuses_marks(
    demo_workspace: Any,
) -> None:
    ws = demo_workspace
    day = day_one(ws)
    someone = attendance.session_roster(ws, day[-1].id).entries[0].participant.id
    cancel_session(ws, day[-1].id)
    held = attendance.find_sessions(ws, 1, day[0].day, held_only=True)
    assert day[-1].id not in {s.id for s in held}
    assert {s.id for s in held} == {s.id for s in day[:-1]}
    with ws.reading() as session:
        marks_before = len(store.mark_versions(session, [day[-1].id]))
    with pytest.raises(UserError) as refused:
        attendance.mark(ws, day[-1].id, someone, AttendanceStatus.PRESENT)
    assert refused.value.code == "session_cancelled"
    with ws.reading() as session:
        assert len(store.mark_versions(session, [day[-1].id])) == marks_before
