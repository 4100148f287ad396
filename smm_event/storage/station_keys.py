"""This laptop's station key: generated on the laptop, kept in its workspace (local-only table,
the workspace file is owner-readable only), never replicated or exported."""

from __future__ import annotations

import datetime as dt
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from smm_event.storage.chain import public_key_hex
from smm_event.storage.trust_models import StationKey


def _utc_now() -> dt.datetime:
    # storage.changes.utc_now, without importing changes (which signs through this module).
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# Loaded keys by device id: a signature per transaction must not cost a query and a parse.
_LOADED: dict[uuid.UUID, Ed25519PrivateKey] = {}


def ensure_station_key(session: Session, device_id: uuid.UUID) -> Ed25519PrivateKey:
    row = session.get(StationKey, device_id)
    if row is None:
        key = Ed25519PrivateKey.generate()
        session.add(
            StationKey(
                device_id=device_id, private_key=key.private_bytes_raw(), created_at=_utc_now()
            )
        )
        session.flush()
        _LOADED[device_id] = key
        return key
    return signer(session, device_id)


def signer(session: Session, device_id: uuid.UUID) -> Ed25519PrivateKey:
    key = _LOADED.get(device_id)
    if key is None:
        row = session.get(StationKey, device_id)
        if row is None:
            raise RuntimeError("this workspace has no station key; open it with open_workspace()")
        key = _LOADED.setdefault(device_id, Ed25519PrivateKey.from_private_bytes(row.private_key))
    return key


def own_public_key(session: Session, device_id: uuid.UUID) -> str:
    return public_key_hex(signer(session, device_id))
