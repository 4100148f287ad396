"""Storing received changes and merging them into the state tables, on a laptop's SQLite and on
the central PostgreSQL alike, inside the caller's transaction (this module never commits).

Every change goes through the merge rules of ``smm_event.storage.changes.apply_change``; the
only shortcut is for insert-only entities (check-ins, mark versions, prints), whose rule is
"the row is written once": a batch of them becomes one multi-row ``INSERT ... ON CONFLICT DO
NOTHING`` with exactly the columns ``apply_change`` would have written. That is what lets a
laptop push 100,000 scans in seconds.

On PostgreSQL several laptops may push at once. Rows merged field by field are read, merged and
written back, so two transactions touching the same row must not interleave: each batch first
takes a transaction-scoped advisory lock per (entity, id) it will merge, all in one sorted
statement (sorted, so two batches can never wait for each other in a cycle). Insert-only rows
need no lock: the primary key already makes a concurrent second insert wait and then do nothing.
"""

from __future__ import annotations

import uuid
import zlib
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache
from typing import Any

from sqlalchemy import JSON, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from smm_event.storage import changes as change_log
from smm_event.storage.base import Base
from smm_event.storage.changeset import Change
from smm_event.storage.codec import decode_fields
from smm_event.storage.entities import EntitySpec, MergeRule, entity_names, entity_spec
from smm_event.storage.local_models import ChangeRecord
from smm_event.sync import central_copy

# The first key of our two-key advisory locks, so they never collide with another
# application's locks on a shared server ("SM").
LOCK_CLASS = 0x534D
# Below this many rows a plain executemany is as fast as COPY.
COPY_MIN_ROWS = 50


def store_and_apply(
    session: Session,
    batch: Sequence[Change],
    withheld: Collection[tuple[uuid.UUID, int]] = frozenset(),
) -> int:
    """Add the changes the database lacks to its change log and merge them all (merging a
    change that was already there changes nothing), except the ``withheld`` ones (quarantined:
    stored, never applied). Returns how many changes were skipped because this version of the
    program does not know their entity."""
    if not batch:
        return 0
    ordered = sorted(batch, key=lambda c: (c.hlc, c.device_id.hex, c.seq))
    dialect = session.get_bind().dialect.name
    known = set(entity_names())
    applied = [c for c in ordered if c.key not in withheld] if withheld else ordered
    bulk, merged = _split(applied, known)
    if dialect == "postgresql":
        _lock_merged_rows(session, merged)
        _write_central(session, ordered, bulk)
    else:
        _insert_all(session, dialect, ChangeRecord.__table__, [c.as_row() for c in ordered])
        for entity, changes in bulk.items():
            spec = entity_spec(entity)
            rows = [_bulk_row(spec, change) for change, _ in changes]
            _insert_all(session, dialect, spec.model.__table__, rows)
    _merge(session, merged)
    return sum(1 for c in ordered if c.entity not in known)


def _write_central(session: Session, ordered: Sequence[Change], bulk: _Bulk) -> None:
    """The change records and the rows of lone insert-only changes, on PostgreSQL: built on
    the server from the staged records where it can (``central_copy``), else from Python."""
    groups: dict[tuple[uuid.UUID, int], central_copy.Group] = {}
    defaults: dict[str, dict[str, Any]] = {}
    built: dict[str, list[dict[str, Any]]] = {}
    for entity, changes in bulk.items():
        spec = entity_spec(entity)
        if central_copy.derivable(spec):
            defaults[entity] = _defaults(spec.model)
            groups.update((change.key, (entity, fields)) for change, fields in changes)
        else:
            built[entity] = [_bulk_row(spec, change) for change, _ in changes]
    central_copy.write_batch(session, ordered, groups, defaults)
    for entity, rows in built.items():
        _insert_all(session, "postgresql", entity_spec(entity).model.__table__, rows)


def _merge(session: Session, merged: Sequence[Change]) -> None:
    """``apply_change`` for each change, without a database round trip per change: rows that
    exist are preloaded; a row whose every logged change is in this batch is created from its
    first change (``new=True``: no lookups) and its later ones find it in the identity map."""
    loaded = _preload(session, merged)  # referenced: the identity map holds rows weakly
    fresh = _fresh(session, merged, {(type(row), _key(row)) for row in loaded})
    pending: set[tuple[str, str]] = set()
    for change in merged:
        key = (change.entity, change.entity_id)
        if key in pending:  # created from an earlier change of this batch, not yet flushed
            loaded.extend(session.new)  # held before the flush makes them weakly referenced
            session.flush()
            pending.clear()
        if key in fresh:
            fresh.discard(key)
            pending.add(key)
            change_log.apply_change(session, change.as_record(), new=True)
        else:
            change_log.apply_change(session, change.as_record())
    session.flush()
    del loaded


def _key(row: Any) -> Any:
    return row.id


def _fresh(
    session: Session, merged: Sequence[Change], present: set[tuple[type, Any]]
) -> set[tuple[str, str]]:
    """(entity, id) of rows that do not exist and have no logged change outside this batch."""
    in_batch = Counter((c.entity, c.entity_id) for c in merged)
    candidates: dict[str, list[str]] = {}
    for entity, entity_id in in_batch:
        spec = entity_spec(entity)
        row_key = entity_id if spec.text_key else uuid.UUID(entity_id)
        if (spec.model, row_key) not in present:
            candidates.setdefault(entity, []).append(entity_id)
    fresh: set[tuple[str, str]] = set()
    table = ChangeRecord.__table__
    for entity, ids in candidates.items():
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            query = (
                select(table.c.entity_id, func.count())
                .where(table.c.entity == entity, table.c.entity_id.in_(chunk))
                .group_by(table.c.entity_id)
            )
            for entity_id, logged in session.execute(query):
                if logged == in_batch[(entity, entity_id)]:
                    fresh.add((entity, entity_id))
    return fresh


def _insert(dialect: str, table: Any) -> Any:
    module: Any = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing()


def _insert_all(session: Session, dialect: str, table: Any, rows: list[dict[str, Any]]) -> None:
    """``INSERT ... ON CONFLICT DO NOTHING`` of many rows. On PostgreSQL a large batch goes
    through COPY into a temporary table and one ``INSERT ... SELECT``: SQLAlchemy cannot send
    an ON CONFLICT insert as multi-row VALUES, and a statement per row costs twice as long."""
    if dialect != "postgresql" or len(rows) < COPY_MIN_ROWS:
        session.execute(_insert(dialect, table), rows)
        return
    from psycopg.types.json import Json

    columns = [column.key for column in table.columns]
    as_json = {column.key for column in table.columns if isinstance(column.type, JSON)}
    names = ", ".join(f'"{name}"' for name in columns)
    staging = f"sync_staging_{table.name}"
    order = "hlc, device_id, seq" if table.name == "change_log" else "id"
    driver = session.connection().connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE "{table.name}") ON COMMIT DELETE ROWS'
        )
        with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [Json(row[name]) if name in as_json else row[name] for name in columns]
                )
        # One order for every laptop's batches, so concurrent pushes never deadlock on keys.
        cursor.execute(
            f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {staging} '
            f"ORDER BY {order} ON CONFLICT DO NOTHING"
        )
        cursor.execute(f"TRUNCATE {staging}")


# Per entity, its lone insert-only changes and the columns each row takes from its payload.
_Bulk = dict[str, list[tuple[Change, tuple[str, ...]]]]


def _split(batch: Sequence[Change], known: set[str]) -> tuple[_Bulk, list[Change]]:
    """Insert-only changes that can be written in bulk (per entity), and the changes left for
    ``apply_change``."""
    repeated = Counter((c.entity, c.entity_id) for c in batch)
    bulk: _Bulk = {}
    merged: list[Change] = []
    for change in batch:
        if change.entity not in known:
            continue
        spec = entity_spec(change.entity)
        single = repeated[(change.entity, change.entity_id)] == 1
        fields = _bulk_fields(spec, change) if single else None
        if fields is not None:
            bulk.setdefault(change.entity, []).append((change, fields))
        else:
            merged.append(change)
    return bulk, merged


def _bulk_fields(spec: EntitySpec, change: Change) -> tuple[str, ...] | None:
    """The columns the row ``apply_change`` would create for a lone insert-only change takes
    from its payload (``hlc`` included when the table has it), in payload order; None when
    the shortcut does not apply (another rule, a derived column, an incomplete payload)."""
    if spec.rule is not MergeRule.INSERT_ONLY or spec.derive is not None:
        return None
    keys, plain = _columns(spec.model)
    payload = change.payload
    names = [name for name in payload if name in keys]
    if "hlc" in keys and "hlc" not in names:
        names.append("hlc")
    if "id" in names or "clocks" in names:
        return None
    defaults = _defaults(spec.model)
    for key, nullable in plain:
        if key == "hlc":
            continue  # the record's own stamp
        if key in payload:
            value = payload[key]
        elif key in defaults:
            value = defaults[key]
        else:
            return None
        if value is None and not nullable:
            return None
    return tuple(names)


def _bulk_row(spec: EntitySpec, change: Change) -> dict[str, Any]:
    """The row ``apply_change`` would create for a change ``_bulk_fields`` accepted."""
    fields = decode_fields(spec.model, change.payload)
    if "hlc" in spec.model.__table__.columns:
        fields["hlc"] = change.hlc  # as storage.changes._fields_of does
    row = dict(_defaults(spec.model))
    row.update(fields)
    row["id"] = change.entity_id if spec.text_key else uuid.UUID(change.entity_id)
    row["clocks"] = dict.fromkeys(fields, change.hlc)
    return row


@cache
def _columns(model: type[Base]) -> tuple[frozenset[str], tuple[tuple[str, bool], ...]]:
    """Every column name, and (name, nullable) of the columns a row's payload or defaults
    must fill (not the key, not ``clocks``)."""
    columns = model.__table__.columns
    plain = tuple(
        (column.key, bool(column.nullable))
        for column in columns
        if not column.primary_key and column.key != "clocks"
    )
    return frozenset(column.key for column in columns), plain


@cache
def _defaults(model: type[Base]) -> dict[str, Any]:
    """Column defaults as an ORM insert applies them; columns with a callable default other
    than ``clocks`` are left out, which sends such rows down the ORM path instead."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.primary_key or column.key == "clocks":
            continue
        default = column.default
        if default is None:
            values[column.key] = None
        elif getattr(default, "is_scalar", False):
            values[column.key] = default.arg
    return values


def _preload(session: Session, batch: Sequence[Change]) -> list[Any]:
    """Load the rows the batch merges into with one query per entity, so ``apply_change``
    finds them in the identity map instead of asking the database once per change."""
    keys: dict[str, set[Any]] = {}
    for change in batch:
        spec = entity_spec(change.entity)
        keys.setdefault(change.entity, set()).add(
            change.entity_id if spec.text_key else uuid.UUID(change.entity_id)
        )
    rows: list[Any] = []
    for entity, wanted in keys.items():
        model: Any = entity_spec(entity).model
        ordered = sorted(wanted, key=str)
        for start in range(0, len(ordered), 900):
            chunk = ordered[start : start + 900]
            rows.extend(session.scalars(select(model).where(model.id.in_(chunk))))
    return rows


def lock_key(entity: str, entity_id: str) -> int:
    """A signed 32-bit key for one replicated row."""
    return zlib.crc32(f"{entity}:{entity_id}".encode()) - 2**31


def _lock_merged_rows(session: Session, merged: Sequence[Change]) -> None:
    keys = sorted({lock_key(c.entity, c.entity_id) for c in merged})
    if not keys:
        return
    session.execute(
        text("SELECT count(pg_advisory_xact_lock(:cls, k)) FROM unnest(CAST(:keys AS int[])) AS k"),
        {"cls": LOCK_CLASS, "keys": keys},
    )
