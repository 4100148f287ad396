"""Participants x sessions of one stream, with each row's percentage and each session's totals.
Pure: the service loads the rows, this arranges them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence

from smm_event.attendance.config import AttendanceSettings
from smm_event.attendance.percent import SessionSlot, is_held, summarize
from smm_event.domain.attendance import (
    AttendanceMatrix,
    AttendanceStatus,
    MatrixRow,
    SessionTotals,
)
from smm_event.domain.event import SessionInfo
from smm_event.domain.participants import ParticipantInfo

MarkKey = tuple[uuid.UUID, uuid.UUID]  # (participant id, session id)


def slot_of(session: SessionInfo) -> SessionSlot:
    """The percent rule's view of a session (its start back in naive UTC)."""
    starts = session.starts_at.astimezone(dt.UTC).replace(tzinfo=None)
    return SessionSlot(session.id, starts, session.closed, session.cancelled)


def build_matrix(
    stream_number: int,
    stream_title: str,
    sessions: Sequence[SessionInfo],
    participants: Sequence[ParticipantInfo],
    marks: Mapping[MarkKey, AttendanceStatus],
    settings: AttendanceSettings,
    now: dt.datetime,
) -> AttendanceMatrix:
    """``sessions`` and ``participants`` belong to the stream and come in display order."""
    slots = [slot_of(session) for session in sessions]
    rows = tuple(_row(person, slots, marks, settings, now) for person in participants)
    totals = tuple(_totals(index, slot, rows, now) for index, slot in enumerate(slots))
    return AttendanceMatrix(stream_number, stream_title, tuple(sessions), rows, totals)


def _row(
    person: ParticipantInfo,
    slots: Sequence[SessionSlot],
    marks: Mapping[MarkKey, AttendanceStatus],
    settings: AttendanceSettings,
    now: dt.datetime,
) -> MatrixRow:
    cells = tuple(marks.get((person.id, slot.id)) for slot in slots)
    own = {slot.id: status for slot, status in zip(slots, cells, strict=True) if status is not None}
    return MatrixRow(person, cells, summarize(person.id, slots, own, settings, now))


def _totals(
    index: int, slot: SessionSlot, rows: Sequence[MatrixRow], now: dt.datetime
) -> SessionTotals:
    statuses = [row.cells[index] for row in rows]
    counts = Counter(status.value for status in statuses if status is not None)
    return SessionTotals(
        session_id=slot.id,
        counts={status.value: counts.get(status.value, 0) for status in AttendanceStatus},
        unmarked=sum(1 for status in statuses if status is None),
        held=is_held(slot, now),
    )
