"""A participant's attendance percentage: one pure function of their stream's sessions, their
marks and the event's weights.

The rule (docs/attendance.md):
- Only sessions of the participant's own stream count; marks at other streams' sessions (a
  visit, or a stream change) are ignored, so nobody is ever "absent" from another stream.
- A session counts once it is *held*: it has started (``starts_at <= now``) or a trainer has
  closed it. Later sessions are planned but not yet expected, so the percentage is "so far".
- Each held session adds its status's weight (present 1, late 0.5, absent 0 by default) to
  ``attended`` and 1 to ``expected``; a status without a weight (excused) adds to neither.
- A held session without any mark counts as expected and not attended: the trainer closes the
  session with "mark all unmarked as absent" or marks the person; ``unmarked`` shows how many.
- A session the organizer cancelled counts for nobody, held or not: it is neither expected nor
  planned, and marks given there before the cancellation are kept but not weighed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from smm_event.attendance.config import AttendanceSettings
from smm_event.domain.attendance import AttendanceStatus, AttendanceSummary

UNMARKED = "unmarked"


@dataclass(frozen=True)
class SessionSlot:
    """What the rule needs of a session. ``starts_at`` is naive UTC like every stored instant."""

    id: uuid.UUID
    starts_at: dt.datetime
    closed: bool = False
    cancelled: bool = False


def is_held(slot: SessionSlot, now: dt.datetime) -> bool:
    return not slot.cancelled and (slot.closed or slot.starts_at <= now)


def summarize(
    participant_id: uuid.UUID,
    stream_sessions: Sequence[SessionSlot],
    marks: Mapping[uuid.UUID, AttendanceStatus],
    settings: AttendanceSettings,
    now: dt.datetime,
) -> AttendanceSummary:
    """``marks`` maps session id -> current status; ids outside ``stream_sessions`` are ignored."""
    held = [slot for slot in stream_sessions if is_held(slot, now)]
    statuses = [marks.get(slot.id) for slot in held]
    attended, expected = weigh(statuses, settings)
    counts = Counter(status.value for status in statuses if status is not None)
    return AttendanceSummary(
        participant_id=participant_id,
        attended=attended,
        expected=expected,
        percent=percent_of(attended, expected),
        counts={status.value: counts.get(status.value, 0) for status in AttendanceStatus},
        unmarked=sum(1 for status in statuses if status is None),
        held=len(held),
        planned=sum(1 for slot in stream_sessions if not slot.cancelled),
    )


def weigh(
    statuses: Iterable[AttendanceStatus | None], settings: AttendanceSettings
) -> tuple[float, int]:
    """(attended, expected) over held sessions; None is an unmarked session."""
    attended = 0.0
    expected = 0
    for status in statuses:
        weight = 0.0 if status is None else settings.weight(status)
        if weight is None:
            continue
        attended += weight
        expected += 1
    return attended, expected


def percent_of(attended: float, expected: int) -> float | None:
    if expected == 0:
        return None
    return round(100.0 * attended / expected, 2)
