"""The replicated state: schedule, roster and what happened at the venue.

Every replicated row has a UUID key and a ``clocks`` map (field -> hybrid logical clock of the
change that last set it), so changes from several offline laptops merge field by field. Rows are
only ever written through ``smm_event.storage.changes``, which records the change log as well.
Replicated tables carry no foreign keys: a laptop may receive another laptop's edit before the
row it refers to (a scan before the participant, a session before its day), and merging must
never fail on that. References are made by the services, and the merge folds late arrivals.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from smm_event.storage.base import Base


def _clocks() -> Mapped[dict[str, Any]]:
    return mapped_column(default=dict)


class Event(Base):
    __tablename__ = "event"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(100))
    organizer: Mapped[str | None] = mapped_column(String(300))
    venue: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Moscow")
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    clocks: Mapped[dict[str, Any]] = _clocks()


class Stream(Base):
    __tablename__ = "stream"
    __table_args__ = (UniqueConstraint("event_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    number: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int] = mapped_column(Integer, default=70)
    colour: Mapped[str] = mapped_column(String(7), default="#607D8B")
    clocks: Mapped[dict[str, Any]] = _clocks()


class StreamDay(Base):
    __tablename__ = "stream_day"
    __table_args__ = (UniqueConstraint("stream_id", "day"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    stream_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    clocks: Mapped[dict[str, Any]] = _clocks()


class TrainingSession(Base):
    """A session (занятие). Times are UTC instants; the event's timezone gives local time."""

    __tablename__ = "training_session"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    stream_day_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    room: Mapped[str | None] = mapped_column(String(100))
    trainer: Mapped[str | None] = mapped_column(String(200))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Cancelled by the organizer: kept (its marks too) but out of every percentage and sheet.
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    clocks: Mapped[dict[str, Any]] = _clocks()


class Organization(Base):
    """An NGO. Its id is derived from the folded name, so two laptops adding the same NGO
    offline produce the same row instead of a duplicate."""

    __tablename__ = "organization"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    region: Mapped[str | None] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(500), default="")
    clocks: Mapped[dict[str, Any]] = _clocks()


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    surname: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200))
    patronymic: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(10))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    position: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    consent: Mapped[bool | None] = mapped_column(Boolean)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    entry_score: Mapped[float | None] = mapped_column(Float)
    exit_score: Mapped[float | None] = mapped_column(Float)
    stream_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    stream_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    accelerator_track: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    badge_version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Withdrew (отказ): kept with their history, out of streams and expected counts.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    # Why the organizer moved this person by hand (the move locks them against re-runs).
    stream_reason: Mapped[str | None] = mapped_column(Text)
    # Derived locally from the participant_merge rows (never replicated): the person this one
    # was merged into, at the end of any chain of merges; None for everyone else.
    merged_into: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    # Derived locally from the fields above (never replicated): Cyrillic-safe search and order.
    search_key: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(Text, default="", index=True)
    clocks: Mapped[dict[str, Any]] = _clocks()


class ParticipantMerge(Base):
    """Two records of one person: ``merged_id`` counts as ``kept_id`` from now on. Nothing of
    the merged person is rewritten; readers resolve ids through the merges in effect (see
    storage/aliases.py), so the result is the same whatever order laptops learn of them.
    ``undone`` (last writer wins) takes the merge back."""

    __tablename__ = "participant_merge"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kept_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    merged_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    reason: Mapped[str] = mapped_column(String(500))
    merged_by: Mapped[str | None] = mapped_column(String(100))
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    undo_reason: Mapped[str | None] = mapped_column(String(500))
    clocks: Mapped[dict[str, Any]] = _clocks()


class Checkin(Base):
    """Every scan at a desk, admitted or refused. Insert-only: a scan happened and is never
    re-judged; the first admitted one of a day counts."""

    __tablename__ = "checkin"
    __table_args__ = (Index("ix_checkin_participant_day", "participant_id", "local_day"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    desk: Mapped[str] = mapped_column(String(100))
    operator: Mapped[str | None] = mapped_column(String(100))
    scanned_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_day: Mapped[dt.date] = mapped_column(Date, index=True)
    method: Mapped[str] = mapped_column(String(20))
    raw_text: Mapped[str | None] = mapped_column(Text)
    participant_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    badge_version: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(String(40))
    # An organizer's override of a wrong-day refusal (method "override"): why, and who allowed it.
    override_reason: Mapped[str | None] = mapped_column(String(500))
    override_by: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = _clocks()


class CheckinAnnulment(Base):
    """A check-in undone at the desk (the wrong «Иванова» admitted from search), with the
    reason. Insert-only: the scan stays in the log, marked annulled, and stops counting; the
    attendance mark that admission wrote at the desk (``mark_id``) is withdrawn with it."""

    __tablename__ = "checkin_annulment"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    checkin_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    participant_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    mark_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    reason: Mapped[str] = mapped_column(String(500))
    annulled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operator: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = _clocks()


class AttendanceMark(Base):
    """One version of a participant's mark at a session. Insert-only history: the version with
    the greatest ``hlc`` is current, and the earlier ones are the audit trail."""

    __tablename__ = "attendance_mark"
    __table_args__ = (
        Index("ix_attendance_mark_session_participant", "session_id", "participant_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    hlc: Mapped[str] = mapped_column(String(64))
    marked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operator: Mapped[str | None] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = _clocks()


class BadgePrint(Base):
    __tablename__ = "badge_print"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    badge_version: Mapped[int] = mapped_column(Integer)
    layout: Mapped[str] = mapped_column(String(40))
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    clocks: Mapped[dict[str, Any]] = _clocks()


class PublicKey(Base):
    """A badge-verifying key. Several may be valid at once so the signing key can rotate."""

    __tablename__ = "public_key"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    clocks: Mapped[dict[str, Any]] = _clocks()


class Device(Base):
    """A laptop that has written to this event, with the name people read («Стойка 1»)."""

    __tablename__ = "device"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    clocks: Mapped[dict[str, Any]] = _clocks()
