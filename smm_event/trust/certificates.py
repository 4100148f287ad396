"""Station certificates: the trust anchor's signature over what a station is allowed to be
(device id, public key, roles, event). A ``station`` record carries one, so it proves itself
wherever it travels; nobody but the anchor's holder can make one."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from smm_event.storage.chain import load_public_key

_DOMAIN = b"smm-event station certificate 1\x00"


def certificate_message(
    device_id: uuid.UUID, public_key: str, roles: str | Iterable[str], event_id: uuid.UUID
) -> bytes:
    if isinstance(roles, str):
        roles = roles.split()
    body = {
        "device_id": device_id.hex,
        "event_id": event_id.hex,
        "public_key": public_key,
        "roles": sorted(set(roles)),
    }
    return _DOMAIN + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def issue_certificate(
    anchor: Ed25519PrivateKey,
    device_id: uuid.UUID,
    public_key: str,
    roles: str | Iterable[str],
    event_id: uuid.UUID,
) -> str:
    return anchor.sign(certificate_message(device_id, public_key, roles, event_id)).hex()


def certificate_is_valid(anchor_key: str, device_id: uuid.UUID, payload: Mapping[str, Any]) -> bool:
    """Whether a station payload's key and roles are vouched for by the anchor."""
    anchor = load_public_key(anchor_key)
    try:
        roles = payload["roles"]
        public_key = payload["public_key"]
        event_id = uuid.UUID(str(payload["event_id"]))
        signature = bytes.fromhex(payload["certificate"])
        if anchor is None or not isinstance(roles, str) or not isinstance(public_key, str):
            return False
        if roles != " ".join(sorted(set(roles.split()))):
            return False  # one spelling only, so the signed text is the stored text
        anchor.verify(signature, certificate_message(device_id, public_key, roles, event_id))
    except (KeyError, ValueError, TypeError, AttributeError, InvalidSignature):
        return False
    return True
