"""A canonical dump of the replicated state tables, equal on every laptop and on central once
they hold the same change records: what the convergence tests and ``sync verify`` compare.

Locally derived columns (folded search keys, sort keys) are left out: they are recomputed by
each database from the replicated fields and never travel."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import Connection, inspect, select

from smm_event.storage.entities import entity_names, entity_spec

LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "participant": frozenset({"search_key", "sort_key", "merged_into"}),
    "organization": frozenset({"search_key"}),
}


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    return value


def canonical_state(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Table name -> its rows (replicated columns only) sorted by primary key, for the
    replicated tables this database has."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    present = set(inspect(connection).get_table_names())
    for entity in sorted(entity_names()):
        table: Any = entity_spec(entity).model.__table__
        if table.name not in present:  # an entity of a newer schema than this database's
            continue
        skipped = LOCAL_COLUMNS.get(table.name, frozenset())
        columns = [column for column in table.columns if column.key not in skipped]
        rows = connection.execute(select(*columns))
        plain = [tuple(_plain(value) for value in row) for row in rows]
        dump[table.name] = sorted(plain, key=lambda row: str(row[0]))  # the primary key
    return dump


def state_digest(connection: Connection) -> str:
    text = json.dumps(canonical_state(connection), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
