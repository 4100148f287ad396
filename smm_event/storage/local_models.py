"""Tables that belong to one laptop and never replicate, and the change log itself."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base


class ChangeRecord(Base):
    """One immutable change, the unit of replication. ``(device_id, seq)`` is its identity: a
    laptop numbers its own changes 1, 2, 3… so peers exchange what the other lacks per device
    (a version vector), whatever the device clocks say."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_entity", "entity", "entity_id"),
        # "the newest participant change" in O(log n): the desk search's cache key (0005).
        Index("ix_change_log_entity_only", "entity"),
    )

    device_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column()
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # SHA-256 (hex) of the previous record's chain hash and this record's canonical bytes
    # (smm_event/storage/chain.py): a changed payload under a real (device, seq) breaks it.
    chain_hash: Mapped[str | None] = mapped_column(String(64))
    # Ed25519 signature (hex) of the device's station key over (device, seq, chain_hash), on
    # the last record of each local transaction; it vouches for every record before it.
    signature: Mapped[str | None] = mapped_column(String(128))


class LocalState(Base):
    """The single row describing this laptop: its device id, its change counter, its clock."""

    __tablename__ = "local_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    last_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    hlc_wall_ms: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), default=0
    )
    hlc_counter: Mapped[int] = mapped_column(Integer, default=0)
    # The chain hash of this device's last record (the next record's "previous").
    chain_hash: Mapped[str | None] = mapped_column(String(64))
    # The event's trust anchor, pinned here and never taken from replicated data: the
    # organizer station's device id and Ed25519 public key (hex).
    anchor_device: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    anchor_key: Mapped[str | None] = mapped_column(String(64))
    # The newest wall-clock time this laptop trusts (its own accepted readings, central's
    # clock at a sync, a time the user confirmed); storage/clock_guard.py judges the wall
    # clock against it before each stamp (0012).
    clock_trusted_ms: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite")
    )


class SigningKeyBlob(Base):
    """The organizer's private badge key, encrypted with a passphrase. Never replicated."""

    __tablename__ = "signing_key"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
