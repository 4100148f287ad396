"""Badge signing keys: ids, the passphrase envelope, and the errors a user can hit."""

from __future__ import annotations

import unicodedata

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from smm_event.badges.keys import (
    decrypt_private_key,
    encrypt_private_key,
    generate_signing_key,
    key_id_for,
    public_key_bytes,
    public_key_from_raw,
    public_key_of,
)
from smm_event.errors import UserError

PASSPHRASE = "ёлка-палка 2024"


def test_key_id_is_four_hex_characters_of_the_public_key_hash() -> None:
    key = generate_signing_key()
    raw = public_key_bytes(key)
    assert len(raw) == 32
    assert len(key.key_id) == 4 and int(key.key_id, 16) >= 0
    assert key.key_id == key_id_for(raw)
    assert public_key_of(key) == public_key_from_raw(key.key_id, raw)


def test_generate_skips_key_ids_already_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    first = Ed25519PrivateKey.from_private_bytes(bytes(32))
    second = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    pending = [first, second]
    monkeypatch.setattr(Ed25519PrivateKey, "generate", staticmethod(lambda: pending.pop(0)))
    taken = key_id_for(first.public_key().public_bytes_raw())
    key = generate_signing_key(avoid_key_ids={taken})
    assert key.key_id != taken
    assert key.private_key.private_bytes_raw() == bytes(range(32))


def test_public_key_from_raw_rejects_a_mismatched_id_or_length() -> None:
    key = generate_signing_key()
    raw = public_key_bytes(key)
    other_id = format((int(key.key_id, 16) + 1) % 0x10000, "04x")
    for key_id, data in ((other_id, raw), (key.key_id, raw[:31])):
        with pytest.raises(UserError) as caught:
            public_key_from_raw(key_id, data)
        assert caught.value.code == "damaged_key"


def test_encrypted_key_round_trips_with_the_default_cost() -> None:
    key = generate_signing_key()
    blob = encrypt_private_key(key, PASSPHRASE)
    assert PASSPHRASE.encode() not in blob
    assert key.private_key.private_bytes_raw() not in blob
    assert blob[42] >= 15  # log2 of scrypt's N, right after magic, key id and public key
    restored = decrypt_private_key(blob, PASSPHRASE)
    assert restored.key_id == key.key_id
    assert restored.private_key.private_bytes_raw() == key.private_key.private_bytes_raw()


@pytest.mark.usefixtures("cheap_scrypt")
def test_wrong_passphrase_is_told_apart_from_a_damaged_blob() -> None:
    blob = encrypt_private_key(generate_signing_key(), PASSPHRASE)
    with pytest.raises(UserError) as caught:
        decrypt_private_key(blob, PASSPHRASE + "!")
    assert caught.value.code == "wrong_passphrase"
    flipped = bytearray(blob)
    flipped[60] ^= 0x01
    for junk in (b"", b"junk", blob[:-1], bytes(flipped), b"\0" * len(blob)):
        with pytest.raises(UserError) as caught:
            decrypt_private_key(junk, PASSPHRASE)
        assert caught.value.code == "damaged_key"


@pytest.mark.usefixtures("cheap_scrypt")
def test_passphrase_in_another_unicode_normal_form_still_opens_the_key() -> None:
    key = generate_signing_key()
    blob = encrypt_private_key(key, unicodedata.normalize("NFC", PASSPHRASE))
    restored = decrypt_private_key(blob, unicodedata.normalize("NFD", PASSPHRASE))
    assert restored.key_id == key.key_id


@pytest.mark.parametrize("passphrase", ["", "1234567", "пароль"])
def test_short_passphrases_are_refused(passphrase: str) -> None:
    with pytest.raises(UserError) as caught:
        encrypt_private_key(generate_signing_key(), passphrase)
    assert caught.value.code == "weak_passphrase"
    assert caught.value.params == {"min_length": 8}


@pytest.mark.parametrize(
    "passphrase", [" " * 8, "12345678", "password1", "qwertyuiop", "Qwerty123!"]
)
def test_guessable_passphrases_are_refused_whatever_their_length(passphrase: str) -> None:
    with pytest.raises(UserError) as caught:
        encrypt_private_key(generate_signing_key(), passphrase)
    assert caught.value.code == "weak_passphrase"


@pytest.mark.usefixtures("cheap_scrypt")
@pytest.mark.parametrize("passphrase", ["красный слон летит домой", "Весна2026 у моря"])
def test_unrelated_words_are_strong_enough(passphrase: str) -> None:
    key = generate_signing_key()
    blob = encrypt_private_key(key, passphrase)
    assert decrypt_private_key(blob, passphrase).key_id == key.key_id


def test_new_keys_get_todays_scrypt_cost_and_older_keys_still_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smm_event.badges import keys

    assert keys.SCRYPT_LOG2_N == 17  # n = 2**17, r = 8, p = 1
    key = generate_signing_key()
    monkeypatch.setattr(keys, "_SCRYPT_LOG2_N", keys.SCRYPT_LOG2_N)
    blob = encrypt_private_key(key, PASSPHRASE)
    assert blob[42:45] == bytes([17, 8, 1])  # after magic, key id and public key
    monkeypatch.setattr(keys, "_SCRYPT_LOG2_N", 15)  # a key made by the previous version
    older = encrypt_private_key(key, PASSPHRASE)
    monkeypatch.undo()
    assert older[42] == 15
    for sealed in (blob, older):
        assert decrypt_private_key(sealed, PASSPHRASE).key_id == key.key_id
