"""Eligibility: the rule's verdict with its numbers, at and around the threshold, with excused,
late and unmarked sessions, the exit test, and organizer overrides."""

from __future__ import annotations

import uuid

import pytest

from smm_event.certificates.eligibility import Override, Person, judge, reaches, sessions_short
from smm_event.domain.attendance import AttendanceSummary
from smm_event.domain.certificates import CertificateRule, Decision, Notice, Shortfall
from smm_event.errors import UserError
from smm_event.services import certificates
from smm_event.services.participants import list_participants
from smm_event.workspace import Workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import (
    NOW,
    A,
    E,
    L,
    P,
    mark,
    set_exit_score,
    stream_sessions,
)

prepared = certificate_support.prepared  # the shared fixtures
ws = certificate_support.ws

PID = uuid.UUID("00000000-0000-4000-8000-0000000000aa")
RULE = CertificateRule(min_attendance_percent=75.0, exit_test_required=True)


def _summary(
    attended: float, expected: int, held: int = 16, planned: int = 16, unmarked: int = 0
) -> AttendanceSummary:
    percent = None if expected == 0 else round(100.0 * attended / expected, 2)
    return AttendanceSummary(PID, attended, expected, percent, {}, unmarked, held, planned)


def _person(exit_score: float | None = 70.0, stream: int | None = 1) -> Person:
    return Person(PID, "Иванова Анна", stream, exit_score)


def test_exactly_at_the_threshold_qualifies() -> None:
    verdict = judge(_person(), _summary(12, 16), RULE)  # 75.0 %
    assert verdict.eligible and verdict.missing == () and verdict.sessions_short == 0
    assert verdict.percent == 75.0 and verdict.required_percent == 75.0


def test_half_a_session_below_the_threshold_does_not_and_says_by_how_much() -> None:
    verdict = judge(_person(), _summary(11.5, 16), RULE)  # one late instead of present
    assert not verdict.eligible
    assert verdict.missing == (Shortfall.ATTENDANCE,)
    assert verdict.sessions_short == 1


def test_threshold_that_is_not_a_round_fraction() -> None:
    rule = CertificateRule(min_attendance_percent=66.67)
    assert reaches(10, 15, 66.66) and not reaches(10, 15, 66.67)
    assert not judge(_person(), _summary(10, 15), rule).eligible
    assert judge(_person(), _summary(10.5, 15), rule).eligible
    # Thirds summed as floats land a hair below the exact value: still exactly at the threshold.
    assert reaches(1 / 3 + 1 / 3 + 1 / 3, 1, 100.0)


@pytest.mark.parametrize(
    ("attended", "expected", "required", "short"),
    [(0, 16, 75, 12), (11, 16, 75, 1), (10.5, 16, 75, 2), (16, 16, 100, 0), (0, 16, 0, 0)],
)
def test_sessions_short(attended: float, expected: int, required: float, short: int) -> None:
    assert sessions_short(attended, expected, required) == short


def test_missing_exit_test_and_low_score() -> None:
    no_test = judge(_person(exit_score=None), _summary(16, 16), RULE)
    assert not no_test.eligible and no_test.missing == (Shortfall.NO_EXIT_TEST,)
    optional = CertificateRule(exit_test_required=False)
    assert judge(_person(exit_score=None), _summary(16, 16), optional).eligible
    scored = CertificateRule(min_exit_score=60)
    assert judge(_person(exit_score=59.5), _summary(16, 16), scored).missing == (
        Shortfall.EXIT_SCORE,
    )
    assert judge(_person(exit_score=60), _summary(16, 16), scored).eligible


def test_nothing_expected_or_no_stream_cannot_qualify_by_rule() -> None:
    all_excused = judge(_person(), _summary(0, 0), RULE)
    assert all_excused.missing == (Shortfall.NO_SESSIONS,) and all_excused.percent is None
    assert judge(_person(stream=None), None, RULE).missing == (Shortfall.NO_STREAM,)


def test_notices_for_unmarked_sessions_and_a_course_still_running() -> None:
    verdict = judge(_person(), _summary(8, 8, held=8, planned=16, unmarked=1), RULE)
    assert verdict.eligible  # so far
    assert verdict.notices == (Notice.UNMARKED, Notice.COURSE_NOT_OVER)


def test_override_decides_but_keeps_the_rule_verdict() -> None:
    verdict = judge(_person(), _summary(6, 16), RULE, Override(True, "болела, справка"))
    assert verdict.eligible and not verdict.eligible_by_rule
    assert verdict.decided_by is Decision.OVERRIDE
    assert verdict.override_reason == "болела, справка"
    assert verdict.sessions_short == 6
    refused = judge(_person(), _summary(16, 16), RULE, Override(False, "не сдал проект"))
    assert not refused.eligible and refused.eligible_by_rule


# The same cases through the attendance service's real marks on the demo's stream 2.


def _stream2(ws: Workspace) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    people = [p.id for p in list_participants(ws, 2)]
    return people, stream_sessions(ws, 2)


def test_marks_at_the_threshold_with_late_and_excused(ws: Workspace) -> None:
    people, sessions = _stream2(ws)
    assert len(sessions) == 16
    at_threshold, with_late, with_excused, below = people[:4]
    mark(ws, at_threshold, sessions, [P] * 12 + [A] * 4)
    mark(ws, with_late, sessions, [P] * 11 + [L] * 2 + [A] * 3)  # 11 + 2 x 0.5 = 12 of 16
    mark(ws, with_excused, sessions, [P] * 10 + [E] * 3 + [A] * 3)  # 10 of 13
    mark(ws, below, sessions, [P] * 11 + [L] + [A] * 4)  # 11.5 of 16
    for person in people[:4]:
        set_exit_score(ws, person, 55.0)
    verdicts = {v.participant_id: v for v in certificates.eligibility(ws, 2, now=NOW)}
    assert (verdicts[at_threshold].eligible, verdicts[at_threshold].percent) == (True, 75.0)
    assert (verdicts[with_late].attended, verdicts[with_late].expected) == (12.0, 16)
    assert verdicts[with_late].eligible
    assert verdicts[with_excused].expected == 13 and verdicts[with_excused].eligible
    assert (
        verdicts[below].missing == (Shortfall.ATTENDANCE,) and verdicts[below].sessions_short == 1
    )
    unmarked = verdicts[people[4]]
    assert unmarked.missing == (Shortfall.ATTENDANCE, Shortfall.NO_EXIT_TEST)
    assert unmarked.unmarked == 16 and Notice.UNMARKED in unmarked.notices


def test_override_needs_a_reason_and_can_be_handed_back_to_the_rule(ws: Workspace) -> None:
    people, _ = _stream2(ws)
    with pytest.raises(UserError) as error:
        certificates.set_override(ws, people[0], True, "  ")
    assert error.value.code == "override_reason_required"
    verdict = certificates.set_override(ws, people[0], True, "участвовала онлайн")
    assert verdict.eligible and verdict.decided_by is Decision.OVERRIDE
    back = certificates.set_override(ws, people[0], None, None)
    assert not back.eligible and back.decided_by is Decision.RULE and back.override_reason is None


def test_unknown_stream_is_an_error(ws: Workspace) -> None:
    with pytest.raises(UserError) as error:
        certificates.eligibility(ws, 9, now=NOW)
    assert error.value.code == "no_such_stream"
