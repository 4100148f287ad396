"""What a certificate says, composed once at issue and then frozen in the register: the name line
(nominative or the reviewed dative), the stream, the dates and hours in Russian, the signed QR.

The template decides the name's case: a template TOML may say ``name_case = "dative"`` at its
top level (the built-in ``dative`` template does, for «Настоящий сертификат выдан …»).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from smm_event.certificates.verification import CertificateFacts
from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificate_template import CertificateTemplate, read_template_toml
from smm_event.pdf.certificates import load_certificate_template
from smm_event.storage.certificate_models import Certificate
from smm_event.text.dates_ru import format_date_range_ru, format_date_ru, format_hours_ru
from smm_event.text.declension import full_name_nominative

NameCase = Literal["nominative", "dative"]
BUILT_IN_TEMPLATES = {"default": "certificate_default.toml", "dative": "certificate_dative.toml"}
# Document text, like the templates: how a stream is named on the certificate.
STREAM_LINE = "Поток {number} «{title}»"


@dataclass(frozen=True)
class LoadedTemplate:
    name: str  # as the settings name it; kept in the register to rebuild the PDF
    template: CertificateTemplate
    name_case: NameCase


@dataclass(frozen=True)
class StreamFacts:
    number: int
    title: str
    first_day: dt.date
    last_day: dt.date
    hours: float


@dataclass(frozen=True)
class EventFacts:
    id: uuid.UUID
    name: str
    organizer: str
    city: str
    year: int


@dataclass(frozen=True)
class PersonFacts:
    participant_id: uuid.UUID
    surname: str
    first_name: str
    patronymic: str | None
    gender: str | None
    organization: str | None
    name_line: str


def template_path(name: str) -> Path:
    built_in = BUILT_IN_TEMPLATES.get(name)
    return resource_path("templates", built_in) if built_in else Path(name).expanduser()


def load_template(name: str) -> LoadedTemplate:
    path = template_path(name)
    case = read_template_toml(path).get("name_case", "nominative")
    if case not in ("nominative", "dative"):
        raise UserError(
            "certificate_template_invalid",
            detail=f"name_case must be nominative or dative, got {case!r}",
        )
    return LoadedTemplate(name, load_certificate_template(path), case)


def session_hours(durations: list[dt.timedelta]) -> float:
    """The stream's hours from its sessions, to the half hour (1.5 h sessions stay exact)."""
    total = sum(durations, dt.timedelta()).total_seconds() / 3600.0
    return math.floor(total * 2 + 0.5) / 2


def stream_line(number: int, title: str) -> str:
    return STREAM_LINE.format(number=number, title=title)


def compose(
    person: PersonFacts,
    stream: StreamFacts,
    event: EventFacts,
    number: str,
    issue_date: dt.date,
) -> CertificateData:
    """Everything but the QR text, which needs the signing key (see ``with_verify_text``)."""
    return CertificateData(
        number=number,
        surname=person.surname,
        first_name=person.first_name,
        patronymic=person.patronymic,
        name_line=person.name_line,
        organization=person.organization,
        stream_title=stream_line(stream.number, stream.title),
        dates_text=format_date_range_ru(stream.first_day, stream.last_day),
        hours_text=format_hours_ru(stream.hours),
        city=event.city,
        issue_date_text=format_date_ru(issue_date),
        verify_text="",
        event_name=event.name,
        organizer=event.organizer,
        gender=person.gender,
    )


def facts_of(data: CertificateData, stream: StreamFacts | None, version: int) -> CertificateFacts:
    return CertificateFacts(
        number=data.number,
        full_name=full_name_nominative(data.surname, data.first_name, data.patronymic),
        stream_number=stream.number if stream else None,
        starts_on=stream.first_day if stream else dt.date(2000, 1, 1),
        ends_on=stream.last_day if stream else dt.date(2000, 1, 1),
        version=version,
    )


def with_verify_text(data: CertificateData, text: str) -> CertificateData:
    return dataclasses.replace(data, verify_text=text)


def data_from_row(row: Certificate) -> CertificateData:
    """The certificate exactly as it was printed, from its frozen register row."""
    return CertificateData(
        number=row.number,
        surname=row.surname,
        first_name=row.first_name,
        patronymic=row.patronymic,
        name_line=row.name_line,
        organization=row.organization,
        stream_title=row.stream_title,
        dates_text=row.dates_text,
        hours_text=row.hours_text,
        city=row.city,
        issue_date_text=row.issue_date_text,
        verify_text=row.verify_text,
        event_name=row.event_name,
        organizer=row.organizer,
        gender=row.gender,
    )
