"""The event's badge signing keys: the organizer's laptop holds the private key (encrypted with
a passphrase); the public keys travel to every laptop through sync, several valid at once."""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.badges import (
    PublicKey,
    SigningKey,
    decrypt_private_key,
    encrypt_private_key,
    generate_signing_key,
    public_key_from_raw,
    public_key_of,
)
from smm_event.domain.keys import KeyInfo
from smm_event.errors import UserError
from smm_event.services.context import current_event
from smm_event.storage import changes
from smm_event.storage.local_models import SigningKeyBlob
from smm_event.storage.models import PublicKey as PublicKeyRow
from smm_event.workspace import Workspace


def init_keys(ws: Workspace, passphrase: str) -> KeyInfo:
    """The first signing key of the event. Refused when one exists: that is what rotate is for."""
    with ws.transaction() as session:
        current_event(session)
        if session.scalar(select(PublicKeyRow.id).limit(1)) is not None:
            raise UserError("keys_exist")
        return _add_key(session, generate_signing_key(), passphrase)


def rotate_keys(ws: Workspace, passphrase: str, retire_old: bool = False) -> KeyInfo:
    """A new signing key; badges signed with the old ones stay valid unless ``retire_old``."""
    with ws.transaction() as session:
        current_event(session)
        _unlock(session, passphrase)  # only the holder of the current key may rotate it
        existing = session.scalars(select(PublicKeyRow)).all()
        key = generate_signing_key(avoid_key_ids={row.id for row in existing})
        if retire_old:
            for row in existing:
                if not row.retired:
                    changes.record(session, "public_key", row.id, {"retired": True})
        return _add_key(session, key, passphrase)


def unlock_signing_key(ws: Workspace, passphrase: str) -> SigningKey:
    with ws.reading() as session:
        return _unlock(session, passphrase)


def can_sign(ws: Workspace) -> bool:
    with ws.reading() as session:
        return _newest_blob(session) is not None


def list_keys(ws: Workspace) -> tuple[KeyInfo, ...]:
    with ws.reading() as session:
        local = set(session.scalars(select(SigningKeyBlob.id)))
        rows = session.scalars(select(PublicKeyRow).order_by(PublicKeyRow.created_at)).all()
        return tuple(KeyInfo(r.id, r.created_at, r.retired, r.id in local) for r in rows)


def public_keys(session: Session) -> dict[str, PublicKey]:
    """The keys a desk accepts badges from (retired keys excluded)."""
    rows = session.scalars(select(PublicKeyRow).where(PublicKeyRow.retired.is_(False)))
    return {row.id: public_key_from_raw(row.id, base64.b64decode(row.public_key)) for row in rows}


def _add_key(session: Session, key: SigningKey, passphrase: str) -> KeyInfo:
    blob = encrypt_private_key(key, passphrase)
    now = changes.utc_now()
    session.add(SigningKeyBlob(id=key.key_id, encrypted=blob, created_at=now))
    public = public_key_of(key)
    changes.record(
        session,
        "public_key",
        key.key_id,
        {
            "public_key": base64.b64encode(public.raw).decode("ascii"),
            "created_at": now,
            "retired": False,
        },
    )
    return KeyInfo(key.key_id, now, False, True)


def _newest_blob(session: Session) -> SigningKeyBlob | None:
    retired = set(session.scalars(select(PublicKeyRow.id).where(PublicKeyRow.retired.is_(True))))
    blobs = session.scalars(select(SigningKeyBlob).order_by(SigningKeyBlob.created_at.desc())).all()
    return next((blob for blob in blobs if blob.id not in retired), None)


def _unlock(session: Session, passphrase: str) -> SigningKey:
    blob = _newest_blob(session)
    if blob is None:
        raise UserError("no_signing_key")
    return decrypt_private_key(blob.encrypted, passphrase)
