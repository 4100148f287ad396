"""Ed25519 keys for badge tokens, and the passphrase envelope that keeps the private key at rest.

Only the organizer's machine holds a private key; desks get public keys, so a lost desk laptop
cannot mint badges (GUIDE §5). Several public keys may be valid at once (rotation); a token names
its key by a 2-byte key id, written here as 4 lower-case hex characters.

The private key is stored in our own envelope (scrypt + AES-256-GCM) rather than an encrypted
PKCS#8 PEM: cryptography's ``BestAvailableEncryption`` for PKCS#8 derives the key with a cheap
PBKDF2 (about 1 ms here, so a stolen blob is cheap to brute-force) and its errors do not tell a
wrong passphrase from a damaged file. The envelope carries a SHA-256 checksum of itself, so
damage is reported as ``damaged_key`` and an authentication failure on an intact envelope can
only mean ``wrong_passphrase``. The layout is in docs/badge-token.md.
"""

from __future__ import annotations

import hashlib
import os
import struct
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from smm_event.errors import UserError

KEY_ID_BYTES = 2
MIN_PASSPHRASE_LENGTH = 8
MIN_PASSPHRASE_SCORE = 3  # zxcvbn, 0-4

_MAGIC = b"SMMKEY1\0"
# scrypt cost n=2**17, r=8, p=1 (OWASP's recommendation): 128 MiB and ~0.3 s on the reference
# laptop. Stored in each blob, so keys made with the earlier 2**15 still open.
SCRYPT_LOG2_N = 17
_SCRYPT_LOG2_N = SCRYPT_LOG2_N  # what new keys get (the tests lower it for speed)
_SCRYPT_R = 8
_SCRYPT_P = 1
_HEADER = struct.Struct(">8s2s32sBBB16s12s")  # magic, key id, public key, log2 n, r, p, salt, nonce
_CIPHERTEXT_LENGTH = 32 + 16  # raw private key + GCM tag
_CHECKSUM_LENGTH = 16
_BLOB_LENGTH = _HEADER.size + _CIPHERTEXT_LENGTH + _CHECKSUM_LENGTH


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private_key: Ed25519PrivateKey


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    raw: bytes


def key_id_for(raw_public_key: bytes) -> str:
    """The first 2 bytes of SHA-256 of the raw 32-byte public key, as 4 hex characters."""
    return hashlib.sha256(raw_public_key).digest()[:KEY_ID_BYTES].hex()


def generate_signing_key(avoid_key_ids: Collection[str] = ()) -> SigningKey:
    """A new key whose id differs from ``avoid_key_ids`` (the ids still valid at the desks)."""
    while True:
        private_key = Ed25519PrivateKey.generate()
        key_id = key_id_for(_raw_public(private_key))
        if key_id not in avoid_key_ids:
            return SigningKey(key_id, private_key)


def public_key_bytes(key: SigningKey) -> bytes:
    return _raw_public(key.private_key)


def public_key_of(key: SigningKey) -> PublicKey:
    return PublicKey(key.key_id, public_key_bytes(key))


def public_key_from_raw(key_id: str, raw: bytes) -> PublicKey:
    """Check that ``raw`` is a 32-byte key whose id is ``key_id`` (catches mixed-up imports)."""
    if len(raw) != 32 or key_id_for(raw) != key_id:
        raise UserError("damaged_key", key_id=key_id)
    return PublicKey(key_id, bytes(raw))


def check_passphrase_strength(passphrase: str) -> None:
    """zxcvbn's estimate, not a length rule: «        » (8 spaces) or «password1» are
    refused, a few unrelated words pass. Score 3 = "safely unguessable" offline at 10^4/s."""
    from zxcvbn import zxcvbn  # deferred: its dictionaries take ~0.2 s to load

    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError("weak_passphrase", min_length=MIN_PASSPHRASE_LENGTH)
    if zxcvbn(passphrase[:100])["score"] < MIN_PASSPHRASE_SCORE:
        raise UserError("weak_passphrase", min_length=MIN_PASSPHRASE_LENGTH)


def encrypt_private_key(key: SigningKey, passphrase: str) -> bytes:
    check_passphrase_strength(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(
        _MAGIC,
        bytes.fromhex(key.key_id),
        public_key_bytes(key),
        _SCRYPT_LOG2_N,
        _SCRYPT_R,
        _SCRYPT_P,
        salt,
        nonce,
    )
    secret = _derive(passphrase, salt, _SCRYPT_LOG2_N, _SCRYPT_R, _SCRYPT_P)
    ciphertext = AESGCM(secret).encrypt(nonce, key.private_key.private_bytes_raw(), header)
    body = header + ciphertext
    return body + _checksum(body)


def decrypt_private_key(blob: bytes, passphrase: str) -> SigningKey:
    """Raises ``UserError("damaged_key")`` or ``UserError("wrong_passphrase")``."""
    if len(blob) != _BLOB_LENGTH or _checksum(blob[:-_CHECKSUM_LENGTH]) != blob[-_CHECKSUM_LENGTH:]:
        raise UserError("damaged_key")
    header, ciphertext = blob[: _HEADER.size], blob[_HEADER.size : -_CHECKSUM_LENGTH]
    magic, key_id, public_raw, log2_n, r, p, salt, nonce = _HEADER.unpack(header)
    if magic != _MAGIC or not 10 <= log2_n <= 20 or not 1 <= r <= 16 or not 1 <= p <= 4:
        raise UserError("damaged_key")
    try:
        secret = AESGCM(_derive(passphrase, salt, log2_n, r, p))
        private_raw = secret.decrypt(nonce, ciphertext, header)
    except InvalidTag:
        raise UserError("wrong_passphrase") from None
    private_key = Ed25519PrivateKey.from_private_bytes(private_raw)
    if _raw_public(private_key) != public_raw or key_id_for(public_raw) != key_id.hex():
        raise UserError("damaged_key")
    return SigningKey(key_id.hex(), private_key)


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    # NFC so that the same Cyrillic passphrase typed on Windows and Linux gives the same bytes.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(secret)


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:_CHECKSUM_LENGTH]


def _raw_public(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
