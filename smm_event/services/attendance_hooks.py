"""What the check-in desk tells attendance. The desk calls ``on_admitted`` inside its own
check-in transaction, so the check-in and the mark commit together or not at all."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.attendance.config import settings_from_event
from smm_event.domain.attendance import DeskMarkOutcome, DeskMarkResult, MarkSource
from smm_event.services.context import current_event, event_zone, to_local
from smm_event.storage.models import Device, Participant


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
    day_sessions = store.stream_sessions(session, person.stream_id, local_day)
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
    # Only this laptop's name is needed (the mark is ours); reading every device's would cost
    # a query on the desk's hot path.
    device = session.get(Device, row.device_id)
    devices = {row.device_id: device.name} if device is not None else {}
    info = store.mark_info(row, event_zone(event), devices)
    return DeskMarkResult(DeskMarkOutcome.MARKED, first.id, info)
