"""Reissuing a number: a new version of the same certificate, composed from the person's data
as it is now (a corrected name, a new organization), signed and frozen like the first one.

Any laptop that can sign may reissue: the number is not new, so no block is needed. Two laptops
reissuing the same number offline both record a version; the register then counts the newest
(version, issue time, id) and shows the other as replaced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from smm_event.badges.keys import SigningKey
from smm_event.certificates import compose, config, issuing, store
from smm_event.certificates.compose import EventFacts, LoadedTemplate, PersonFacts, StreamFacts
from smm_event.certificates.verification import CertificateFacts, make_certificate_text
from smm_event.domain.certificates import CertificateRecord
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import NotFound, UserError
from smm_event.pdf.certificate_data import CertificateData
from smm_event.roster.store import load_participant
from smm_event.storage.certificate_models import Certificate
from smm_event.storage.models import Event
from smm_event.text.declension import full_name_nominative

MAX_VERSION = 255  # one byte in the QR code


@dataclass(frozen=True)
class ReissuePlan:
    event: EventFacts
    template: LoadedTemplate
    current: Certificate
    version: int
    data: CertificateData  # without the QR text yet
    stream: tuple[int | None, dt.date, dt.date]
    issue_date: dt.date


def _person(session: Session, row: Certificate) -> ParticipantInfo | None:
    try:
        return load_participant(session, row.participant_id)
    except NotFound:
        return None  # removed from the roster since: the frozen name is all there is


def _compose(
    row: Certificate,
    person: ParticipantInfo | None,
    line: str,
    stream: StreamFacts | None,
    event: EventFacts,
    issue_date: dt.date,
) -> CertificateData:
    facts = PersonFacts(
        row.participant_id,
        person.surname if person else row.surname,
        person.first_name if person else row.first_name,
        person.patronymic if person else row.patronymic,
        person.gender if person else row.gender,
        person.organization if person else row.organization,
        line,
    )
    if stream is not None:
        return compose.compose(facts, stream, event, row.number, issue_date)
    # No stream any more: keep the stream, dates and hours as they were printed.
    frozen = compose.data_from_row(row)
    data = compose.compose(
        facts, StreamFacts(0, "", row.starts_on, row.ends_on, 0), event, row.number, issue_date
    )
    return dataclasses.replace(
        data,
        stream_title=frozen.stream_title,
        dates_text=frozen.dates_text,
        hours_text=frozen.hours_text,
    )


def plan_reissue(
    session: Session, event: Event, records: Sequence[CertificateRecord], issue_date: dt.date
) -> ReissuePlan:
    current_record = max(records, key=lambda r: (r.version, r.issued_at, str(r.id)))
    current = session.get_one(Certificate, current_record.id)
    version = max(r.version for r in records) + 1
    if version > MAX_VERSION:
        raise UserError("too_many_reissues", number=current.number)
    settings = config.settings_from_event(event.settings)
    template = compose.load_template(settings.template)
    person = _person(session, current)
    line = (
        issuing.name_line(person, template, store.person_rows(session).get(person.id))
        if person
        else current.name_line
    )
    if line is None:
        raise UserError("name_not_reviewed", participant=str(current.participant_id))
    streams = store.stream_facts(session, event.id, settings.hours)
    stream = streams.get(person.stream_number) if person and person.stream_number else None
    facts = store.event_facts(event, settings)
    data = _compose(current, person, line, stream, facts, issue_date)
    span = (stream.number, stream.first_day, stream.last_day) if stream else (
        current.stream_number, current.starts_on, current.ends_on
    )  # fmt: skip
    return ReissuePlan(facts, template, current, version, data, span, issue_date)


def render_reissue(plan: ReissuePlan, key: SigningKey) -> issuing.Rendered:
    data = plan.data
    facts = CertificateFacts(
        data.number, full_name_nominative(data.surname, data.first_name, data.patronymic),
        plan.stream[0], plan.stream[1], plan.stream[2], plan.version,
    )  # fmt: skip
    text = make_certificate_text(key, plan.event.id, facts)
    return issuing.render(compose.with_verify_text(data, text), plan.template)


def record_reissue(
    session: Session,
    plan: ReissuePlan,
    done: issuing.Rendered,
    reason: str,
    key_id: str,
    device: uuid.UUID,
    operator: str | None,
) -> Certificate:
    rows = store.rows_with_number(session, plan.event.id, plan.current.number)
    if max(r.version for r in rows) + 1 != plan.version:
        raise UserError("register_changed")
    who = issuing.Identity(
        plan.current.participant_id, plan.current.series, plan.current.seq, plan.version,
        plan.current.id, reason,
    )  # fmt: skip
    fields = issuing.row_fields(
        plan.event.id,
        who,
        plan.stream,
        plan.issue_date,
        plan.template.name,
        done,
        (key_id, device, operator),
    )
    return store.write_certificate(session, fields)


def write_pdf(done: issuing.Rendered, path: Path) -> Path:
    issuing.write_atomic(path, done.pdf)
    return path
