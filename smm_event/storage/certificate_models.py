"""The certificate register as replicated rows (design and merge rules in docs/certificates.md).

- ``certificate_number_block``: a range of numbers of one series handed to one laptop. Only the
  laptop holding a block numbers inside it, and every block is created by the register's single
  registrar laptop, so two laptops issuing offline can never pick the same number.
- ``certificate``: one issued document, frozen: the texts exactly as printed, the QR text and the
  SHA-256 of the PDF. Written once (insert-only), so no later edit anywhere can change it. A
  reissue is a new row with the same number and a higher ``version``.
- ``certificate_void``: an annulment with its reason (insert-only, a grow-only set).
- ``certificate_person``: per participant, the organizer's eligibility override and the reviewed
  dative form of the name (last writer wins, field by field).

Like the other replicated tables these carry no foreign keys (see storage/models.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base


class CertificateNumberBlock(Base):
    __tablename__ = "certificate_number_block"
    __table_args__ = (Index("ix_certificate_number_block_series", "event_id", "series", "first"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    series: Mapped[str] = mapped_column(String(10), default="")
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    holder_device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    granted_by_device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Certificate(Base):
    __tablename__ = "certificate"
    __table_args__ = (Index("ix_certificate_number", "event_id", "series", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    series: Mapped[str] = mapped_column(String(10), default="")
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str | None] = mapped_column(Text)
    # What the page says, frozen at issue.
    name_line: Mapped[str] = mapped_column(String(300))
    surname: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200))
    patronymic: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(10))
    organization: Mapped[str | None] = mapped_column(String(500))
    stream_number: Mapped[int | None] = mapped_column(Integer)
    stream_title: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    dates_text: Mapped[str] = mapped_column(String(200))
    hours_text: Mapped[str] = mapped_column(String(50))
    city: Mapped[str] = mapped_column(String(100), default="")
    issue_date: Mapped[dt.date] = mapped_column(Date)
    issue_date_text: Mapped[str] = mapped_column(String(100))
    event_name: Mapped[str] = mapped_column(String(300))
    organizer: Mapped[str] = mapped_column(String(300), default="")
    template: Mapped[str] = mapped_column(String(200))
    verify_text: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operator: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CertificateVoid(Base):
    __tablename__ = "certificate_void"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    certificate_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    reason: Mapped[str] = mapped_column(Text)
    voided_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operator: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CertificatePerson(Base):
    """One row per participant, only once an organizer has touched their certificate data."""

    __tablename__ = "certificate_person"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # None: the rule decides; True/False: the organizer decided, for the written reason.
    override_eligible: Mapped[bool | None] = mapped_column(Boolean)
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The dative line an operator confirmed, and the nominative name and gender it was confirmed
    # for: a later correction of the name itself makes the confirmation stale.
    dative_name: Mapped[str | None] = mapped_column(String(300))
    dative_for: Mapped[str | None] = mapped_column(String(320))
    dative_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    clocks: Mapped[dict[str, Any]] = mapped_column(default=dict)
