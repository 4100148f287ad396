"""Assigning participants to streams by entry score, with manual overrides that survive re-runs."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.participants import AssignmentSummary, ParticipantInfo, StreamLoad
from smm_event.errors import UserError
from smm_event.roster.store import load_participant, parse_participant_id
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Participant, Stream
from smm_event.workspace import Workspace


def assign_streams(ws: Workspace) -> AssignmentSummary:
    """Lowest scores go to the lowest level; locked (manually placed) people stay where they
    are and take their place in their stream's capacity. Ties break by surname order, then id,
    so the same roster always gives the same streams."""
    with ws.transaction() as session:
        event = current_event(session)
        streams = _streams_by_level(session, event.id)
        people = _people(session, event.id)
        free = {s.id: s.capacity for s in streams}
        for person in people:
            if person.stream_locked and person.stream_id in free:
                free[person.stream_id] -= 1
        targets: dict[uuid.UUID, uuid.UUID | None] = {}
        queue = sorted(
            (p for p in people if not p.stream_locked and p.entry_score is not None),
            key=lambda p: (p.entry_score, p.sort_key, str(p.id)),
        )
        for person in queue:
            targets[person.id] = next((s.id for s in streams if free[s.id] > 0), None)
            if targets[person.id] is not None:
                free[targets[person.id]] -= 1  # type: ignore[index]
        for person in people:
            if not person.stream_locked and person.entry_score is None:
                targets[person.id] = None
        moved = 0
        for person in people:
            if person.id in targets and targets[person.id] != person.stream_id:
                changes.record(session, "participant", person.id, {"stream_id": targets[person.id]})
                moved += 1
        session.flush()
        return AssignmentSummary(
            streams=stream_loads(session, event.id),
            moved=moved,
            without_score=sum(1 for p in people if not p.stream_locked and p.entry_score is None),
            over_capacity=sum(1 for p in queue if targets[p.id] is None),
        )


def set_participant_stream(
    ws: Workspace, participant_id: uuid.UUID | str, stream_number: int | None
) -> ParticipantInfo:
    """A manual placement: locked, so ``assign_streams`` leaves it alone. ``None`` unlocks the
    person and returns them to the automatic assignment."""
    wanted = parse_participant_id(participant_id)
    with ws.transaction() as session:
        event = current_event(session)
        load_participant(session, wanted)
        if stream_number is None:
            changes.record(session, "participant", wanted, {"stream_locked": False})
        else:
            stream = session.scalar(
                select(Stream).where(Stream.event_id == event.id, Stream.number == stream_number)
            )
            if stream is None:
                raise UserError("no_such_stream", number=stream_number)
            changes.record(
                session, "participant", wanted, {"stream_id": stream.id, "stream_locked": True}
            )
        session.flush()
        return load_participant(session, wanted)


def stream_loads(session: Session, event_id: uuid.UUID) -> tuple[StreamLoad, ...]:
    people = _people(session, event_id)
    loads = []
    for stream in sorted(_streams_by_level(session, event_id), key=lambda s: s.number):
        members = [p for p in people if p.stream_id == stream.id]
        scores = [p.entry_score for p in members if p.entry_score is not None]
        loads.append(
            StreamLoad(
                number=stream.number,
                title=stream.title,
                capacity=stream.capacity,
                size=len(members),
                locked=sum(1 for p in members if p.stream_locked),
                min_score=min(scores) if scores else None,
                max_score=max(scores) if scores else None,
            )
        )
    return tuple(loads)


def _streams_by_level(session: Session, event_id: uuid.UUID) -> list[Stream]:
    streams = list(
        session.scalars(
            select(Stream).where(Stream.event_id == event_id).order_by(Stream.level, Stream.number)
        )
    )
    if not streams:
        raise UserError("no_streams")
    return streams


def _people(session: Session, event_id: uuid.UUID) -> list[Participant]:
    return list(
        session.scalars(
            select(Participant).where(
                Participant.event_id == event_id, Participant.deleted.is_(False)
            )
        )
    )
