"""Changing a session after the event was created: rename it, move it within its day, change
its trainer or hall. Each change is a replicated record on the session row (last writer wins
field by field), so every laptop's trainer screen and desk follow.

Adding and cancelling sessions, the changes that alter attendance percentages, are not here:
``session_change_effect`` tells the organizer before saving that these edits keep every mark
and every percentage as it is."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from smm_event.domain.event import SessionInfo
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, event_zone, to_local, to_utc
from smm_event.storage.models import AttendanceMark, TrainingSession
from smm_event.workspace import Workspace


@dataclass(frozen=True)
class SessionEdit:
    title: str
    room: str | None
    trainer: str | None
    start: dt.time  # local time at the venue, on the session's own day
    end: dt.time


@dataclass(frozen=True)
class SessionEffect:
    marks: int  # attendance marks already given for the session: all are kept
    percentages_change: bool  # False for every edit this module makes


def session_change_effect(ws: Workspace, session_id: uuid.UUID) -> SessionEffect:
    with ws.reading() as session:
        marks = session.scalar(
            select(func.count(func.distinct(AttendanceMark.participant_id))).where(
                AttendanceMark.session_id == session_id
            )
        )
    return SessionEffect(int(marks or 0), percentages_change=False)


def update_session(ws: Workspace, session_id: uuid.UUID, edit: SessionEdit) -> SessionInfo:
    from smm_event.attendance import store

    title = normalize.clean_text(edit.title or "")
    if title is None:
        raise UserError("session_title_required")
    if edit.end <= edit.start:
        raise UserError(
            "session_ends_before_start",
            start=edit.start.isoformat("minutes"),
            end=edit.end.isoformat("minutes"),
        )
    with ws.transaction() as session:
        zone = event_zone(current_event(session))
        place = store.load_session(session, session_id)
        starts = to_utc(dt.datetime.combine(place.day, edit.start), zone)
        ends = to_utc(dt.datetime.combine(place.day, edit.end), zone)
        others = session.scalars(
            select(TrainingSession).where(
                TrainingSession.stream_day_id == place.row.stream_day_id,
                TrainingSession.id != place.row.id,
            )
        ).all()
        for other in others:
            if other.starts_at < ends and starts < other.ends_at:
                raise UserError(
                    "sessions_overlap",
                    other=other.title,
                    start=to_local(other.starts_at, zone).strftime("%H:%M"),
                )
        fields = {
            "title": title,
            "room": normalize.clean_text(edit.room or ""),
            "trainer": normalize.clean_text(edit.trainer or ""),
            "starts_at": starts,
            "ends_at": ends,
        }
        changed = {k: v for k, v in fields.items() if getattr(place.row, k) != v}
        if changed:
            changes.record(session, "session", place.row.id, changed)
            session.flush()
        return store.session_info(store.load_session(session, session_id), zone)
