"""Assigning participants to streams by entry score, with manual overrides that survive re-runs."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.participants import AssignmentSummary, ParticipantInfo, StreamLoad
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.roster.store import load_participant, parse_participant_id
from smm_event.storage import changes, hlc
from smm_event.storage.codec import decode_fields
from smm_event.storage.event_context import current_event
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Participant, Stream
from smm_event.workspace import Workspace

MAX_REASON = 500


def assign_streams(ws: Workspace) -> AssignmentSummary:
    """Lowest scores go to the lowest level; locked (manually placed) people stay where they
    are and take their place in their stream's capacity. Ties break by surname order, then id,
    so the same roster always gives the same streams."""
    run_ms = hlc.now_ms()  # one clock reading for the whole run: how undo finds its records
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
                changes.record(
                    session,
                    "participant",
                    person.id,
                    {"stream_id": targets[person.id]},
                    wall_ms=run_ms,
                )
                moved += 1
        session.flush()
        return AssignmentSummary(
            streams=stream_loads(session, event.id),
            moved=moved,
            without_score=sum(1 for p in people if not p.stream_locked and p.entry_score is None),
            over_capacity=sum(1 for p in queue if targets[p.id] is None),
            kept=sum(1 for p in people if p.stream_locked and not p.withdrawn),
        )


def move_participant(
    ws: Workspace, participant_id: uuid.UUID | str, stream_number: int, reason: str
) -> ParticipantInfo:
    """A move by hand with the organizer's reason; locked, so a re-run leaves it alone."""
    text = normalize.clean_text(reason or "")
    if text is None:
        raise UserError("stream_reason_required")
    if len(text) > MAX_REASON:
        raise UserError(
            "field_too_long", entity="participant", field="stream_reason", limit=MAX_REASON
        )
    wanted = parse_participant_id(participant_id)
    with ws.transaction() as session:
        event = current_event(session)
        if load_participant(session, wanted).withdrawn:
            raise UserError("participant_withdrawn")
        stream = session.scalar(
            select(Stream).where(Stream.event_id == event.id, Stream.number == stream_number)
        )
        if stream is None:
            raise UserError("no_such_stream", number=stream_number)
        changes.record(
            session,
            "participant",
            wanted,
            {"stream_id": stream.id, "stream_locked": True, "stream_reason": text},
        )
        session.flush()
        return load_participant(session, wanted)


def undo_last_assignment(ws: Workspace) -> int:
    """Put back the streams the last assignment run on this laptop changed: the records it
    wrote share one clock reading and carry only ``stream_id``. People moved again since (by
    hand or by withdrawal) keep their newer placement. Returns how many were put back."""
    with ws.transaction() as session:
        state = changes.local_state(session)
        runs = [
            record
            for record in session.scalars(
                select(ChangeRecord)
                .where(
                    ChangeRecord.entity == "participant",
                    ChangeRecord.device_id == state.device_id,
                )
                .order_by(ChangeRecord.hlc)
            )
            if set(record.payload) == {"stream_id"}
        ]
        if not runs:
            return 0
        wall = hlc.Hlc.parse(runs[-1].hlc).wall_ms
        restored = 0
        for record in (r for r in runs if hlc.Hlc.parse(r.hlc).wall_ms == wall):
            row = session.get(Participant, uuid.UUID(record.entity_id))
            after = decode_fields(Participant, record.payload)["stream_id"]
            if row is None or row.stream_locked or row.stream_id != after:
                continue
            before = _stream_before(session, record)
            changes.record(
                session, "participant", row.id, {"stream_id": before, "stream_locked": False}
            )
            restored += 1
        session.flush()
        return restored


def _stream_before(session: Session, run_record: ChangeRecord) -> uuid.UUID | None:
    """The stream the person had just before that record: the last earlier value by clock."""
    earlier = session.scalars(
        select(ChangeRecord)
        .where(
            ChangeRecord.entity == "participant",
            ChangeRecord.entity_id == run_record.entity_id,
            ChangeRecord.hlc < run_record.hlc,
        )
        .order_by(ChangeRecord.hlc)
    )
    before: uuid.UUID | None = None
    for record in earlier:
        if "stream_id" in record.payload:
            before = decode_fields(Participant, record.payload)["stream_id"]
    return before


def stream_overview(ws: Workspace) -> tuple[StreamLoad, ...]:
    """Capacity, size and score range of every stream (the streams page's table)."""
    with ws.reading() as session:
        return stream_loads(session, current_event(session).id)


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
        members = [p for p in people if p.stream_id == stream.id and not p.withdrawn]
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
