"""Change records as plain values, and version vectors: per origin device, the highest sequence
number up to which a database holds every change. Works on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import heapq
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, exists, func, select
from sqlalchemy.orm import aliased

from smm_event.storage.local_models import ChangeRecord

TABLE = ChangeRecord.__table__
COLUMNS = (
    TABLE.c.device_id,
    TABLE.c.seq,
    TABLE.c.hlc,
    TABLE.c.entity,
    TABLE.c.entity_id,
    TABLE.c.payload,
    TABLE.c.recorded_at,
    TABLE.c.chain_hash,
    TABLE.c.signature,
)

VersionVector = dict[uuid.UUID, int]
# Per origin device, the sequence numbers (lo, hi] one side has and the other lacks.
Ranges = dict[uuid.UUID, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Change:
    device_id: uuid.UUID
    seq: int
    hlc: str
    entity: str
    entity_id: str
    payload: Mapping[str, Any]
    recorded_at: dt.datetime
    chain_hash: str | None = None
    signature: str | None = None

    @property
    def key(self) -> tuple[uuid.UUID, int]:
        return self.device_id, self.seq

    def as_row(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "hlc": self.hlc,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "payload": dict(self.payload),
            "recorded_at": self.recorded_at,
            "chain_hash": self.chain_hash,
            "signature": self.signature,
        }

    def as_record(self) -> ChangeRecord:
        """A transient ORM record for ``changes.apply_change`` (never added to a session)."""
        return ChangeRecord(**self.as_row())

    @property
    def stamp(self) -> tuple[str, str, str]:
        return self.hlc, self.entity, self.entity_id


def change_from_row(row: Any) -> Change:
    device_id, seq, hlc, entity, entity_id, payload, recorded_at, chain_hash, signature = row
    return Change(
        device_id, int(seq), hlc, entity, entity_id, payload, recorded_at, chain_hash, signature
    )


def version_vector(connection: Connection) -> VersionVector:
    """Per device the highest seq with every change 1..seq present. Pushes commit a batch at a
    time, and two laptops may relay the same device's changes concurrently, so a database can
    briefly hold a later batch without an earlier one: only the gap-free prefix counts."""
    vector: VersionVector = {}
    query = select(TABLE.c.device_id, func.count(), func.min(TABLE.c.seq), func.max(TABLE.c.seq))
    for device, count, low, high in connection.execute(query.group_by(TABLE.c.device_id)):
        if low != 1:
            vector[device] = 0
        elif count == high:
            vector[device] = int(high)
        else:
            vector[device] = _contiguous(connection, device)
    return vector


def _contiguous(connection: Connection, device: uuid.UUID) -> int:
    """The smallest seq whose successor is missing (seq 1 is known to be present)."""
    following = aliased(ChangeRecord)
    has_next = exists().where(following.device_id == device, following.seq == ChangeRecord.seq + 1)
    query = select(func.min(ChangeRecord.seq)).where(ChangeRecord.device_id == device, ~has_next)
    return int(connection.scalar(query) or 0)


def lacking(have: Mapping[uuid.UUID, int], other: Mapping[uuid.UUID, int]) -> Ranges:
    """What ``other`` lacks of what ``have`` holds, per origin device."""
    return {
        device: (other.get(device, 0), top)
        for device, top in have.items()
        if top > other.get(device, 0)
    }


def count_of(ranges: Ranges) -> int:
    return sum(high - low for low, high in ranges.values())


def read_batches(connection: Connection, ranges: Ranges, batch_size: int) -> Iterator[list[Change]]:
    """The changes in ``ranges`` in hybrid-logical-clock order, ``batch_size`` at a time. Each
    device's changes are read by primary key (seq order, which is its HLC order) and merged
    across devices by HLC, so causes come before effects (an organization before the people in
    it) and every batch extends each device's gap-free prefix."""
    cursors = {
        device: _DeviceCursor(connection, device, low, high, batch_size)
        for device, (low, high) in ranges.items()
    }
    heads = [
        (change.hlc, change.device_id.hex, change.seq, change)
        for cursor in cursors.values()
        if (change := cursor.next()) is not None
    ]
    heapq.heapify(heads)
    batch: list[Change] = []
    while heads:
        change = heapq.heappop(heads)[3]
        batch.append(change)
        following = cursors[change.device_id].next()
        if following is not None:
            heapq.heappush(
                heads, (following.hlc, following.device_id.hex, following.seq, following)
            )
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


class _DeviceCursor:
    """One device's changes (low, high], fetched a chunk at a time."""

    def __init__(
        self, connection: Connection, device: uuid.UUID, low: int, high: int, chunk: int
    ) -> None:
        self.connection, self.device, self.low, self.high, self.chunk = (
            connection,
            device,
            low,
            high,
            chunk,
        )
        self.buffer: deque[Change] = deque()

    def next(self) -> Change | None:
        if not self.buffer and self.low < self.high:
            query = (
                select(*COLUMNS)
                .where(
                    TABLE.c.device_id == self.device,
                    TABLE.c.seq > self.low,
                    TABLE.c.seq <= self.high,
                )
                .order_by(TABLE.c.seq)
                .limit(self.chunk)
            )
            self.buffer.extend(change_from_row(row) for row in self.connection.execute(query))
            # A missing record would otherwise make this loop forever; the range is then done.
            self.low = self.buffer[-1].seq if self.buffer else self.high
        return self.buffer.popleft() if self.buffer else None


def stamps(
    connection: Connection, keys: Iterable[tuple[uuid.UUID, int]]
) -> dict[tuple[uuid.UUID, int], tuple[str, str, str]]:
    """(hlc, entity, entity_id) of the stored changes among ``keys``: enough to tell a record
    this database already holds from a different one under the same (device, seq)."""
    by_device: dict[uuid.UUID, list[int]] = {}
    for device, seq in keys:
        by_device.setdefault(device, []).append(seq)
    found: dict[tuple[uuid.UUID, int], tuple[str, str, str]] = {}
    for device, seqs in by_device.items():
        wanted = set(seqs)
        query = select(TABLE.c.seq, TABLE.c.hlc, TABLE.c.entity, TABLE.c.entity_id).where(
            TABLE.c.device_id == device, TABLE.c.seq.between(min(seqs), max(seqs))
        )
        for seq, hlc, entity, entity_id in connection.execute(query):
            if seq in wanted:
                found[(device, int(seq))] = (hlc, entity, entity_id)
    return found
