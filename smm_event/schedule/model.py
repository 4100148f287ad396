"""The event programme as read from a schedule file: event, streams, days and sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

SESSION_KINDS = ("theory", "practice")


@dataclass(frozen=True)
class SessionSpec:
    start: dt.time
    end: dt.time
    kind: str  # one of SESSION_KINDS
    title: str
    room: str | None = None
    trainer: str | None = None


@dataclass(frozen=True)
class DaySpec:
    date: dt.date
    sessions: tuple[SessionSpec, ...]  # sorted by start, never overlapping


@dataclass(frozen=True)
class StreamSpec:
    number: int
    level: int  # 1 = the lowest entry-test scores
    title: str
    capacity: int
    colour: str  # "#RRGGBB", upper-case
    days: tuple[DaySpec, ...]  # sorted by date, no date twice

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(day.date for day in self.days)


@dataclass(frozen=True)
class EventSpec:
    name: str
    short_name: str | None
    organizer: str
    venue: str
    city: str
    timezone: str  # an IANA key that zoneinfo knows
    # Only JSON-friendly values: TOML dates and times are turned into ISO strings.
    settings: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    streams: tuple[StreamSpec, ...] = ()  # sorted by number, at least one after parsing

    @property
    def starts_on(self) -> dt.date:
        return min(day.date for stream in self.streams for day in stream.days)

    @property
    def ends_on(self) -> dt.date:
        return max(day.date for stream in self.streams for day in stream.days)

    def stream(self, number: int) -> StreamSpec | None:
        return next((stream for stream in self.streams if stream.number == number), None)


def shift_schedule(spec: EventSpec, first_day: dt.date) -> EventSpec:
    """Move every day by one offset so that the earliest day of the programme is ``first_day``.

    Weekdays change unless the offset is a whole number of weeks; that is acceptable for a demo,
    which is what this exists for (stream 1 running "today")."""
    offset = first_day - spec.starts_on
    if not offset:
        return spec
    streams = tuple(
        replace(stream, days=tuple(replace(day, date=day.date + offset) for day in stream.days))
        for stream in spec.streams
    )
    return replace(spec, streams=streams)
