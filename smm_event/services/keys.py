"""The event's badge signing keys: the organizer's laptop holds the private key (encrypted with
a passphrase); the public keys travel to every laptop through sync, several valid at once."""

from __future__ import annotations

import base64
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.badges import (
    SigningKey,
    decrypt_private_key,
    encrypt_private_key,
    generate_signing_key,
    public_key_of,
)
from smm_event.domain.keys import KeyInfo
from smm_event.errors import UserError
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.local_models import SigningKeyBlob
from smm_event.storage.models import PublicKey as PublicKeyRow
from smm_event.trust.enrollment import become_trust_root
from smm_event.workspace import Workspace


def init_keys(ws: Workspace, passphrase: str) -> KeyInfo:
    """The first signing key of the event. Refused when one exists: that is what rotate is for."""
    with ws.transaction() as session:
        current_event(session)
        if session.scalar(select(PublicKeyRow.id).limit(1)) is not None:
            raise UserError("keys_exist")
        info = _add_key(session, generate_signing_key(), passphrase)
        if changes.local_state(session).anchor_key is None:
            # The badge key's holder is the event's trust root (docs/trust.md).
            become_trust_root(session)
        return info


def rotate_keys(
    ws: Workspace, passphrase: str, retire_old: bool = False, new_passphrase: str | None = None
) -> KeyInfo:
    """A new signing key; badges signed with the old ones stay valid unless ``retire_old``.
    The new key is encrypted with ``new_passphrase``: a rotation after a passphrase may have
    leaked must not reuse it. (None keeps the old one, for scripts that rotate on a schedule.)
    The old private keys stay encrypted with the old passphrase, so nothing is re-encrypted."""
    with ws.transaction() as session:
        current_event(session)
        _unlock(session, passphrase)  # only the holder of the current key may rotate it
        existing = session.scalars(select(PublicKeyRow)).all()
        key = generate_signing_key(avoid_key_ids={row.id for row in existing})
        if retire_old:
            for row in existing:
                if not row.retired:
                    changes.record(session, "public_key", row.id, {"retired": True})
        return _add_key(session, key, passphrase if new_passphrase is None else new_passphrase)


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


KEY_FILE_FORMAT = "smm-event-signing-key/1"


def export_signing_key(ws: Workspace) -> bytes:
    """The current private key, still encrypted with its passphrase, for a second laptop that
    must sign (a desk reprinting badges, a laptop issuing certificates). The file is useless
    without the passphrase; it carries the event id so it cannot land in another event."""
    with ws.reading() as session:
        event = current_event(session)
        blob = _newest_blob(session)
        if blob is None:
            raise UserError("no_signing_key")
        document = {
            "format": KEY_FILE_FORMAT,
            "event_id": str(event.id),
            "key_id": blob.id,
            "encrypted": base64.b64encode(blob.encrypted).decode("ascii"),
        }
    return json.dumps(document, indent=2).encode("utf-8")


def import_signing_key(ws: Workspace, data: bytes, passphrase: str) -> KeyInfo:
    """Take a key exported on the organizer's laptop. The passphrase is checked now, so a
    wrong or damaged file is refused before the laptop counts on it."""
    try:
        document = json.loads(data.decode("utf-8"))
        key_id, encrypted = str(document["key_id"]), base64.b64decode(document["encrypted"])
        event_id = str(document["event_id"])
        if document.get("format") != KEY_FILE_FORMAT:
            raise ValueError(document.get("format"))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise UserError("not_a_key_file") from error
    with ws.transaction() as session:
        event = current_event(session)
        if event_id != str(event.id):
            raise UserError("key_of_another_event")
        key = decrypt_private_key(encrypted, passphrase)
        row = session.get(PublicKeyRow, key.key_id)
        if key.key_id != key_id or row is None:
            # The public key travels by sync; a key this laptop has never heard of would sign
            # badges no other desk accepts.
            raise UserError("key_unknown_here", key_id=key.key_id)
        existing = session.get(SigningKeyBlob, key.key_id)
        if existing is None:
            session.add(
                SigningKeyBlob(id=key.key_id, encrypted=encrypted, created_at=row.created_at)
            )
        return KeyInfo(key.key_id, row.created_at, row.retired, True)


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
