"""The event, its streams, days and sessions as the UI and CLI see them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EventInfo:
    id: uuid.UUID
    name: str
    short_name: str | None
    organizer: str | None
    venue: str | None
    city: str | None
    timezone: str
    starts_on: dt.date
    ends_on: dt.date
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StreamInfo:
    id: uuid.UUID
    number: int
    level: int
    title: str
    capacity: int
    colour: str
    days: tuple[dt.date, ...]
    size: int = 0


@dataclass(frozen=True)
class SessionInfo:
    id: uuid.UUID
    stream_number: int
    day: dt.date
    starts_at: dt.datetime  # local time of the event, timezone-aware
    ends_at: dt.datetime
    kind: str
    title: str
    room: str | None
    trainer: str | None
    closed: bool
    cancelled: bool = False  # listed struck through; out of percentages and sheets


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class WorkspaceSummary:
    path: str
    device: DeviceInfo
    event: EventInfo | None
    streams: tuple[StreamInfo, ...]
    participants: int
    unassigned: int
    sessions: int
    checkins: int
    unsynced_changes: int


def event_label(
    name: str | None,
    event_id: uuid.UUID | str | None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> str:
    """«Name», its dates and the start of its id: two events of the same programme often have
    the same title, and a refusal that names only the title reads «another event (X)» for X."""
    parts = [f"«{name}»" if name else "«?»"]
    if starts_on is not None:
        parts.append(f"{starts_on.isoformat()} – {(ends_on or starts_on).isoformat()}")
    if event_id:
        parts.append(f"id {str(event_id)[:8]}")
    return ", ".join(parts)
