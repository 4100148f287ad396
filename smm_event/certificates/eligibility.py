"""Who qualifies for a certificate, and why, in numbers. Pure: the attendance summary (from
smm_event.services.attendance: held sessions of the person's own stream, late weighted, excused
out of the denominator), the exit score and the organizer's override come in as values.

The rule (docs/certificates.md): attended / expected >= the minimum percentage, exactly at the
threshold counts; the exit test taken (and, when set, at or above a minimum score). A person
with nothing expected yet (no held session, or every one excused) does not qualify by rule: there
is no attendance to judge. An override decides either way but needs a written reason and keeps
the rule's verdict and numbers beside it.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from smm_event.domain.attendance import AttendanceSummary
from smm_event.domain.certificates import (
    CertificateRule,
    Decision,
    Eligibility,
    Notice,
    Shortfall,
)

# Weighted attendance is a float sum (0.5 for late); this absorbs its rounding so that exactly
# at the threshold always counts as reaching it.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Person:
    participant_id: uuid.UUID
    full_name: str
    stream_number: int | None
    exit_score: float | None


@dataclass(frozen=True)
class Override:
    eligible: bool
    reason: str


def sessions_short(attended: float, expected: int, required_percent: float) -> int:
    """How many more fully attended sessions would reach the threshold (0 if reached)."""
    needed = required_percent * expected / 100.0 - attended
    return max(0, math.ceil(needed - _EPSILON))


def reaches(attended: float, expected: int, required_percent: float) -> bool:
    return attended * 100.0 >= required_percent * expected - _EPSILON * 100.0


def _shortfalls(
    person: Person, summary: AttendanceSummary | None, rule: CertificateRule
) -> list[Shortfall]:
    missing: list[Shortfall] = []
    if person.stream_number is None:
        missing.append(Shortfall.NO_STREAM)
    elif summary is None or summary.expected == 0:
        missing.append(Shortfall.NO_SESSIONS)
    elif not reaches(summary.attended, summary.expected, rule.min_attendance_percent):
        missing.append(Shortfall.ATTENDANCE)
    if rule.exit_test_required and person.exit_score is None:
        missing.append(Shortfall.NO_EXIT_TEST)
    elif (
        rule.min_exit_score is not None
        and person.exit_score is not None
        and person.exit_score < rule.min_exit_score
    ):
        missing.append(Shortfall.EXIT_SCORE)
    return missing


def _notices(summary: AttendanceSummary | None) -> tuple[Notice, ...]:
    if summary is None:
        return ()
    notices = []
    if summary.unmarked:
        notices.append(Notice.UNMARKED)
    if summary.held < summary.planned:
        notices.append(Notice.COURSE_NOT_OVER)
    return tuple(notices)


def judge(
    person: Person,
    summary: AttendanceSummary | None,
    rule: CertificateRule,
    override: Override | None = None,
) -> Eligibility:
    """The verdict for one person with every number behind it."""
    missing = _shortfalls(person, summary, rule)
    by_rule = not missing
    attended = summary.attended if summary else 0.0
    expected = summary.expected if summary else 0
    return Eligibility(
        participant_id=person.participant_id,
        full_name=person.full_name,
        stream_number=person.stream_number,
        eligible=by_rule if override is None else override.eligible,
        eligible_by_rule=by_rule,
        decided_by=Decision.RULE if override is None else Decision.OVERRIDE,
        attended=attended,
        expected=expected,
        percent=summary.percent if summary else None,
        required_percent=rule.min_attendance_percent,
        sessions_short=sessions_short(attended, expected, rule.min_attendance_percent),
        exit_score=person.exit_score,
        missing=tuple(missing),
        notices=_notices(summary),
        counts=dict(summary.counts) if summary else {},
        unmarked=summary.unmarked if summary else 0,
        held=summary.held if summary else 0,
        planned=summary.planned if summary else 0,
        override_reason=override.reason if override else None,
    )
