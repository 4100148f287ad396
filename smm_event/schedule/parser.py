"""Reading the human-edited TOML schedule into an EventSpec.

Every problem in a user's file becomes ``UserError("bad_schedule", source=..., where=...,
reason=...)``: ``where`` is the path of the offending value (``streams[2].days[1].sessions[0].end``,
indexes from 0 in file order) and ``reason`` a stable code listed in docs/schedule-format.md."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from smm_event.errors import UserError
from smm_event.schedule.locate import line_of
from smm_event.schedule.model import DaySpec, EventSpec, SessionSpec, StreamSpec
from smm_event.schedule.table import Problem, Table, fail

DEFAULT_TIMEZONE = "Europe/Moscow"
DEFAULT_CAPACITY = 70
MAX_CAPACITY = 10_000

_TOP_FIELDS = frozenset({"event", "streams"})
_EVENT_FIELDS = frozenset(
    {"name", "short_name", "organizer", "venue", "city", "timezone", "year", "settings"}
)
_STREAM_FIELDS = frozenset({"number", "level", "title", "capacity", "colour", "days"})
_DAY_FIELDS = frozenset({"date", "sessions"})
_SESSION_FIELDS = frozenset({"start", "end", "kind", "title", "room", "trainer"})
# Organizers write the file in Russian; accepting the Russian words costs nothing.
_KINDS = {"theory": "theory", "practice": "practice", "теория": "theory", "практика": "practice"}
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_RUSSIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_TOML_POSITION = re.compile(r"at line (\d+), column (\d+)")


def load_schedule(path: Path) -> EventSpec:
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError("bad_schedule", source=source, where="", reason="file_not_found") from None
    except OSError as error:
        detail = error.strerror or type(error).__name__
        raise UserError(
            "bad_schedule", source=source, where="", reason="unreadable", detail=detail
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UserError(
            "bad_schedule", source=source, where="", reason="not_utf8", line=line
        ) from None
    return parse_schedule(text, source)


def parse_schedule(text: str, source: str = "<string>") -> EventSpec:
    try:
        # Windows Notepad may save UTF-8 with a BOM, which tomllib rejects.
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, source) from None
    try:
        return _event(Table(data, "", _TOP_FIELDS))
    except Problem as problem:
        params = dict(problem.params)
        params.setdefault("line", line_of(text, problem.where))  # for the organizer's editor
        raise UserError(
            "bad_schedule",
            source=source,
            where=problem.where,
            reason=problem.reason,
            **params,
        ) from None


def _syntax_error(error: tomllib.TOMLDecodeError, source: str) -> UserError:
    position = _TOML_POSITION.search(str(error))
    line, column = (int(position[1]), int(position[2])) if position else (None, None)
    return UserError(
        "bad_schedule",
        source=source,
        where="",
        reason="toml_syntax",
        detail=str(error),
        line=line,
        column=column,
    )


def _event(root: Table) -> EventSpec:
    if root.get("event") is None:
        fail("event", "missing_field", field="event")
    event = Table(root.get("event"), "event", _EVENT_FIELDS)
    timezone = event.optional_text("timezone") or DEFAULT_TIMEZONE
    _check_timezone(timezone, event.at("timezone"))
    year = event.optional_integer("year", "bad_year", minimum=2000, maximum=2100)
    return EventSpec(
        name=event.text("name"),
        short_name=event.optional_text("short_name"),
        organizer=event.text("organizer"),
        venue=event.text("venue"),
        city=event.text("city"),
        timezone=timezone,
        settings=_settings(event),
        streams=_streams(root, year),
    )


def _check_timezone(key: str, where: str) -> None:
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        fail(where, "unknown_timezone", value=key)


def _settings(event: Table) -> Mapping[str, object]:
    value = event.get("settings")
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        fail(event.at("settings"), "bad_type", expected="table")
    return MappingProxyType({key: _json_friendly(item) for key, item in value.items()})


def _json_friendly(value: object) -> object:
    # The lead stores settings as JSON; TOML dates and times are not JSON.
    if isinstance(value, dict):
        return {key: _json_friendly(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_friendly(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _streams(root: Table, year: int | None) -> tuple[StreamSpec, ...]:
    seen: dict[int, str] = {}
    streams = []
    for where, item in root.array("streams", "no_streams"):
        stream = _stream(Table(item, where, _STREAM_FIELDS), year)
        if stream.number in seen:
            _duplicate(
                f"{where}.number", "duplicate_stream_number", stream.number, seen[stream.number]
            )
        seen[stream.number] = f"{where}.number"
        streams.append(stream)
    return tuple(sorted(streams, key=lambda stream: stream.number))


def _duplicate(where: str, reason: str, value: object, other: str) -> NoReturn:
    fail(where, reason, value=str(value), other=other)


def _stream(table: Table, year: int | None) -> StreamSpec:
    number = table.integer("number", "bad_number", minimum=1)
    level = table.integer("level", "bad_level", minimum=1)
    capacity = table.optional_integer("capacity", "bad_capacity", minimum=1, maximum=MAX_CAPACITY)
    colour = table.text("colour")
    if not _COLOUR.fullmatch(colour):
        fail(table.at("colour"), "bad_colour", value=colour)
    return StreamSpec(
        number=number,
        level=level,
        title=table.text("title"),
        capacity=DEFAULT_CAPACITY if capacity is None else capacity,
        colour=colour.upper(),
        days=_days(table, year),
    )


def _days(stream: Table, year: int | None) -> tuple[DaySpec, ...]:
    seen: dict[dt.date, str] = {}
    days = []
    for where, item in stream.array("days", "no_days"):
        day = _day(Table(item, where, _DAY_FIELDS), year)
        if day.date in seen:
            _duplicate(f"{where}.date", "duplicate_day", day.date.isoformat(), seen[day.date])
        seen[day.date] = f"{where}.date"
        days.append(day)
    return tuple(sorted(days, key=lambda day: day.date))


def _day(table: Table, year: int | None) -> DaySpec:
    date = _date(table, "date")
    if year is not None and date.year != year:
        fail(table.at("date"), "date_outside_year", value=date.isoformat(), year=year)
    located = [
        (where, _session(Table(item, where, _SESSION_FIELDS)))
        for where, item in table.array("sessions", "no_sessions")
    ]
    located.sort(key=lambda pair: (pair[1].start, pair[1].end))
    for (earlier_where, earlier), (where, session) in pairwise(located):
        if session.start < earlier.end:
            fail(f"{where}.start", "overlapping_sessions", other=earlier_where)
    return DaySpec(date=date, sessions=tuple(session for _, session in located))


def _session(table: Table) -> SessionSpec:
    start = _time(table, "start")
    end = _time(table, "end")
    if end <= start:
        fail(table.at("end"), "end_before_start", start=_hhmm(start), end=_hhmm(end))
    kind = table.text("kind")
    if kind.casefold() not in _KINDS:
        fail(table.at("kind"), "bad_kind", value=kind)
    return SessionSpec(
        start=start,
        end=end,
        kind=_KINDS[kind.casefold()],
        title=table.text("title"),
        room=table.optional_text("room"),
        trainer=table.optional_text("trainer"),
    )


def _hhmm(moment: dt.time) -> str:
    return moment.isoformat("minutes")


def _time(table: Table, key: str) -> dt.time:
    value = table.required(key)
    if isinstance(value, dt.time) and value.tzinfo is None:
        return value
    match = _TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        fail(table.at(key), "bad_time", value=str(value))
    return dt.time(int(match[1]), int(match[2]))


def _date(table: Table, key: str) -> dt.date:
    value = table.required(key)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        parsed = _date_from_text(value.strip())
        if parsed is not None:
            return parsed
    fail(table.at(key), "bad_date", value=str(value))


def _date_from_text(text: str) -> dt.date | None:
    russian = _RUSSIAN_DATE.fullmatch(text)
    try:
        if russian:
            return dt.date(int(russian[3]), int(russian[2]), int(russian[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
