"""What the check-in desk tells attendance. The desk calls ``on_admitted`` inside its own
check-in transaction, so the check-in and the mark commit together or not at all."""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.attendance.config import AttendanceSettings, settings_from_event
from smm_event.checkin.store import rules_fingerprint
from smm_event.domain.attendance import (
    AttendanceStatus,
    DeskMarkOutcome,
    DeskMarkResult,
    MarkInfo,
    MarkSource,
)
from smm_event.storage.event_context import current_event, event_zone, to_local
from smm_event.storage.models import Device, Participant, Stream

# This laptop's name, per open workspace: the mark is ours, and a query for it on every admitted
# scan is a tenth of the desk's time budget. A rename takes effect when the workspace reopens.
_DEVICE_NAMES: weakref.WeakKeyDictionary[object, dict[uuid.UUID, str]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class _Slot:
    id: uuid.UUID
    starts_at: dt.datetime
    ends_at: dt.datetime
    closed: bool


@dataclass(frozen=True)
class _DeskMarkContext:
    """The event's settings and every stream's sessions by day: read once, reused while the
    check-in store's fingerprint (event, streams, days, sessions) is unchanged."""

    fingerprint: tuple[Any, ...]
    settings: AttendanceSettings
    zone: ZoneInfo
    days: dict[tuple[uuid.UUID, dt.date], tuple[_Slot, ...]]


_CONTEXTS: weakref.WeakKeyDictionary[object, _DeskMarkContext] = weakref.WeakKeyDictionary()


def _context(session: Session) -> _DeskMarkContext:
    fingerprint = rules_fingerprint(session)
    cached = _CONTEXTS.get(session.get_bind())
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    event = current_event(session)
    days: dict[tuple[uuid.UUID, dt.date], list[_Slot]] = defaultdict(list)
    for stream_id in session.scalars(select(Stream.id).where(Stream.event_id == event.id)):
        for place in store.stream_sessions(session, stream_id):
            row = place.row
            if row.cancelled:  # a cancelled session gets no desk mark
                continue
            slot = _Slot(row.id, row.starts_at, row.ends_at, bool(row.closed))
            days[(stream_id, place.day)].append(slot)  # in time order already
    cached = _DeskMarkContext(
        fingerprint,
        settings_from_event(event.settings),
        event_zone(event),
        {key: tuple(slots) for key, slots in days.items()},
    )
    _CONTEXTS[session.get_bind()] = cached
    return cached


def _device_name(session: Session, device_id: uuid.UUID) -> str | None:
    names = _DEVICE_NAMES.setdefault(session.get_bind(), {})
    if device_id not in names:
        device = session.get(Device, device_id)
        if device is None:
            return None
        names[device_id] = device.name
    return names[device_id]


def on_admitted(
    session: Session,
    participant_id: uuid.UUID,
    scanned_at: dt.datetime,
    operator: str | None = None,
) -> DeskMarkResult:
    """Mark an admitted person present (late after the grace period) at the first session of
    their stream that day, if the event's settings say so and nobody marked them there yet.

    A trainer's mark always wins: the desk only fills an empty cell, and a trainer's later mark
    is a newer version. A check-in after that first session ended marks nothing (the person
    was not there); the trainers mark the later sessions.
    """
    context = _context(session)
    settings = context.settings
    if not settings.desk_marks_first_session:
        return DeskMarkResult(DeskMarkOutcome.DISABLED)
    at = store.naive_utc(scanned_at)
    person = session.get(Participant, participant_id)  # the check-in read it: no query
    if person is None or person.stream_id is None:
        return DeskMarkResult(DeskMarkOutcome.NO_SESSION)
    local_day = to_local(at, context.zone).date()
    day_sessions = context.days.get((person.stream_id, local_day), ())
    if not day_sessions:
        return DeskMarkResult(DeskMarkOutcome.NO_SESSION)
    first = day_sessions[0]
    if store.has_mark(session, first.id, participant_id):
        return DeskMarkResult(DeskMarkOutcome.ALREADY_MARKED, first.id)
    if first.closed:
        return DeskMarkResult(DeskMarkOutcome.SESSION_CLOSED, first.id)
    if at >= first.ends_at:
        return DeskMarkResult(DeskMarkOutcome.SESSION_OVER, first.id)
    status = settings.arrival_status(first.starts_at, at)
    source = MarkSource.DESK
    mark_id, hlc, device_id = store.insert_mark(
        session, first.id, participant_id, status, source, operator, at
    )
    info = MarkInfo(
        id=mark_id,
        session_id=first.id,
        participant_id=participant_id,
        status=AttendanceStatus(status),
        note=None,
        source=source.value,
        hlc=hlc,
        marked_at=to_local(at, context.zone),
        device_id=device_id,
        device_name=_device_name(session, device_id),
        operator=operator,
    )
    return DeskMarkResult(DeskMarkOutcome.MARKED, first.id, info)
