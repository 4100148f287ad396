"""Reading and writing the certificate tables inside a caller's session (never commits). Every
write goes through the change log (``changes.record``), so sync carries the register."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.certificates.compose import EventFacts, StreamFacts, session_hours
from smm_event.certificates.numbering import Block
from smm_event.domain.certificates import CertificateSettings
from smm_event.storage import changes
from smm_event.storage.certificate_models import (
    Certificate,
    CertificateNumberBlock,
    CertificatePerson,
    CertificateVoid,
)
from smm_event.storage.event_context import child_id
from smm_event.storage.local_models import SigningKeyBlob
from smm_event.storage.models import Device, Event, PublicKey, Stream, StreamDay, TrainingSession


def load_blocks(session: Session, event_id: uuid.UUID) -> list[Block]:
    rows = session.scalars(
        select(CertificateNumberBlock).where(CertificateNumberBlock.event_id == event_id)
    )
    return [
        Block(
            r.id,
            r.series,
            r.first,
            r.last,
            r.holder_device_id,
            r.granted_by_device_id,
            r.granted_at,
        )
        for r in rows
    ]


def certificate_rows(session: Session, event_id: uuid.UUID) -> list[Certificate]:
    return list(session.scalars(select(Certificate).where(Certificate.event_id == event_id)))


def rows_with_number(session: Session, event_id: uuid.UUID, number: str) -> list[Certificate]:
    query = select(Certificate).where(
        Certificate.event_id == event_id, Certificate.number == number.strip()
    )
    return list(session.scalars(query))


def void_rows(session: Session) -> list[CertificateVoid]:
    return list(session.scalars(select(CertificateVoid)))


def person_rows(session: Session) -> dict[uuid.UUID, CertificatePerson]:
    return {row.participant_id: row for row in session.scalars(select(CertificatePerson))}


def device_names(session: Session) -> dict[uuid.UUID, str]:
    return {row.id: row.name for row in session.scalars(select(Device))}


def person_row_id(event_id: uuid.UUID, participant_id: uuid.UUID) -> uuid.UUID:
    # Deterministic, so two laptops editing the same person's row merge field by field.
    return child_id(event_id, f"certificate-person:{participant_id}")


def write_person(
    session: Session, event_id: uuid.UUID, participant_id: uuid.UUID, fields: Mapping[str, Any]
) -> CertificatePerson:
    row_id = person_row_id(event_id, participant_id)
    changes.record(
        session, "certificate_person", row_id, {"participant_id": participant_id, **fields}
    )
    return session.get_one(CertificatePerson, row_id)


def write_block(
    session: Session, event_id: uuid.UUID, series: str, span: tuple[int, int], holder: uuid.UUID
) -> Block:
    device = changes.local_state(session).device_id
    block_id, now = uuid.uuid4(), changes.utc_now()
    changes.record(
        session, "certificate_number_block", block_id,
        {"event_id": event_id, "series": series, "first": span[0], "last": span[1],
         "holder_device_id": holder, "granted_by_device_id": device, "granted_at": now},
        new=True,
    )  # fmt: skip
    return Block(block_id, series, span[0], span[1], holder, device, now)


def write_certificate(session: Session, fields: Mapping[str, Any]) -> Certificate:
    """Records the certificate; returns a detached copy of the row (reading the new row back
    would flush the session once per certificate of a batch)."""
    cert_id = uuid.uuid4()
    changes.record(session, "certificate", cert_id, fields, new=True)
    return Certificate(id=cert_id, **fields)


def write_void(
    session: Session, certificate_id: uuid.UUID, reason: str, operator: str | None
) -> CertificateVoid:
    void_id = uuid.uuid4()
    changes.record(
        session, "certificate_void", void_id,
        {"certificate_id": certificate_id, "reason": reason, "voided_at": changes.utc_now(),
         "device_id": changes.local_state(session).device_id, "operator": operator},
        new=True,
    )  # fmt: skip
    return session.get_one(CertificateVoid, void_id)


def holds_first_key(session: Session) -> bool:
    """Whether this laptop holds the private key of the event's first signing key: the laptop
    that may start the register (the organizer's, where ``keys init`` ran)."""
    first = session.scalars(
        select(PublicKey.id).order_by(PublicKey.created_at, PublicKey.id).limit(1)
    ).first()
    return first is not None and session.get(SigningKeyBlob, first) is not None


def event_facts(event: Event, settings: CertificateSettings) -> EventFacts:
    return EventFacts(
        id=event.id,
        name=event.name,
        organizer=event.organizer or "",
        city=event.city or "",
        year=settings.number_year or event.starts_on.year,
    )


def stream_facts(
    session: Session, event_id: uuid.UUID, hours: float | None
) -> dict[int, StreamFacts]:
    """Each stream's dates and hours (its sessions' length unless the settings fix the hours)."""
    rows = session.execute(
        select(
            Stream.number,
            Stream.title,
            StreamDay.day,
            TrainingSession.starts_at,
            TrainingSession.ends_at,
        )
        .join(StreamDay, StreamDay.stream_id == Stream.id)
        .outerjoin(
            TrainingSession,
            (TrainingSession.stream_day_id == StreamDay.id) & TrainingSession.cancelled.is_(False),
        )
        .where(Stream.event_id == event_id)
    ).all()
    titles: dict[int, str] = {}
    days: dict[int, set[dt.date]] = defaultdict(set)
    lengths: dict[int, list[dt.timedelta]] = defaultdict(list)
    for number, title, day, starts, ends in rows:
        titles[number] = title
        days[number].add(day)
        if starts is not None and ends is not None:
            lengths[number].append(ends - starts)
    facts = {}
    for number, title in titles.items():
        total = hours if hours is not None else session_hours(lengths[number])
        facts[number] = StreamFacts(number, title, min(days[number]), max(days[number]), total)
    return facts
