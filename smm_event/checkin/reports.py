"""What the desk reads back: the scans of a day and the arrivals of the day's stream.

Session-level helpers for ``smm_event.services.checkin``. Both read one local day through the
``checkin.local_day`` index, so they stay fast however many days the log holds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.checkin.engine import DeskRules, EarlierCheckin, first_admission
from smm_event.domain.checkin import (
    AbsentPerson,
    CheckinResult,
    DeskArrivals,
    DeskCounts,
    ScanRecord,
    StreamArrivals,
)
from smm_event.services.context import to_local
from smm_event.storage.models import Checkin, Device, Organization, Participant


def day_scans(
    session: Session, rules: DeskRules, day: dt.date, limit: int | None, newest_first: bool
) -> tuple[ScanRecord, ...]:
    order = (Checkin.scanned_at.desc(), Checkin.id) if newest_first else (Checkin.scanned_at,)
    query = (
        select(Checkin, Participant, Organization.name, Device.name)
        .outerjoin(Participant, Checkin.participant_id == Participant.id)
        .outerjoin(Organization, Participant.organization_id == Organization.id)
        .outerjoin(Device, Checkin.device_id == Device.id)
        .where(Checkin.local_day == day)
        .order_by(*order)
        .limit(limit)
    )
    return tuple(
        _record(rules, checkin, person, organization, device)
        for checkin, person, organization, device in session.execute(query)
    )


def _record(
    rules: DeskRules,
    checkin: Checkin,
    person: Participant | None,
    organization: str | None,
    device: str | None,
) -> ScanRecord:
    stream = rules.streams.get(person.stream_id) if person and person.stream_id else None
    return ScanRecord(
        id=checkin.id,
        scanned_at=to_local(checkin.scanned_at, rules.zone),
        local_day=checkin.local_day,
        desk=checkin.desk,
        device_id=checkin.device_id,
        device_name=device,
        operator=checkin.operator,
        method=checkin.method,
        result=checkin.result,
        raw_text=checkin.raw_text,
        participant_id=checkin.participant_id,
        participant_name=_full_name(person) if person is not None else None,
        organization=organization,
        stream_number=stream.number if stream is not None else None,
    )


def day_counts(session: Session, rules: DeskRules, day: dt.date, desk: str | None) -> DeskCounts:
    streams = rules.streams_on(day)
    stream_ids = [stream.id for stream in streams]
    people = session.execute(
        select(Participant, Organization.name)
        .outerjoin(Organization, Participant.organization_id == Organization.id)
        .where(
            Participant.event_id == rules.event_id,
            Participant.deleted.is_(False),
            Participant.stream_id.in_(stream_ids),
        )
        .order_by(Participant.sort_key, Participant.id)
    )
    expected = list(people)
    first = _first_admissions(session, day)
    arrived = [person for person, _org in expected if person.id in first]
    desks = Counter(first[person.id].desk for person in arrived)
    per_stream = Counter(person.stream_id for person in arrived)
    sizes = Counter(person.stream_id for person, _org in expected)
    numbers = {stream.id: stream.number for stream in streams}
    return DeskCounts(
        day=day,
        streams=tuple(
            StreamArrivals(s.number, s.title, sizes[s.id], per_stream[s.id]) for s in streams
        ),
        expected=len(expected),
        arrived=len(arrived),
        by_desk=tuple(
            DeskArrivals(name, count)
            for name, count in sorted(desks.items(), key=lambda item: (-item[1], item[0]))
        ),
        not_arrived=tuple(
            AbsentPerson(
                person.id,
                _full_name(person),
                organization,
                numbers.get(person.stream_id, 0) if person.stream_id else 0,
                person.phone,
            )
            for person, organization in expected
            if person.id not in first
        ),
        desk=desk,
        arrived_at_desk=desks.get(desk, 0) if desk is not None else None,
    )


def _first_admissions(session: Session, day: dt.date) -> dict[uuid.UUID, EarlierCheckin]:
    """Each person's first admitted check-in of the day (the engine's tie rule)."""
    rows = session.execute(
        select(Checkin.participant_id, Checkin.id, Checkin.scanned_at, Checkin.desk).where(
            Checkin.local_day == day, Checkin.result == CheckinResult.ADMITTED.value
        )
    )
    by_person: dict[uuid.UUID, list[EarlierCheckin]] = defaultdict(list)
    for participant_id, checkin_id, at, desk in rows:
        if participant_id is not None:
            by_person[participant_id].append(
                EarlierCheckin(checkin_id, at, desk, CheckinResult.ADMITTED)
            )
    firsts = {person: first_admission(checkins) for person, checkins in by_person.items()}
    return {person: first for person, first in firsts.items() if first is not None}


def _full_name(person: Participant) -> str:
    return " ".join(part for part in (person.surname, person.first_name, person.patronymic) if part)
