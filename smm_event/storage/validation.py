"""What a change record may carry, checked before it is applied or recorded.

SQLite stores a 700-character string in a ``VARCHAR(500)`` column without a word; PostgreSQL
refuses it, and that one record then fails every later push. So every limit here is read from
the SQLAlchemy models (the DDL both engines get) and enforced in Python, identically on both:
types, lengths, 32-bit integer range, enum values, and no invisible format characters (bidi
overrides, zero-width spaces: Unicode category Cf) or NUL in short text, where they would make a
name look like another one. The same table bounds what a user can type (``FIELD_LIMITS`` gives
the GUI its ``setMaxLength``), so nothing a user enters can make sync fail.

``validate_change`` is pure and cheap (a dict lookup and a type check per field): it runs for
every record written locally, imported from a bundle or pulled from central.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text, Uuid

from smm_event.domain.attendance import AttendanceStatus, MarkSource
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.domain.outcomes import (
    DECISIONS,
    MEASUREMENT_KINDS,
    PLATFORM_CODES,
    TEST_PHASES,
    TRACKS,
)
from smm_event.errors import UserError
from smm_event.storage.entities import entity_names, entity_spec

# Unbounded TEXT on both engines, but a record is still held in memory whole: bound it anyway.
TEXT_MAX = 20_000
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL INTEGER
_TEXT_KEY = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
# Exactly the strings str(uuid.UUID(x)) gives back unchanged: a regex is several times faster
# than building a UUID, and a pull validates some 300,000 ids per 100,000 records.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Columns only this laptop computes from the replicated ones; a record must never set them.
_LOCAL_COLUMNS = {"participant": {"search_key", "sort_key"}, "organization": {"search_key"}}
_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("participant", "gender"): frozenset({"male", "female"}),
    ("certificate", "gender"): frozenset({"male", "female"}),
    ("session", "kind"): frozenset({"theory", "practice"}),
    ("checkin", "method"): frozenset(CheckinMethod),
    ("checkin", "result"): frozenset(CheckinResult),
    ("attendance_mark", "status"): frozenset(AttendanceStatus),
    ("attendance_mark", "source"): frozenset(MarkSource),
    ("participant", "accelerator_track"): frozenset(TRACKS),
    ("selection_decision", "decision"): frozenset(DECISIONS),
    ("selection_decision", "track"): frozenset(TRACKS),
    ("topic_score", "phase"): frozenset(TEST_PHASES),
    ("reach_account", "platform"): frozenset(PLATFORM_CODES),
    ("reach_measurement", "kind"): frozenset(MEASUREMENT_KINDS),
}
# A JSON field (event settings, a survey response's answers) is one value: bound it whole.
JSON_MAX = 200_000


@dataclass(frozen=True)
class FieldLimit:
    kind: str  # str, text, int, float, bool, uuid, date, datetime, json
    nullable: bool
    max_length: int | None = None
    enum: frozenset[str] | None = None


@dataclass(frozen=True)
class Problem:
    """Why a record or a typed value is refused: a code and the field it concerns."""

    code: str
    field: str | None = None
    limit: int | None = None


def _kind(column_type: Any) -> str:
    for sql_type, kind in (
        (Uuid, "uuid"),
        (DateTime, "datetime"),
        (Date, "date"),
        (Boolean, "bool"),
        (Integer, "int"),
        (Float, "float"),
        (Text, "text"),
        (String, "str"),
        (JSON, "json"),
    ):
        if isinstance(column_type, sql_type):
            return kind
    raise TypeError(f"no validation rule for column type {column_type!r}")


@cache
def _limits() -> dict[str, dict[str, FieldLimit]]:
    table: dict[str, dict[str, FieldLimit]] = {}
    for entity in entity_names():
        fields: dict[str, FieldLimit] = {}
        for column in entity_spec(entity).model.__table__.columns:
            if column.primary_key or column.key == "clocks":
                continue
            if column.key in _LOCAL_COLUMNS.get(entity, ()):
                continue
            kind = _kind(column.type)
            length = getattr(column.type, "length", None) if kind == "str" else None
            fields[column.key] = FieldLimit(
                kind=kind,
                nullable=bool(column.nullable),
                max_length=length if kind == "str" else (TEXT_MAX if kind == "text" else None),
                enum=_ENUMS.get((entity, column.key)),
            )
        table[entity] = fields
    return table


class _Limits(Mapping[str, Mapping[str, FieldLimit]]):
    """``FIELD_LIMITS[entity][field]``, built on first use (after every entity registered)."""

    def __getitem__(self, entity: str) -> Mapping[str, FieldLimit]:
        return _limits()[entity]

    def __iter__(self) -> Any:
        return iter(_limits())

    def __len__(self) -> int:
        return len(_limits())


FIELD_LIMITS: Mapping[str, Mapping[str, FieldLimit]] = _Limits()


def max_length(entity: str, field: str) -> int:
    """The longest text a user may type into ``entity.field`` (for ``QLineEdit.setMaxLength``)."""
    limit = FIELD_LIMITS[entity][field].max_length
    if limit is None:
        raise KeyError(f"{entity}.{field} is not a text field")
    return limit


def _invisible(value: str, short: bool) -> str | None:
    """Bidi controls, zero-width characters, BOM, soft hyphen (category Cf) are invisible, yet
    change how a short text reads or sorts; control characters and NUL (which PostgreSQL
    refuses in any text) never belong there either."""
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cf" and short:
            return "bidi"
        if category == "Cc" and ch not in "\t\n\r" and (short or ch == "\x00"):
            return "bad_char"
    return None


def strip_format_characters(text: str) -> str:
    """What a user typed or pasted, without the invisible characters validation refuses."""
    if text.isprintable():  # the common case, and a C-speed check
        return text
    return "".join(
        ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) not in ("Cf", "Cc")
    )


def check_value(limit: FieldLimit, value: Any) -> str | None:
    """The problem code for one field's JSON-encoded value, or None."""
    if value is None:
        return None if limit.nullable else "bad_type"
    kind = limit.kind
    if kind in ("str", "text"):
        if not isinstance(value, str):  # a StrEnum member is written as its text
            return "bad_type"
        if limit.max_length is not None and len(value) > limit.max_length:
            return "too_long"
        if not value.isprintable():
            code = _invisible(value, kind == "str")
            if code is not None:
                return code
        if limit.enum is not None and value not in limit.enum:
            return "bad_enum"
        return None
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return "bad_type"
        return None if INT_MIN <= value <= INT_MAX else "out_of_range"
    if kind == "float":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return "bad_type"
        return None if math.isfinite(value) else "out_of_range"
    if kind == "bool":
        return None if type(value) is bool else "bad_type"
    if kind == "json":
        if not isinstance(value, dict):
            return "bad_type"
        try:
            size = len(json.dumps(value, ensure_ascii=False))
        except (TypeError, ValueError):
            return "bad_type"
        return None if size <= JSON_MAX else "too_long"
    if type(value) is not str or len(value) > 40:
        return "bad_type"
    return _check_parsed(kind, value)


def _check_parsed(kind: str, value: str) -> str | None:
    try:
        if kind == "uuid":
            if _CANONICAL_UUID.fullmatch(value) is None:  # other spellings UUID() accepts
                uuid.UUID(value)
        elif kind == "date":
            dt.date.fromisoformat(value)
        else:
            if dt.datetime.fromisoformat(value).tzinfo is not None:
                return "bad_type"  # every instant is stored as naive UTC
    except ValueError:
        return "bad_type"
    return None


def problem_of(entity: str, entity_id: Any, payload: Any) -> Problem | None:
    """``validate_change`` with the field it concerns, for messages."""
    if entity not in _limits():
        # A newer version's entity: stored and relayed, never applied (see apply.py).
        return None
    if not isinstance(payload, Mapping):
        return Problem("bad_type")
    if not _valid_id(entity, entity_id):
        return Problem("bad_id")
    fields = _limits()[entity]
    for name, value in payload.items():
        limit = fields.get(name)
        if limit is None:
            return Problem("unknown_field", str(name)[:40])
        code = check_value(limit, value)
        if code is not None:
            return Problem(code, name, limit.max_length if code == "too_long" else None)
    for name in _required(entity):
        if name not in payload:
            return Problem("missing_field", name)
    return None


def validate_change(entity: str, entity_id: str, payload: Mapping[str, Any]) -> str | None:
    """A problem code ("bad_type", "missing_field", "unknown_field", "too_long", "bad_enum",
    "bidi", "bad_id", "out_of_range") or None when the record may be applied."""
    problem = problem_of(entity, entity_id, payload)
    return problem.code if problem else None


def _valid_id(entity: str, entity_id: Any) -> bool:
    if type(entity_id) is not str:
        return False
    if entity_spec(entity).text_key:
        return _TEXT_KEY.match(entity_id) is not None
    if len(entity_id) != 36:
        return False
    return _CANONICAL_UUID.fullmatch(entity_id) is not None


@cache
def _required(entity: str) -> tuple[str, ...]:
    """Fields an insert-only record must carry: it is written once, so a field it lacks is
    never filled in later (a field-by-field entity's edits carry only what changed)."""
    from smm_event.storage.entities import MergeRule

    spec = entity_spec(entity)
    if spec.rule is not MergeRule.INSERT_ONLY:
        return ()
    return tuple(
        column.key
        for column in spec.model.__table__.columns
        if not column.primary_key
        and column.key not in ("clocks", "hlc")
        and not column.nullable
        and column.default is None
        and column.server_default is None
    )


def refuse_invalid_records(changes: Iterable[Any]) -> None:
    """Raise ``sync_invalid_record`` for the first change record (anything with device_id,
    seq, entity, entity_id and payload) that may not be applied, before a batch is written:
    on pull nothing of the batch lands; on push the user reads which record instead of a
    PostgreSQL error that looks like a network failure."""
    for change in changes:
        problem = problem_of(change.entity, change.entity_id, change.payload)
        if problem is not None:
            raise UserError(
                "sync_invalid_record",
                device=str(change.device_id),
                seq=change.seq,
                entity=change.entity,
                field=problem.field or "",
                problem=problem.code,
            )
