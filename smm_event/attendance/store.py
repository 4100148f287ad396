"""Reading and writing marks inside a caller's transaction (helpers never commit).

A mark is insert-only: each change of a person's status at a session is a new AttendanceMark
row whose ``hlc`` is the stamp of the change that wrote it. The version with the greatest hlc is
current, on every laptop after sync, and the others are the audit trail.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from smm_event.domain.attendance import AttendanceStatus, MarkInfo, MarkSource
from smm_event.domain.event import SessionInfo
from smm_event.errors import NotFound, UserError
from smm_event.storage import aliases, changes
from smm_event.storage.event_context import to_local
from smm_event.storage.models import (
    AttendanceMark,
    CheckinAnnulment,
    Device,
    Event,
    Participant,
    Stream,
    StreamDay,
    TrainingSession,
)


@dataclass(frozen=True)
class SessionPlace:
    """A session with the day and stream it belongs to."""

    row: TrainingSession
    day: dt.date
    stream_id: uuid.UUID
    stream_number: int


def parse_uuid(value: uuid.UUID | str, code: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError as error:
        raise UserError(code, value=str(value)) from error


def parse_status(value: AttendanceStatus | str) -> AttendanceStatus:
    try:
        return AttendanceStatus(value)
    except ValueError as error:
        raise UserError("bad_status", value=str(value)) from error


def load_session(session: Session, session_id: uuid.UUID | str) -> SessionPlace:
    wanted = parse_uuid(session_id, "bad_session_id")
    found = session.execute(
        select(TrainingSession, StreamDay.day, Stream.id, Stream.number)
        .join(StreamDay, TrainingSession.stream_day_id == StreamDay.id)
        .join(Stream, StreamDay.stream_id == Stream.id)
        .where(TrainingSession.id == wanted)
    ).first()
    if found is None:
        raise NotFound("session_not_found", session=str(session_id))
    row, day, stream_id, number = found
    return SessionPlace(row, day, stream_id, number)


def stream_sessions(
    session: Session, stream_id: uuid.UUID, day: dt.date | None = None
) -> list[SessionPlace]:
    """The stream's sessions in time order (one day's only, when ``day`` is given)."""
    query = (
        select(TrainingSession, StreamDay.day, Stream.id, Stream.number)
        .join(StreamDay, TrainingSession.stream_day_id == StreamDay.id)
        .join(Stream, StreamDay.stream_id == Stream.id)
        .where(Stream.id == stream_id)
        .order_by(TrainingSession.starts_at, TrainingSession.id)
    )
    if day is not None:
        query = query.where(StreamDay.day == day)
    return [SessionPlace(row, d, sid, n) for row, d, sid, n in session.execute(query)]


def session_info(place: SessionPlace, zone: ZoneInfo) -> SessionInfo:
    row = place.row
    return SessionInfo(
        id=row.id,
        stream_number=place.stream_number,
        day=place.day,
        starts_at=to_local(row.starts_at, zone),
        ends_at=to_local(row.ends_at, zone),
        kind=row.kind,
        title=row.title,
        room=row.room,
        trainer=row.trainer,
        closed=bool(row.closed),
        cancelled=bool(row.cancelled),
    )


def mark_versions(
    session: Session, session_ids: Iterable[uuid.UUID], participant_id: uuid.UUID | None = None
) -> list[AttendanceMark]:
    """Every version at these sessions, oldest first; a desk mark withdrawn with its annulled
    check-in is left out (the cell falls back to the version before it, usually none)."""
    ids = list(session_ids)
    if not ids:
        return []
    withdrawn = select(CheckinAnnulment.id).where(CheckinAnnulment.mark_id == AttendanceMark.id)
    query = select(AttendanceMark).where(AttendanceMark.session_id.in_(ids), ~withdrawn.exists())
    if participant_id is not None:
        # The person's own marks and those of everyone merged into them.
        people = aliases.ids_of(session, participant_id)
        query = query.where(
            AttendanceMark.participant_id == participant_id
            if len(people) == 1
            else AttendanceMark.participant_id.in_(people)
        )
    return list(session.scalars(query.order_by(AttendanceMark.hlc)))


def current_marks(
    versions: Sequence[AttendanceMark], merged: Mapping[uuid.UUID, uuid.UUID] | None = None
) -> dict[tuple[uuid.UUID, uuid.UUID], AttendanceMark]:
    """(participant, session) -> the version with the greatest hlc. With ``merged`` (merged id
    -> kept id, ``aliases.alias_map``) a merged person's marks count for the kept person."""
    current: dict[tuple[uuid.UUID, uuid.UUID], AttendanceMark] = {}
    for version in versions:
        key = (version.participant_id, version.session_id)
        if key not in current or version.hlc > current[key].hlc:
            current[key] = version
    if not merged:
        return current
    folded: dict[tuple[uuid.UUID, uuid.UUID], AttendanceMark] = {}
    for (person, session_id), version in current.items():
        key = (merged.get(person, person), session_id)
        if key not in folded or _outranks(version, folded[key]):
            folded[key] = version
    return folded


def _outranks(version: AttendanceMark, other: AttendanceMark) -> bool:
    """Two records of one person each marked at a session: the trainer saw only one of them,
    so the «absent» a closing session wrote for the other copy must not hide a real mark."""
    automatic = version.source == MarkSource.CLOSE.value
    other_automatic = other.source == MarkSource.CLOSE.value
    if automatic != other_automatic:
        return other_automatic
    return version.hlc > other.hlc


def current_mark(
    session: Session, session_id: uuid.UUID, participant_id: uuid.UUID
) -> AttendanceMark | None:
    versions = mark_versions(session, [session_id], participant_id)
    if not versions:
        return None
    if len({version.participant_id for version in versions}) == 1:
        return versions[-1]
    current = current_marks(versions, aliases.alias_map(session))
    return current.get((participant_id, session_id))


# Built once: the desk asks this on every admitted scan.
_HAS_MARK = (
    select(AttendanceMark.id)
    .where(
        AttendanceMark.session_id == bindparam("session_id"),
        AttendanceMark.participant_id == bindparam("participant_id"),
        ~select(CheckinAnnulment.id).where(CheckinAnnulment.mark_id == AttendanceMark.id).exists(),
    )
    .limit(1)
)


def has_mark(session: Session, session_id: uuid.UUID, participant_id: uuid.UUID) -> bool:
    """``current_mark(...) is not None`` without loading the versions."""
    found = session.connection().execute(
        _HAS_MARK, {"session_id": session_id, "participant_id": participant_id}
    )
    return found.first() is not None


def device_names(session: Session) -> dict[uuid.UUID, str]:
    return {row.id: row.name for row in session.scalars(select(Device))}


def mark_info(
    row: AttendanceMark,
    zone: ZoneInfo,
    devices: dict[uuid.UUID, str],
    previous: AttendanceStatus | None = None,
) -> MarkInfo:
    return MarkInfo(
        id=row.id,
        session_id=row.session_id,
        participant_id=row.participant_id,
        status=AttendanceStatus(row.status),
        note=row.note,
        source=row.source,
        hlc=row.hlc,
        marked_at=to_local(row.marked_at, zone),
        device_id=row.device_id,
        device_name=devices.get(row.device_id),
        operator=row.operator,
        previous_status=previous,
    )


def write_mark(
    session: Session,
    session_id: uuid.UUID,
    participant_id: uuid.UUID,
    status: AttendanceStatus,
    note: str | None,
    source: str,
    operator: str | None,
    at: dt.datetime,
) -> AttendanceMark:
    """A new version. Its ``hlc`` column is filled from the change's stamp by the merge."""
    mark_id = uuid.uuid4()
    change = changes.record(
        session,
        "attendance_mark",
        mark_id,
        {
            "session_id": session_id,
            "participant_id": participant_id,
            "status": status.value,
            "note": note,
            "source": source,
            "marked_at": at,
            "device_id": changes.local_state(session).device_id,
            "operator": operator,
        },
        new=True,
    )
    row: AttendanceMark = changes.written_row(session, AttendanceMark, mark_id)
    assert row.hlc == change.hlc
    return row


def streams_of_event(session: Session, event: Event, number: int | None) -> list[Stream]:
    query = select(Stream).where(Stream.event_id == event.id).order_by(Stream.number)
    if number is not None:
        if number < 1:
            raise UserError("bad_stream_number", number=number)
        query = query.where(Stream.number == number)
    streams = list(session.scalars(query))
    if number is not None and not streams:
        raise UserError("no_such_stream", number=number)
    return streams


def stream_member(
    session: Session, place: SessionPlace, participant_id: uuid.UUID | str
) -> uuid.UUID:
    wanted = parse_uuid(participant_id, "bad_participant_id")
    person = session.get(Participant, wanted)
    if person is None or person.deleted:
        raise NotFound("participant_not_found", participant=str(participant_id))
    if person.stream_id != place.stream_id:
        raise UserError("not_in_stream", participant=str(wanted), stream=place.stream_number)
    return wanted


def badge_version(session: Session, event_id: uuid.UUID, participant_id: uuid.UUID) -> int | None:
    person = session.get(Participant, participant_id)
    if person is None or person.deleted or person.event_id != event_id:
        return None
    return person.badge_version or 1


def insert_mark(
    session: Session,
    session_id: uuid.UUID,
    participant_id: uuid.UUID,
    status: AttendanceStatus,
    source: str,
    operator: str | None,
    at: dt.datetime,
) -> tuple[uuid.UUID, str, uuid.UUID]:
    """``write_mark`` for the desk's hot path: the same version, written by Core INSERTs
    (``changes.record_insert``); returns the mark's id, hlc and device, not an ORM row."""
    mark_id = uuid.uuid4()
    device_id = changes.local_state(session).device_id
    written = changes.record_insert(
        session,
        "attendance_mark",
        mark_id,
        {
            "session_id": session_id,
            "participant_id": participant_id,
            "status": status.value,
            "note": None,
            "source": source,
            "marked_at": at,
            "device_id": device_id,
            "operator": operator,
        },
    )
    return mark_id, written.hlc, device_id


def naive_utc(moment: dt.datetime | None) -> dt.datetime:
    """Stored form of an instant: naive UTC (an aware datetime is converted)."""
    if moment is None:
        return changes.utc_now()
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment
