"""What the check-in desk tells attendance. The desk calls ``on_admitted`` inside its own
check-in transaction, so the check-in and the mark commit together or not at all."""

from __future__ import annotations

import datetime as dt
import uuid
import weakref

from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.attendance.config import settings_from_event
from smm_event.domain.attendance import DeskMarkOutcome, DeskMarkResult, MarkSource
from smm_event.storage.event_context import current_event, event_zone, to_local
from smm_event.storage.models import Device, Participant

# This laptop's name, per open workspace: the mark is ours, and a query for it on every admitted
# scan is a tenth of the desk's time budget. A rename takes effect when the workspace reopens.
_DEVICE_NAMES: weakref.WeakKeyDictionary[object, dict[uuid.UUID, str]] = weakref.WeakKeyDictionary()


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
    event = current_event(session)
    settings = settings_from_event(event.settings)
    if not settings.desk_marks_first_session:
        return DeskMarkResult(DeskMarkOutcome.DISABLED)
    at = store.naive_utc(scanned_at)
    person = session.get(Participant, participant_id)
    if person is None or person.stream_id is None:
        return DeskMarkResult(DeskMarkOutcome.NO_SESSION)
    local_day = to_local(at, event_zone(event)).date()
    day_sessions = [
        place
        for place in store.stream_sessions(session, person.stream_id, local_day)
        if not place.row.cancelled
    ]
    if not day_sessions:
        return DeskMarkResult(DeskMarkOutcome.NO_SESSION)
    first = day_sessions[0].row
    if store.current_mark(session, first.id, participant_id) is not None:
        return DeskMarkResult(DeskMarkOutcome.ALREADY_MARKED, first.id)
    if first.closed:
        return DeskMarkResult(DeskMarkOutcome.SESSION_CLOSED, first.id)
    if at >= first.ends_at:
        return DeskMarkResult(DeskMarkOutcome.SESSION_OVER, first.id)
    status = settings.arrival_status(first.starts_at, at)
    row = store.write_mark(
        session, first.id, participant_id, status, None, MarkSource.DESK, operator, at
    )
    name = _device_name(session, row.device_id)
    devices = {row.device_id: name} if name is not None else {}
    info = store.mark_info(row, event_zone(event), devices)
    return DeskMarkResult(DeskMarkOutcome.MARKED, first.id, info)
