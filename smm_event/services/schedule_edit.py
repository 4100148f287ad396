"""Changing the schedule after the event was created: rename a session, move it within its day,
change its trainer or hall; add a session to a stream's day; cancel a session or restore it.
Each change is a replicated record on the session row (last writer wins field by field;
organizer-only by ``trust.roles``), so every laptop's trainer screen and desk follow.

Edits keep every mark and every percentage as it is (``session_change_effect`` says so before
saving). Adding and cancelling do change percentages: ``services.schedule_effect`` computes by
how much before saving. A cancelled session keeps its row and its marks (they are reported,
not weighed) and stays listed, struck through."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smm_event.domain.event import SessionInfo
from smm_event.domain.schedule import NewSession
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.schedule.model import SESSION_KINDS
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, event_zone, to_local, to_utc
from smm_event.storage.models import AttendanceMark, StreamDay, TrainingSession
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

    title = _title(edit.title)
    _check_times(edit.start, edit.end)
    with ws.transaction() as session:
        zone = event_zone(current_event(session))
        place = store.load_session(session, session_id)
        starts = to_utc(dt.datetime.combine(place.day, edit.start), zone)
        ends = to_utc(dt.datetime.combine(place.day, edit.end), zone)
        if not place.row.cancelled:
            _refuse_overlap(session, place.row.stream_day_id, place.row.id, starts, ends, zone)
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


def add_session(ws: Workspace, new: NewSession) -> SessionInfo:
    """A new session on one of the stream's days (a new day is a new schedule, not an edit)."""
    from smm_event.attendance import store

    title = _title(new.title)
    _check_times(new.start, new.end)
    if new.kind not in SESSION_KINDS:
        raise UserError("bad_session_kind", kind=new.kind)
    with ws.transaction() as session:
        event = current_event(session)
        zone = event_zone(event)
        (stream,) = store.streams_of_event(session, event, new.stream_number)
        day_id = session.scalar(
            select(StreamDay.id).where(StreamDay.stream_id == stream.id, StreamDay.day == new.day)
        )
        if day_id is None:
            raise UserError(
                "not_a_stream_day", stream=new.stream_number, day=new.day.strftime("%d.%m.%Y")
            )
        starts = to_utc(dt.datetime.combine(new.day, new.start), zone)
        ends = to_utc(dt.datetime.combine(new.day, new.end), zone)
        _refuse_overlap(session, day_id, None, starts, ends, zone)
        # A fresh id, not one derived from the start time: a session cancelled at 10:00 and a
        # new one added at 10:00 are two sessions, each with its own marks.
        session_id = uuid.uuid4()
        fields = {
            "stream_day_id": day_id,
            "starts_at": starts,
            "ends_at": ends,
            "kind": new.kind,
            "title": title,
            "room": normalize.clean_text(new.room or ""),
            "trainer": normalize.clean_text(new.trainer or ""),
            "closed": False,
            "cancelled": False,
        }
        changes.record(session, "session", session_id, fields, new=True)
        session.flush()
        return store.session_info(store.load_session(session, session_id), zone)


def cancel_session(ws: Workspace, session_id: uuid.UUID, cancel: bool = True) -> SessionInfo:
    """Cancel the session (``cancel``) or restore a cancelled one; marks are never touched."""
    from smm_event.attendance import store

    with ws.transaction() as session:
        zone = event_zone(current_event(session))
        place = store.load_session(session, session_id)
        if bool(place.row.cancelled) != cancel:
            if not cancel:  # its slot may have been given to another session meanwhile
                row = place.row
                _refuse_overlap(
                    session, row.stream_day_id, row.id, row.starts_at, row.ends_at, zone
                )
            changes.record(session, "session", place.row.id, {"cancelled": cancel})
            session.flush()
        return store.session_info(store.load_session(session, session_id), zone)


def _title(text: str) -> str:
    title = normalize.clean_text(text or "")
    if title is None:
        raise UserError("session_title_required")
    return title


def _check_times(start: dt.time, end: dt.time) -> None:
    if end <= start:
        raise UserError(
            "session_ends_before_start",
            start=start.isoformat("minutes"),
            end=end.isoformat("minutes"),
        )


def _refuse_overlap(
    session: Session,
    day_id: uuid.UUID,
    own_id: uuid.UUID | None,
    starts: dt.datetime,
    ends: dt.datetime,
    zone: ZoneInfo,
) -> None:
    """Two sessions of a stream never share a moment; a cancelled one has given its slot up."""
    query = select(TrainingSession).where(
        TrainingSession.stream_day_id == day_id, TrainingSession.cancelled.is_(False)
    )
    if own_id is not None:
        query = query.where(TrainingSession.id != own_id)
    for other in session.scalars(query):
        if other.starts_at < ends and starts < other.ends_at:
            raise UserError(
                "sessions_overlap",
                other=other.title,
                start=to_local(other.starts_at, zone).strftime("%H:%M"),
            )
