"""Read-side conversions from rows to domain dataclasses, and the workspace summary."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smm_event.domain.event import (
    DeviceInfo,
    EventInfo,
    SessionInfo,
    StreamInfo,
    WorkspaceSummary,
)
from smm_event.storage.changes import local_state
from smm_event.storage.event_context import current_event, event_zone, to_local
from smm_event.storage.models import (
    Checkin,
    Device,
    Event,
    Participant,
    Stream,
    StreamDay,
    TrainingSession,
)
from smm_event.sync.state import unsynced_count
from smm_event.workspace import Workspace


def event_info(event: Event) -> EventInfo:
    return EventInfo(
        id=event.id,
        name=event.name,
        short_name=event.short_name,
        organizer=event.organizer,
        venue=event.venue,
        city=event.city,
        timezone=event.timezone,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        settings=dict(event.settings or {}),
    )


def streams_of(session: Session, event_id: uuid.UUID) -> tuple[StreamInfo, ...]:
    days: dict[uuid.UUID, list[StreamDay]] = defaultdict(list)
    for day in session.scalars(select(StreamDay).order_by(StreamDay.day)):
        days[day.stream_id].append(day)
    sizes = dict(
        session.execute(
            select(Participant.stream_id, func.count())
            .where(
                Participant.event_id == event_id,
                Participant.deleted.is_(False),
                Participant.merged_into.is_(None),
            )
            .group_by(Participant.stream_id)
        ).all()
    )
    streams = session.scalars(
        select(Stream).where(Stream.event_id == event_id).order_by(Stream.number)
    )
    return tuple(
        StreamInfo(
            id=stream.id,
            number=stream.number,
            level=stream.level,
            title=stream.title,
            capacity=stream.capacity,
            colour=stream.colour,
            days=tuple(day.day for day in days[stream.id]),
            size=sizes.get(stream.id, 0),
        )
        for stream in streams
    )


def list_streams(ws: Workspace) -> tuple[StreamInfo, ...]:
    with ws.reading() as session:
        return streams_of(session, current_event(session).id)


def list_sessions(ws: Workspace, stream_number: int | None = None) -> tuple[SessionInfo, ...]:
    with ws.reading() as session:
        event = current_event(session)
        zone = event_zone(event)
        query = (
            select(TrainingSession, StreamDay.day, Stream.number)
            .join(StreamDay, TrainingSession.stream_day_id == StreamDay.id)
            .join(Stream, StreamDay.stream_id == Stream.id)
            .where(Stream.event_id == event.id)
            .order_by(TrainingSession.starts_at, Stream.number)
        )
        if stream_number is not None:
            query = query.where(Stream.number == stream_number)
        return tuple(
            SessionInfo(
                id=row.id,
                stream_number=number,
                day=day,
                starts_at=to_local(row.starts_at, zone),
                ends_at=to_local(row.ends_at, zone),
                kind=row.kind,
                title=row.title,
                room=row.room,
                trainer=row.trainer,
                closed=row.closed,
                cancelled=bool(row.cancelled),
            )
            for row, day, number in session.execute(query).tuples()
        )


def workspace_summary(ws: Workspace) -> WorkspaceSummary:
    with ws.reading() as session:
        state = local_state(session)
        device = session.get_one(Device, state.device_id)
        event = session.get(Event, state.event_id) if state.event_id else None
        participants = (
            select(func.count())
            .select_from(Participant)
            .where(
                Participant.deleted.is_(False),
                Participant.withdrawn.is_(False),
                Participant.merged_into.is_(None),
            )
        )
        return WorkspaceSummary(
            path=str(ws.path),
            device=DeviceInfo(device.id, device.name),
            event=event_info(event) if event else None,
            streams=streams_of(session, event.id) if event else (),
            participants=session.scalar(participants) or 0,
            unassigned=session.scalar(participants.where(Participant.stream_id.is_(None))) or 0,
            sessions=session.scalar(select(func.count()).select_from(TrainingSession)) or 0,
            checkins=session.scalar(select(func.count()).select_from(Checkin)) or 0,
            unsynced_changes=_unsynced(session),
        )


def _unsynced(session: Session) -> int:
    """Records central lacked at the last successful sync (all of them before the first)."""
    return unsynced_count(session)
