"""Keeping what a receiver did not apply, so the organizer sees it on the needs-attention list
with its station and reason, and nothing is silently lost."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from smm_event.storage.changes import utc_now
from smm_event.storage.changeset import Change
from smm_event.storage.trust_models import QuarantinedRecord
from smm_event.trust.verify import Verdict

# A hostile file may carry a million forged records; the first ones per device say enough.
MAX_KEPT_PER_DEVICE = 200


def keep(session: Session, verdict: Verdict) -> int:
    """Store the verdict's refused and withheld records; returns how many were new."""
    by_key = {change.key: change for change in verdict.accepted}
    rows: list[dict[str, object]] = []
    per_device: dict[uuid.UUID, int] = {}
    entries = [(change, reason, False) for change, reason in verdict.refused]
    entries += [(by_key[key], reason, True) for key, reason in verdict.withheld.items()]
    now = utc_now()
    for change, reason, stored in entries:
        count = per_device.get(change.device_id, 0)
        if count >= MAX_KEPT_PER_DEVICE and not stored:
            continue
        per_device[change.device_id] = count + 1
        rows.append(_row(change, reason, stored, now))
    write_rows(session, rows)
    return len(rows)


def write_rows(session: Session, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    table = QuarantinedRecord.__table__
    for start in range(0, len(rows), 500):
        session.execute(module.insert(table).on_conflict_do_nothing(), rows[start : start + 500])


def _row(change: Change, reason: str, stored: bool, now: object) -> dict[str, object]:
    record = {
        "device_id": change.device_id.hex,
        "seq": change.seq,
        "hlc": str(change.hlc)[:64],
        "entity": str(change.entity)[:40],
        "entity_id": str(change.entity_id)[:40],
        "payload": dict(change.payload),
    }
    return {
        "device_id": change.device_id,
        "seq": change.seq,
        "entity": str(change.entity)[:40],
        "entity_id": str(change.entity_id)[:40],
        "reason": reason,
        "stored": stored,
        "record": record,
        "received_at": now,
    }


def rows_of(changes: Iterable[Change], reason: str, stored: bool) -> list[dict[str, object]]:
    now = utc_now()
    return [_row(change, reason, stored, now) for change in changes]


def withheld_keys(
    session: Session, keys: Iterable[tuple[uuid.UUID, int]]
) -> set[tuple[uuid.UUID, int]]:
    """Of ``keys``, the records this database keeps in its log without applying them."""
    wanted = set(keys)
    if not wanted:
        return set()
    query = select(QuarantinedRecord.device_id, QuarantinedRecord.seq).where(
        QuarantinedRecord.stored.is_(True)
    )
    return {(d, int(s)) for d, s in session.execute(query) if (d, int(s)) in wanted}


def rows_for(session: Session, keys: Collection[tuple[uuid.UUID, int]]) -> list[dict[str, object]]:
    """The quarantine rows of ``keys`` as plain values (to copy them to central with a push)."""
    result = []
    for row in session.scalars(select(QuarantinedRecord).where(QuarantinedRecord.stored.is_(True))):
        if (row.device_id, row.seq) in keys:
            result.append({c.key: getattr(row, c.key) for c in QuarantinedRecord.__table__.columns})
    return result
