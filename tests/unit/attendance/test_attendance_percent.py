"""The attendance percentage rule, the per-event settings and the matrix, without a database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from smm_event.attendance.config import (
    DEFAULT_SETTINGS,
    AttendanceSettings,
    settings_from_event,
    settings_to_json,
    with_settings,
)
from smm_event.attendance.matrix import build_matrix
from smm_event.attendance.percent import SessionSlot, summarize
from smm_event.attendance.sessions import session_at
from smm_event.domain.attendance import AttendanceStatus
from smm_event.domain.event import SessionInfo
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError

P, L, A, E = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LATE,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)
MSK = ZoneInfo("Europe/Moscow")
DAY = dt.datetime(2026, 5, 12, 7, 0)  # 10:00 in Moscow, naive UTC
PERSON = uuid.uuid4()


def _slots(count: int, closed: bool = False) -> list[SessionSlot]:
    return [
        SessionSlot(uuid.uuid4(), DAY + dt.timedelta(hours=2 * i), closed) for i in range(count)
    ]


def _summary(
    statuses: list[AttendanceStatus | None], settings: AttendanceSettings = DEFAULT_SETTINGS
):
    slots = _slots(len(statuses))
    marks = {slot.id: status for slot, status in zip(slots, statuses, strict=True) if status}
    return summarize(PERSON, slots, marks, settings, now=DAY + dt.timedelta(days=1))


def test_late_counts_half_and_absent_nothing() -> None:
    summary = _summary([P, L, A, P])
    assert (summary.attended, summary.expected, summary.percent) == (2.5, 4, 62.5)
    assert summary.counts == {"present": 2, "late": 1, "absent": 1, "excused": 0}


def test_excused_leaves_the_denominator() -> None:
    summary = _summary([P, E, E, L])
    assert (summary.attended, summary.expected, summary.percent) == (1.5, 2, 75.0)
    assert summary.counts["excused"] == 2


def test_only_excused_gives_no_percentage_rather_than_zero() -> None:
    summary = _summary([E, E])
    assert summary.expected == 0 and summary.percent is None


def test_unmarked_held_session_counts_as_expected_and_not_attended() -> None:
    summary = _summary([P, None, P, None])
    assert (summary.attended, summary.expected, summary.unmarked) == (2.0, 4, 2)
    assert summary.percent == 50.0


def test_sessions_of_other_streams_never_count() -> None:
    own = _slots(2)
    other = _slots(3)
    marks = {own[0].id: P, own[1].id: P, **{slot.id: A for slot in other}}
    summary = summarize(PERSON, own, marks, DEFAULT_SETTINGS, now=DAY + dt.timedelta(days=1))
    assert (summary.expected, summary.percent, summary.counts["absent"]) == (2, 100.0, 0)


def test_sessions_not_yet_held_are_planned_but_not_expected() -> None:
    slots = _slots(4)  # 10:00, 12:00, 14:00, 16:00 Moscow
    marks = {slots[0].id: P}
    at_noon = summarize(PERSON, slots, marks, DEFAULT_SETTINGS, now=DAY + dt.timedelta(hours=2))
    assert (at_noon.held, at_noon.planned, at_noon.expected, at_noon.unmarked) == (2, 4, 2, 1)
    before = summarize(PERSON, slots, marks, DEFAULT_SETTINGS, now=DAY - dt.timedelta(minutes=1))
    assert before.held == 0 and before.percent is None


def test_a_closed_session_counts_even_before_its_start_time() -> None:
    slot = SessionSlot(uuid.uuid4(), DAY, closed=True)
    summary = summarize(
        PERSON, [slot], {slot.id: A}, DEFAULT_SETTINGS, now=DAY - dt.timedelta(hours=5)
    )
    assert (summary.held, summary.expected, summary.percent) == (1, 1, 0.0)


def test_weights_are_relative_to_the_largest_like_moodle() -> None:
    moodle = settings_from_event(
        {"attendance": {"weights": {"present": 2, "late": 1, "excused": 1}}}
    )
    summary = _summary([P, L, E, A], moodle)
    assert (summary.attended, summary.expected, summary.percent) == (2.0, 4, 50.0)


def test_settings_defaults_round_trip_and_keep_other_event_settings() -> None:
    assert settings_from_event({}) == DEFAULT_SETTINGS
    assert DEFAULT_SETTINGS.weight(L) == 0.5 and DEFAULT_SETTINGS.weight(E) is None
    changed = dataclasses.replace(
        DEFAULT_SETTINGS, grace_minutes=20, desk_marks_first_session=False
    )
    merged = with_settings({"grant": "Грант"}, changed)
    assert merged["grant"] == "Грант"
    assert merged["attendance"] == settings_to_json(changed)
    assert settings_from_event(merged) == changed


@pytest.mark.parametrize(
    "raw",
    [
        {"weights": {"late": -1}},
        {"weights": {"late": "half"}},
        {"weights": {"sick": 1}},
        {"weights": {"present": 0, "late": 0, "absent": 0}},
        {"grace_minutes": -5},
        {"grace_minutes": 10.5},
        {"desk_marks_first_session": "yes"},
        "present=1",
    ],
)
def test_wrong_settings_are_an_error_not_silently_other_weights(raw: object) -> None:
    with pytest.raises(UserError) as error:
        settings_from_event({"attendance": raw})
    assert error.value.code == "bad_attendance_setting"


def test_arrival_within_the_grace_period_is_present_then_late() -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS, grace_minutes=10)
    assert settings.arrival_status(DAY, DAY - dt.timedelta(minutes=20)) is P
    assert settings.arrival_status(DAY, DAY + dt.timedelta(minutes=10)) is P
    assert settings.arrival_status(DAY, DAY + dt.timedelta(minutes=10, seconds=1)) is L


def _session(start_hour: int, minutes: int = 90, day: int = 12) -> SessionInfo:
    starts = dt.datetime(2026, 5, day, start_hour, tzinfo=MSK)
    return SessionInfo(
        uuid.uuid4(),
        1,
        starts.date(),
        starts,
        starts + dt.timedelta(minutes=minutes),
        "theory",
        f"{start_hour}:00",
        None,
        None,
        False,
    )


def test_the_screen_opens_on_the_running_session_else_the_next_else_the_last_today() -> None:
    sessions = [_session(10), _session(12), _session(14), _session(10, day=13)]
    assert session_at(sessions, dt.datetime(2026, 5, 12, 12, 30, tzinfo=MSK)) == sessions[1]
    assert session_at(sessions, dt.datetime(2026, 5, 12, 13, 45, tzinfo=MSK)) == sessions[2]
    assert session_at(sessions, dt.datetime(2026, 5, 12, 8, 0, tzinfo=MSK)) == sessions[0]
    assert session_at(sessions, dt.datetime(2026, 5, 12, 20, 0, tzinfo=MSK)) == sessions[2]
    assert session_at(sessions, dt.datetime(2026, 5, 20, 12, 0, tzinfo=MSK)) is None


def _person(surname: str) -> ParticipantInfo:
    return ParticipantInfo(
        uuid.uuid4(),
        surname,
        "Имя",
        None,
        None,
        "НКО",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        1,
        False,
        None,
        None,
        False,
        1,
    )


def test_matrix_rows_cells_and_totals_per_session() -> None:
    sessions = [_session(10), _session(12), _session(14)]
    people = [_person("Алиева"), _person("Бекоев")]
    marks = {
        (people[0].id, sessions[0].id): P,
        (people[1].id, sessions[0].id): L,
        (people[0].id, sessions[1].id): E,
    }
    now = dt.datetime(2026, 5, 12, 10, 0)  # 13:00 Moscow: two sessions held
    matrix = build_matrix(1, "Базовый", sessions, people, marks, DEFAULT_SETTINGS, now)
    assert [row.cells for row in matrix.rows] == [(P, E, None), (L, None, None)]
    assert [row.summary.percent for row in matrix.rows] == [100.0, 25.0]
    assert [t.held for t in matrix.totals] == [True, True, False]
    assert matrix.totals[0].counts == {"present": 1, "late": 1, "absent": 0, "excused": 0}
    assert [t.unmarked for t in matrix.totals] == [0, 1, 2]
