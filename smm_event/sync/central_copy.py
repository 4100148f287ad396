"""A pushed batch written into central PostgreSQL in bulk, inside the caller's transaction.

The change records go through ``COPY`` into a temporary staging table (one per connection,
emptied at commit) and one ``INSERT ... SELECT ... ON CONFLICT DO NOTHING`` into the change log.
The rows of lone insert-only changes (check-ins, marks, prints) are then built by PostgreSQL
from the staged payloads: one ``INSERT ... SELECT`` per entity and set of payload fields, with
exactly the values ``apply._bulk_row`` would have built in Python (the payload's fields decoded
by column type, column defaults, ``hlc`` from the record, ``clocks`` naming every field). That
sends each record over the wire once, not twice, and leaves the decoding to PostgreSQL; it is
most of what made a 100,000-record push fast (docs/performance.md).

The staging table needs the TEMPORARY privilege on the database, which the station role has
(``sync/central_roles.py``). ``ON CONFLICT DO NOTHING`` and the fixed order of every
``SELECT`` keep a re-push idempotent and concurrent pushes free of deadlocks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from psycopg import sql
from psycopg.types.json import Json
from sqlalchemy import JSON, Date, DateTime, Float, Integer, String, Text, Uuid
from sqlalchemy.orm import Session

from smm_event.storage.changeset import Change
from smm_event.storage.entities import EntitySpec, entity_spec
from smm_event.storage.local_models import ChangeRecord

STAGING = "sync_push_staging"
# The staging table is the change log plus the derived-row group of each record (NULL: none).
GROUP_COLUMN = "bulk_group"
LOG_COLUMNS = tuple(column.key for column in ChangeRecord.__table__.columns)
JSON_LOG_COLUMNS = frozenset(
    column.key for column in ChangeRecord.__table__.columns if isinstance(column.type, JSON)
)
# A payload field as the SQL type of its column; a model with any other column type is not
# derived on the server (its rows take the Python path of apply.py).
_CASTS: tuple[tuple[type, str | None], ...] = (
    (Uuid, "uuid"),
    (DateTime, "timestamp"),
    (Date, "date"),
    (Integer, "integer"),
    (Float, "double precision"),
    (Text, None),  # text as it is: assigning it to a VARCHAR(n) refuses a longer value
    (String, None),
)

Group = tuple[str, tuple[str, ...]]  # entity, the columns its rows take from the payload


@cache
def derivable(spec: EntitySpec) -> bool:
    """Whether PostgreSQL can build this entity's rows from payloads (every column's type is
    known here, and the time columns carry no time zone, as payloads never do)."""
    for column in spec.model.__table__.columns:
        if column.key in ("id", "clocks", "hlc"):
            continue
        if _cast(column) is False:
            return False
        if isinstance(column.type, DateTime) and column.type.timezone:
            return False
    return True


def _cast(column: Any) -> str | bool | None:
    for kind, cast in _CASTS:
        if isinstance(column.type, kind):
            return cast
    return False


def write_batch(
    session: Session,
    ordered: Sequence[Change],
    groups: Mapping[tuple[Any, int], Group],
    defaults: Mapping[str, Mapping[str, Any]],
) -> None:
    """Stage ``ordered`` and insert it into the change log, then insert the derived row of
    each change in ``groups`` ((device, seq) → its group); ``defaults``: per entity, the
    column defaults ``apply._bulk_row`` starts a row from."""
    numbers: dict[Group, int] = {}
    for group in groups.values():  # a few per batch: one per entity and set of fields
        numbers.setdefault(group, len(numbers))
    driver = session.connection().connection.driver_connection
    assert driver is not None
    log = sql.SQL(", ").join(map(sql.Identifier, LOG_COLUMNS))
    with driver.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "CREATE TEMP TABLE IF NOT EXISTS {} (LIKE {}, {} integer) ON COMMIT DELETE ROWS"
            ).format(
                sql.Identifier(STAGING),
                sql.Identifier(ChangeRecord.__tablename__),
                sql.Identifier(GROUP_COLUMN),
            )
        )
        copy_sql = sql.SQL("COPY {} ({}, {}) FROM STDIN").format(
            sql.Identifier(STAGING), log, sql.Identifier(GROUP_COLUMN)
        )
        with cursor.copy(copy_sql) as copy:
            for change in ordered:
                tagged = groups.get(change.key)
                copy.write_row(
                    (
                        change.device_id,
                        change.seq,
                        change.hlc,
                        change.entity,
                        change.entity_id,
                        Json(_plain(change.payload)),
                        change.recorded_at,
                        change.chain_hash,
                        change.signature,
                        None if tagged is None else numbers[tagged],
                    )
                )
        # One order for every laptop's batches, so concurrent pushes never deadlock on keys.
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} ({}) SELECT {} FROM {} ORDER BY hlc, device_id, seq"
                " ON CONFLICT DO NOTHING"
            ).format(sql.Identifier(ChangeRecord.__tablename__), log, log, sql.Identifier(STAGING))
        )
        for (entity, fields), number in numbers.items():
            cursor.execute(_derived_insert(entity, fields, defaults[entity]), (number,))
        cursor.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(STAGING)))


def _plain(payload: Mapping[str, Any]) -> dict[str, Any]:
    return payload if isinstance(payload, dict) else dict(payload)


def _derived_insert(
    entity: str, fields: tuple[str, ...], defaults: Mapping[str, Any]
) -> sql.Composed:
    """The ``INSERT ... SELECT`` of one group's rows from the staged records. Each payload is
    parsed once, by ``json_populate_record`` into the table's own row type (each field
    through its column type's input function); ``->>`` per field re-parsed the whole payload
    each time and took four times as long."""
    spec = entity_spec(entity)
    table = sql.Identifier(spec.model.__tablename__)
    names: list[sql.Composable] = []
    values: list[sql.Composable] = []
    for column in spec.model.__table__.columns:
        names.append(sql.Identifier(column.key))
        values.append(_value(spec, column, fields, defaults))
    return sql.SQL(
        "INSERT INTO {} ({}) SELECT {} FROM {} AS s,"
        " LATERAL json_populate_record(NULL::{}, s.payload) AS r WHERE s.{} = %s"
        " ORDER BY s.entity_id ON CONFLICT DO NOTHING"
    ).format(
        table,
        sql.SQL(", ").join(names),
        sql.SQL(", ").join(values),
        sql.Identifier(STAGING),
        table,
        sql.Identifier(GROUP_COLUMN),
    )


def _value(
    spec: EntitySpec, column: Any, fields: tuple[str, ...], defaults: Mapping[str, Any]
) -> sql.Composable:
    key = column.key
    if key == "id":
        return sql.SQL("s.entity_id" if spec.text_key else "s.entity_id::uuid")
    if key == "hlc":
        return sql.SQL("s.hlc")
    if key == "clocks":
        # The text Python's json.dumps gives dict.fromkeys(fields, hlc), the stamp put in by
        # a plain text replace (json_build_object took as long as decoding the payload).
        template = json.dumps(dict.fromkeys(fields, _STAMP))
        return sql.SQL("replace({}, {}, to_json(s.hlc)::text)::json").format(
            sql.Literal(template), sql.Literal(json.dumps(_STAMP))
        )
    if key in fields:
        return sql.SQL("r.{}").format(sql.Identifier(key))
    default = defaults[key]
    text = sql.Literal(None if default is None else str(default))
    cast = _cast(column)
    return sql.SQL("{}::{}").format(text, sql.SQL(str(cast) if cast else "text"))


_STAMP = "<hlc>"  # never in a column name
