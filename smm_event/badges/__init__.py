"""Signed badge tokens: Ed25519 keys (organizer signs, desks verify) and the QR text itself.

``keys`` and ``token`` are pure code, no database; ``store`` reads the accepted public keys
inside a caller's transaction; services and the CLI wire them to the workspace.
"""

from smm_event.badges.keys import (
    PublicKey,
    SigningKey,
    decrypt_private_key,
    encrypt_private_key,
    generate_signing_key,
    key_id_for,
    public_key_bytes,
    public_key_from_raw,
    public_key_of,
)
from smm_event.badges.token import (
    TOKEN_LENGTH,
    TOKEN_PREFIX,
    TokenCheck,
    event_tag,
    make_token,
    verify_token,
)

__all__ = [
    "TOKEN_LENGTH",
    "TOKEN_PREFIX",
    "PublicKey",
    "SigningKey",
    "TokenCheck",
    "decrypt_private_key",
    "encrypt_private_key",
    "event_tag",
    "generate_signing_key",
    "key_id_for",
    "make_token",
    "public_key_bytes",
    "public_key_from_raw",
    "public_key_of",
    "verify_token",
]
