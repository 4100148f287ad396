"""Signed badge tokens: Ed25519 keys (organizer signs, desks verify) and the QR text itself.

Pure code, no database: storage, services and the CLI wire these functions to the workspace.
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
    TokenResult,
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
    "TokenResult",
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
