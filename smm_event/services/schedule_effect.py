"""The effect of adding, cancelling or restoring a session on the stream's attendance
percentages and certificate eligibility, computed before anything is saved: the same rule
(``attendance.percent``) and the same verdict (``certificates.eligibility``) as the register and
the certificates page, over the schedule as it is and as it would be."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.attendance.config import settings_from_event
from smm_event.attendance.matrix import build_matrix, slot_of
from smm_event.attendance.percent import is_held
from smm_event.domain.attendance import AttendanceMatrix, AttendanceStatus
from smm_event.domain.event import SessionInfo
from smm_event.domain.schedule import NewSession, PercentShift, ScheduleEffect
from smm_event.roster.store import find_participants
from smm_event.storage.event_context import current_event, event_zone, to_local, to_utc
from smm_event.workspace import Workspace


def cancel_effect(
    ws: Workspace, session_id: uuid.UUID, cancel: bool = True, now: dt.datetime | None = None
) -> ScheduleEffect:
    """What cancelling (``cancel``) or restoring the session would change."""
    with ws.reading() as session:
        place = store.load_session(session, session_id)

        def changed(sessions: list[SessionInfo]) -> list[SessionInfo]:
            return [replace(s, cancelled=cancel) if s.id == session_id else s for s in sessions]

        return _effect(session, place.stream_number, changed, session_id, now)


def add_effect(ws: Workspace, new: NewSession, now: dt.datetime | None = None) -> ScheduleEffect:
    """What adding ``new`` would change (nobody has a mark there yet)."""
    with ws.reading() as session:
        zone = event_zone(current_event(session))
        added = SessionInfo(
            id=uuid.uuid4(),
            stream_number=new.stream_number,
            day=new.day,
            starts_at=to_local(to_utc(dt.datetime.combine(new.day, new.start), zone), zone),
            ends_at=to_local(to_utc(dt.datetime.combine(new.day, new.end), zone), zone),
            kind=new.kind,
            title=new.title,
            room=new.room,
            trainer=new.trainer,
            closed=False,
        )
        return _effect(session, new.stream_number, lambda s: [*s, added], added.id, now)


def _effect(
    session: Session,
    stream_number: int,
    change: Callable[[list[SessionInfo]], list[SessionInfo]],
    session_id: uuid.UUID,
    now: dt.datetime | None,
) -> ScheduleEffect:
    event = current_event(session)
    (stream,) = store.streams_of_event(session, event, stream_number)
    zone = event_zone(event)
    sessions = [store.session_info(p, zone) for p in store.stream_sessions(session, stream.id)]
    people = find_participants(session, stream_number)
    versions = store.mark_versions(session, [s.id for s in sessions])
    current = store.current_marks(versions)
    marks = {key: AttendanceStatus(row.status) for key, row in current.items()}
    settings = settings_from_event(event.settings)
    at = store.naive_utc(now)
    after_sessions = change(sessions)

    def matrix(of: Sequence[SessionInfo]) -> AttendanceMatrix:
        return build_matrix(stream.number, stream.title, of, people, marks, settings, at)

    before, after = matrix(sessions), matrix(after_sessions)
    shifts: Counter[tuple[float | None, float | None]] = Counter()
    for old, new in zip(before.rows, after.rows, strict=True):
        if old.summary.percent != new.summary.percent:
            shifts[(old.summary.percent, new.summary.percent)] += 1
    eligible_before, eligible_after = _eligible(session, before), _eligible(session, after)
    target = next(s for s in after_sessions if s.id == session_id)
    return ScheduleEffect(
        marks=sum(1 for (_person, sid) in current if sid == session_id),
        held=is_held(replace(slot_of(target), cancelled=False), at),
        people_changed=sum(shifts.values()),
        shifts=tuple(
            PercentShift(b, a, n)
            for (b, a), n in sorted(shifts.items(), key=lambda item: (-item[1], str(item[0])))
        ),
        become_eligible=len(eligible_after - eligible_before),
        lose_eligibility=len(eligible_before - eligible_after),
        planned_before=sum(1 for s in sessions if not s.cancelled),
        planned_after=sum(1 for s in after_sessions if not s.cancelled),
    )


def _eligible(session: Session, matrix: AttendanceMatrix) -> set[uuid.UUID]:
    from smm_event.services.certificates import eligibility_in

    summaries = {row.participant.id: row.summary for row in matrix.rows}
    people = [row.participant for row in matrix.rows]
    return {v.participant_id for v in eligibility_in(session, summaries, people) if v.eligible}
