"""The text in a badge's QR code: a signed, versioned token, and the one function that judges it.

``SMM1:`` + base32 (RFC 4648, upper case, no padding) of a 90-byte payload: key id, event tag,
participant UUID, badge version, Ed25519 signature, CRC-16. 149 characters, all in the QR
alphanumeric set, so the code is a version-6 QR (41 x 41 modules) at error correction M.
The byte layout, the signing input and the rules are in docs/badge-token.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from uuid import UUID

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from smm_event.badges.keys import PublicKey, SigningKey
from smm_event.domain.badges import TokenResult

TOKEN_PREFIX = "SMM1:"
EVENT_TAG_BYTES = 4
MAX_BADGE_VERSION = 0xFFFF

_SIGNED = struct.Struct(">2s4s16sH")  # key id, event tag, participant, badge version
_SIGNATURE_BYTES = 64
_CRC = struct.Struct(">H")
PAYLOAD_BYTES = _SIGNED.size + _SIGNATURE_BYTES + _CRC.size  # 90: a whole number of base32 groups
TOKEN_LENGTH = len(TOKEN_PREFIX) + PAYLOAD_BYTES * 8 // 5  # 149


@dataclass(frozen=True)
class TokenCheck:
    result: TokenResult
    participant_id: UUID | None = None
    badge_version: int | None = None
    key_id: str | None = None


def event_tag(event_id: UUID) -> bytes:
    """4 bytes that tell this event's badges from another event's without any key."""
    return hashlib.sha256(b"smm-event-tag:" + event_id.bytes).digest()[:EVENT_TAG_BYTES]


def make_token(key: SigningKey, event_id: UUID, participant_id: UUID, badge_version: int) -> str:
    if not 0 <= badge_version <= MAX_BADGE_VERSION:
        raise ValueError(f"badge_version out of range: {badge_version}")
    signed = _SIGNED.pack(
        bytes.fromhex(key.key_id), event_tag(event_id), participant_id.bytes, badge_version
    )
    signature = key.private_key.sign(_signing_input(event_id, signed))
    body = signed + signature
    payload = body + _CRC.pack(_crc16(body))
    return TOKEN_PREFIX + base64.b32encode(payload).decode("ascii")


def verify_token(
    text: str,
    event_id: UUID,
    public_keys: Mapping[str, PublicKey],
    current_badge_version: Callable[[UUID], int | None],
) -> TokenCheck:
    """Judge a scanned text. Pure apart from the two lookups the caller passes in.

    Whitespace is trimmed and lower case accepted; a Russian keyboard layout is undone earlier,
    by ``smm_event.scanning.keyboard_layout.normalize_scan``.

    Order matters: damage is ruled out first (base32 and CRC), so a changed character is never
    mistaken for another event's badge or an unknown key. A badge version above the current one
    is VALID: the badge was reissued on the organizer's machine and this desk is behind on sync.
    """
    normalized = text.strip().upper()
    if not normalized.startswith(TOKEN_PREFIX):
        return TokenCheck(TokenResult.NOT_OURS)
    payload = _decode_payload(normalized[len(TOKEN_PREFIX) :])
    if payload is None:
        return TokenCheck(TokenResult.FORGED_OR_DAMAGED)
    signed = payload[: _SIGNED.size]
    key_id_raw, tag, participant_raw, badge_version = _SIGNED.unpack(signed)
    if tag != event_tag(event_id):
        return TokenCheck(TokenResult.NOT_OURS)
    key_id = key_id_raw.hex()
    public_key = public_keys.get(key_id)
    if public_key is None:
        return TokenCheck(TokenResult.UNKNOWN_KEY, key_id=key_id)
    signature = payload[_SIGNED.size : _SIGNED.size + _SIGNATURE_BYTES]
    try:
        _load_public_key(public_key.raw).verify(signature, _signing_input(event_id, signed))
    except (InvalidSignature, ValueError):
        return TokenCheck(TokenResult.FORGED_OR_DAMAGED, key_id=key_id)
    participant_id = UUID(bytes=participant_raw)
    return TokenCheck(
        _judge_version(badge_version, current_badge_version(participant_id)),
        participant_id,
        badge_version,
        key_id,
    )


def _judge_version(badge_version: int, current: int | None) -> TokenResult:
    if current is None:
        return TokenResult.UNKNOWN_PARTICIPANT
    if badge_version < current:
        return TokenResult.REPLACED
    return TokenResult.VALID


def _decode_payload(body: str) -> bytes | None:
    """The payload bytes, or None when the text is not exactly a clean, intact payload."""
    if len(body) != TOKEN_LENGTH - len(TOKEN_PREFIX):
        return None
    try:
        payload = base64.b32decode(body)
    except (binascii.Error, ValueError):
        return None
    (crc,) = _CRC.unpack(payload[-_CRC.size :])
    if crc != _crc16(payload[: -_CRC.size]):
        return None
    return payload


def _signing_input(event_id: UUID, signed: bytes) -> bytes:
    return TOKEN_PREFIX.encode("ascii") + event_id.bytes + signed


def _crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): catches any one changed character."""
    return binascii.crc_hqx(data, 0xFFFF)


@lru_cache(maxsize=64)
def _load_public_key(raw: bytes) -> Ed25519PublicKey:
    # Building the key object costs more than the check itself; desks hold a handful of keys.
    return Ed25519PublicKey.from_public_bytes(raw)
