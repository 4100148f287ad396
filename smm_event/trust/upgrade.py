"""Opening a workspace written before the log was signed (schema 0003): every record gets its
chain hash, this laptop signs its own chain's head with its new station key (the "signed
statement" that adopts what it wrote before), and the holder of the badge signing key becomes
the event's trust root. Other laptops' old records stay pending here until their own station,
once enrolled, signs a later record (which vouches for its whole chain)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from smm_event.storage import chain
from smm_event.storage.local_models import ChangeRecord, LocalState, SigningKeyBlob
from smm_event.storage.station_keys import signer


def adopt_unchained_log(session: Session) -> None:
    state = session.get_one(LocalState, 1)
    if state.chain_hash is None and state.last_seq > 0:
        _chain_everything(session, state)
    if state.anchor_key is None and session.scalar(select(SigningKeyBlob.id).limit(1)):
        from smm_event.trust.enrollment import become_trust_root

        become_trust_root(session)


def _chain_everything(session: Session, state: LocalState) -> None:
    table: Any = ChangeRecord.__table__
    previous: dict[object, str | None] = {}
    heads: dict[object, tuple[int, str]] = {}
    query = select(
        table.c.device_id,
        table.c.seq,
        table.c.hlc,
        table.c.entity,
        table.c.entity_id,
        table.c.payload,
        table.c.recorded_at,
    ).order_by(table.c.device_id, table.c.seq)
    updates = []
    for device, seq, hlc, entity, entity_id, payload, recorded_at in session.execute(query):
        record_bytes = chain.canonical_bytes(
            device, seq, hlc, entity, entity_id, payload, recorded_at
        )
        value = chain.next_hash(previous.get(device), record_bytes)
        previous[device] = value
        heads[device] = (seq, value)
        updates.append({"d": device, "s": seq, "h": value})
    statement = (
        update(table)
        .where(table.c.device_id == bindparam("d"), table.c.seq == bindparam("s"))
        .values(chain_hash=bindparam("h"))
    )
    session.connection().execute(statement, updates)
    own = heads.get(state.device_id)
    if own is not None:
        seq, value = own
        state.chain_hash = value
        signature = chain.sign_head(signer(session, state.device_id), state.device_id, seq, value)
        session.execute(
            update(table)
            .where(table.c.device_id == state.device_id, table.c.seq == seq)
            .values(signature=signature)
        )
