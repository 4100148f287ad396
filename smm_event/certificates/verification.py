"""The text in a certificate's QR code: the printed facts, signed with the event's Ed25519 key,
so anyone with the event's public keys can check a certificate with no network.

``SMMC1:`` + base32 (RFC 4648, upper case, no padding) of::

    key id (2) | event tag (4) | flags (1) | version (1) | stream (1) |
    first day (2) | last day (2) | number length (1) | number | name length (1) | name |
    Ed25519 signature (64) | CRC-16 (2)

Days count from 2000-01-01. The number and the nominative name are cp1251 (one byte a Cyrillic
letter, so a 40-letter name costs 40 bytes) unless a flag bit says UTF-8 (a letter cp1251 lacks).
The signature covers ``SMMC1:`` + the event UUID + everything before it; the prefix differs from
a badge's ``SMM1:``, so neither signature can be passed off as the other. The CRC (as in badge
tokens) is checked first, so a damaged or mistyped code reads NOT_GENUINE, never "another
event's". Every character is in
the QR alphanumeric set: a typical certificate is a version 9-10 code at error correction M.

The status (valid, void, replaced) is deliberately not in the code: a printed code cannot change
when a certificate is voided; the register says that (see services.certificates).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from smm_event.badges.keys import PublicKey, SigningKey
from smm_event.badges.token import event_tag
from smm_event.domain.certificates import CertificateCheck, CertificateResult

PREFIX = "SMMC1:"
EPOCH = dt.date(2000, 1, 1)
MAX_FIELD_BYTES = 255

_HEAD = struct.Struct(">2s4sBBBHH")  # key id, event tag, flags, version, stream, first, last
_SIGNATURE_BYTES = 64
_CRC = struct.Struct(">H")
_NUMBER_UTF8 = 0x01
_NAME_UTF8 = 0x02


@dataclass(frozen=True)
class CertificateFacts:
    """What the QR vouches for. ``stream_number`` 0 stands for no stream."""

    number: str
    full_name: str
    stream_number: int | None
    starts_on: dt.date
    ends_on: dt.date
    version: int = 1


def _encode_text(text: str) -> tuple[bytes, bool]:
    try:
        raw, utf8 = text.encode("cp1251"), False
    except UnicodeEncodeError:
        raw, utf8 = text.encode("utf-8"), True
    if len(raw) > MAX_FIELD_BYTES:
        raise ValueError(f"too long for a certificate code: {text!r}")
    return raw, utf8


def _days(day: dt.date) -> int:
    days = (day - EPOCH).days
    if not 0 <= days <= 0xFFFF:
        raise ValueError(f"date out of range for a certificate code: {day}")
    return days


def _signed_bytes(key_id: str, event_id: UUID, facts: CertificateFacts) -> bytes:
    if not 1 <= facts.version <= 255 or not 0 <= (facts.stream_number or 0) <= 255:
        raise ValueError("version or stream number out of range")
    number, number_utf8 = _encode_text(facts.number)
    name, name_utf8 = _encode_text(facts.full_name)
    flags = (_NUMBER_UTF8 if number_utf8 else 0) | (_NAME_UTF8 if name_utf8 else 0)
    head = _HEAD.pack(
        bytes.fromhex(key_id), event_tag(event_id), flags, facts.version,
        facts.stream_number or 0, _days(facts.starts_on), _days(facts.ends_on),
    )  # fmt: skip
    return head + bytes([len(number)]) + number + bytes([len(name)]) + name


def _signing_input(event_id: UUID, signed: bytes) -> bytes:
    return PREFIX.encode("ascii") + event_id.bytes + signed


def make_certificate_text(key: SigningKey, event_id: UUID, facts: CertificateFacts) -> str:
    """The QR text for a certificate. Ed25519 is deterministic: the same facts and key always
    give the same text, so a certificate's PDF can be rebuilt byte for byte."""
    signed = _signed_bytes(key.key_id, event_id, facts)
    signature = key.private_key.sign(_signing_input(event_id, signed))
    body = signed + signature
    payload = body + _CRC.pack(_crc16(body))
    return PREFIX + base64.b32encode(payload).decode("ascii").rstrip("=")


def _crc16(data: bytes) -> int:
    return binascii.crc_hqx(data, 0xFFFF)


def _intact_payload(body: str) -> bytes | None:
    """The payload without its CRC, or None when the text is not a clean, intact payload."""
    if len(body) % 8 in (1, 3, 6):  # lengths no byte string encodes to
        return None
    try:
        payload = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        return None
    if len(payload) <= _CRC.size or base64.b32encode(payload).decode("ascii").rstrip("=") != body:
        return None
    (crc,) = _CRC.unpack(payload[-_CRC.size :])
    return payload[: -_CRC.size] if crc == _crc16(payload[: -_CRC.size]) else None


def _split(payload: bytes) -> tuple[tuple[Any, ...], str, str, bytes, bytes] | None:
    """(head fields, number, name, signed part, signature), or None when malformed."""
    if len(payload) < _HEAD.size + 2 + _SIGNATURE_BYTES:
        return None
    head = _HEAD.unpack(payload[: _HEAD.size])
    flags = head[2]
    at = _HEAD.size
    texts: list[str] = []
    for utf8 in (flags & _NUMBER_UTF8, flags & _NAME_UTF8):
        if at >= len(payload):
            return None
        length = payload[at]
        raw = payload[at + 1 : at + 1 + length]
        at += 1 + length
        try:
            texts.append(raw.decode("utf-8" if utf8 else "cp1251"))
        except UnicodeDecodeError:
            return None
    if len(payload) - at != _SIGNATURE_BYTES:
        return None
    return head, texts[0], texts[1], payload[:at], payload[at:]


def verify_certificate_text(
    text: str, event_id: UUID, public_keys: Mapping[str, PublicKey]
) -> CertificateCheck:
    """Judge a scanned or typed certificate code. Any change to any character makes it
    NOT_GENUINE (or NOT_OURS when it no longer reads as this event's code)."""
    normalized = "".join(text.split()).upper()
    if not normalized.startswith(PREFIX):
        return CertificateCheck(CertificateResult.NOT_OURS)
    payload = _intact_payload(normalized[len(PREFIX) :])
    parts = _split(payload) if payload is not None else None
    if parts is None:
        return CertificateCheck(CertificateResult.NOT_GENUINE)
    (key_raw, tag, _flags, version, stream, first, last), number, name, signed, signature = parts
    key_id = bytes(key_raw).hex()
    if tag != event_tag(event_id):
        # Another event's code, or one whose tag was altered: either way not ours to vouch for.
        return CertificateCheck(CertificateResult.NOT_OURS, key_id=key_id)
    public_key = public_keys.get(key_id)
    if public_key is None:
        return CertificateCheck(CertificateResult.UNKNOWN_KEY, key_id=key_id)
    try:
        Ed25519PublicKey.from_public_bytes(public_key.raw).verify(
            signature, _signing_input(event_id, signed)
        )
    except (InvalidSignature, ValueError):
        return CertificateCheck(CertificateResult.NOT_GENUINE, key_id=key_id)
    return CertificateCheck(
        CertificateResult.GENUINE,
        number=number,
        full_name=name,
        stream_number=stream or None,
        starts_on=EPOCH + dt.timedelta(days=first),
        ends_on=EPOCH + dt.timedelta(days=last),
        version=version,
        key_id=key_id,
    )
