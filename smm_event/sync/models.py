"""The local-only sync bookkeeping table (never replicated; also created, unused, on central)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base


class SyncState(Base):
    """One row per peer: the central database (keyed by its address without the password) or
    ``file`` for bundles. ``central_vector`` is the peer's version vector after the last
    successful sync, from which the status bar counts the records central does not have yet."""

    __tablename__ = "sync_state"

    peer: Mapped[str] = mapped_column(String(500), primary_key=True)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    clock_skew_ms: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    central_vector: Mapped[dict[str, Any]] = mapped_column(default=dict)
