"""What a schedule change does to attendance, told to the organizer before saving."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class NewSession:
    """A session added to a stream's existing day (local times at the venue)."""

    stream_number: int
    day: dt.date
    kind: str  # "theory" or "practice"
    title: str
    start: dt.time
    end: dt.time
    room: str | None = None
    trainer: str | None = None


@dataclass(frozen=True)
class PercentShift:
    """``people`` participants whose percentage goes from ``before`` to ``after`` (None: nothing
    expected of them yet)."""

    before: float | None
    after: float | None
    people: int


@dataclass(frozen=True)
class ScheduleEffect:
    marks: int  # marks already given at the session: kept either way, reported
    held: bool  # the session already counts (started or closed), so percentages move now
    people_changed: int
    shifts: tuple[PercentShift, ...]  # the largest groups first
    become_eligible: int  # would now qualify for a certificate
    lose_eligibility: int  # qualify now and would not
    planned_before: int  # sessions of the stream that count, before and after
    planned_after: int
