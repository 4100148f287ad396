"""Chain hashes for records central got before the log was signed (schema 0003 and earlier).

A laptop upgraded from 0003 computes the chain of every record it holds and signs its own
head (trust/upgrade.py), but central's copies of those records keep an empty ``chain_hash``:
push only sends what central lacks. A laptop enrolled later would then find every old record
on central "chain_broken" and never receive the programme. So after each sync a laptop fills
in, from its own log, the hashes (and its head signatures) central is missing. Nothing is
trusted for it: receivers recompute every hash from the record itself, so a hash written for
a record altered on the server still breaks the chain."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, and_, bindparam, select, update

from smm_event.storage.changeset import TABLE
from smm_event.storage.local_models import ChangeRecord
from smm_event.sync.central import connected
from smm_event.workspace import Workspace


def backfill_chain(ws: Workspace, engine: Engine) -> int:
    """Fill central's missing chain hashes from this laptop's log; returns how many."""
    with connected(engine) as connection:
        missing = {
            (device, int(seq))
            for device, seq in connection.execute(
                select(TABLE.c.device_id, TABLE.c.seq).where(TABLE.c.chain_hash.is_(None))
            )
        }
    if not missing:
        return 0
    spans: dict[uuid.UUID, tuple[int, int]] = {}
    for device, seq in missing:
        low, high = spans.get(device, (seq, seq))
        spans[device] = (min(low, seq), max(high, seq))
    known = []
    with ws.reading() as local:
        for device, (low, high) in spans.items():
            query = select(TABLE.c.seq, TABLE.c.chain_hash, TABLE.c.signature).where(
                and_(
                    TABLE.c.device_id == device,
                    TABLE.c.seq.between(low, high),
                    TABLE.c.chain_hash.is_not(None),
                )
            )
            for seq, chain_hash, signature in local.execute(query):
                if (device, int(seq)) in missing:
                    known.append({"d": device, "s": int(seq), "h": chain_hash, "g": signature})
    if not known:
        return 0
    statement = (
        update(ChangeRecord)
        .where(
            ChangeRecord.device_id == bindparam("d"),
            ChangeRecord.seq == bindparam("s"),
            ChangeRecord.chain_hash.is_(None),
        )
        .values(chain_hash=bindparam("h"), signature=bindparam("g"))
    )
    with connected(engine) as connection, connection.begin():
        connection.execute(statement, known)
    return len(known)
