"""Tables of the trust layer: the replicated station list, and two local-only tables (this
laptop's private station key, and the records it received but did not apply)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base
from smm_event.storage.models import _clocks

_BIG = BigInteger().with_variant(Integer, "sqlite")


class Station(Base):
    """An enrolled laptop (id = its device id). Its key and roles are trusted only through
    ``certificate``: the event's trust anchor's signature over (device, key, roles, event), so
    the row proves itself whoever relayed it. Revocation: records of this station with a seq
    above ``revoked_after_seq`` are refused everywhere (a seq, never a clock)."""

    __tablename__ = "station"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Space-separated role names («desk trainer»): a plain column every engine validates alike.
    roles: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    certificate: Mapped[str] = mapped_column(String(128))
    revoked_after_seq: Mapped[int | None] = mapped_column(_BIG)
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    clocks: Mapped[dict[str, Any]] = _clocks()


class StationKey(Base):
    """This laptop's private Ed25519 station key. Local only: never replicated, never exported."""

    __tablename__ = "station_key"

    device_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class QuarantinedRecord(Base):
    """A received record that was not applied, and why. ``stored`` says whether the record is
    in the change log (its chain and signature are fine but its signer may not write it) or was
    kept only here (unknown or revoked station, forged signature, broken chain)."""

    __tablename__ = "quarantine"

    device_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(_BIG, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(40))
    stored: Mapped[bool] = mapped_column(Boolean, default=False)
    record: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
