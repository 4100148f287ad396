"""The programme as stored: streams with their days and sizes, training sessions. Functions take
a ``Session`` and never commit; services compose them."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smm_event.domain.event import SessionInfo, StreamInfo
from smm_event.storage.event_context import event_zone, to_local
from smm_event.storage.models import Event, Participant, Stream, StreamDay, TrainingSession


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


def sessions_of(
    session: Session, event: Event, stream_number: int | None = None
) -> tuple[SessionInfo, ...]:
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


def session_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(TrainingSession)) or 0
