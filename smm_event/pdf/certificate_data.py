"""What one certificate says: the data the template's fields are filled from (drawing and the
file writer both read it, so it lives apart from either)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class CertificateData:
    number: str
    surname: str
    first_name: str
    patronymic: str | None
    name_line: str  # printed as given: nominative or dative, decided upstream
    organization: str | None
    stream_title: str
    dates_text: str
    hours_text: str
    city: str
    issue_date_text: str
    verify_text: str  # the QR payload
    event_name: str
    organizer: str
    gender: str | None = None  # picks template gender words (прошёл / прошла)


DATA_FIELDS = frozenset(field.name for field in dataclasses.fields(CertificateData))
