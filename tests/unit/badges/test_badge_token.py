"""Badge tokens: the QR text fits a small code, and every kind of bad scan gets its own result."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable

import numpy as np
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.badges import (
    TOKEN_LENGTH,
    PublicKey,
    SigningKey,
    TokenCheck,
    event_tag,
    generate_signing_key,
    key_id_for,
    make_token,
    public_key_of,
    verify_token,
)
from smm_event.domain.badges import TokenResult

EVENT = uuid.UUID("6f1c2a4e-0b7d-4c5e-9a3f-2d8e1b4c7a90")
PARTICIPANT = uuid.UUID("0e3b5f7a-1c2d-4e6f-8a9b-c0d1e2f3a4b5")
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# The vector printed in docs/badge-token.md: private key bytes 00..1f, badge version 2.
GOLDEN = (
    "SMM1:KZDVD2APIEHDWX32DQWU434KTPANDYXTUS2QAAX2UFJ7QYUCJPGTM42YD3PGXJEVBBE2RFSFIPCKC2DQOAS5"
    "HOWSYA3Z3SF7F2ZWBAWNIPU53SR7ZQ5CNVVB7OHP4DPAUWG7EY7J3KYQ2QNK"
)


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return generate_signing_key()


@pytest.fixture(scope="module")
def keys(key: SigningKey) -> dict[str, PublicKey]:
    return {key.key_id: public_key_of(key)}


def roster(versions: dict[uuid.UUID, int]) -> Callable[[uuid.UUID], int | None]:
    return versions.get


def check(text: str, keys: dict[str, PublicKey], current: int | None = 1) -> TokenCheck:
    versions = {} if current is None else {PARTICIPANT: current}
    return verify_token(text, EVENT, keys, roster(versions))


def test_golden_vector_matches_the_documented_token() -> None:
    private_key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    key = SigningKey(key_id_for(private_key.public_key().public_bytes_raw()), private_key)
    assert key.key_id == "5647"
    assert event_tag(EVENT).hex() == "51e80f41"
    assert make_token(key, EVENT, PARTICIPANT, 2) == GOLDEN
    assert binascii.crc_hqx(b"123456789", 0xFFFF) == 0x29B1  # CRC-16/CCITT-FALSE check value


def test_token_is_qr_alphanumeric_and_fits_a_version_6_code(key: SigningKey) -> None:
    token = make_token(key, EVENT, PARTICIPANT, 65535)
    assert len(token) == TOKEN_LENGTH == 149
    assert set(token) <= QR_ALPHANUMERIC
    barcode = zxingcpp.create_barcode(token, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False))
    assert image.shape == (41, 41)  # version 6; version 7 would be 45 x 45
    read = zxingcpp.read_barcodes(np.asarray(barcode.to_image(scale=4)))
    assert [(r.text, r.extra["Version"], r.ec_level) for r in read] == [(token, "6", "M")]


def test_valid_token_names_the_participant(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    token = make_token(key, EVENT, PARTICIPANT, 3)
    expected = TokenCheck(TokenResult.VALID, PARTICIPANT, 3, key.key_id)
    assert check(token, keys, current=3) == expected
    assert check(f"  {token.lower()}\r\n", keys, current=3) == expected


def test_newer_badge_than_this_desk_knows_is_valid(
    key: SigningKey, keys: dict[str, PublicKey]
) -> None:
    result = check(make_token(key, EVENT, PARTICIPANT, 4), keys, current=2)
    assert (result.result, result.badge_version) == (TokenResult.VALID, 4)


def test_replaced_badge(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    result = check(make_token(key, EVENT, PARTICIPANT, 1), keys, current=2)
    assert result == TokenCheck(TokenResult.REPLACED, PARTICIPANT, 1, key.key_id)


def test_unknown_participant(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    result = check(make_token(key, EVENT, PARTICIPANT, 1), keys, current=None)
    assert result.result is TokenResult.UNKNOWN_PARTICIPANT
    assert result.participant_id == PARTICIPANT


def test_forged_with_another_key_under_our_key_id(
    key: SigningKey, keys: dict[str, PublicKey]
) -> None:
    impostor = SigningKey(key.key_id, Ed25519PrivateKey.generate())
    result = check(make_token(impostor, EVENT, PARTICIPANT, 1), keys)
    assert result == TokenCheck(TokenResult.FORGED_OR_DAMAGED, key_id=key.key_id)


def test_unknown_key(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    stranger = generate_signing_key(avoid_key_ids=keys)
    result = check(make_token(stranger, EVENT, PARTICIPANT, 1), keys)
    assert result == TokenCheck(TokenResult.UNKNOWN_KEY, key_id=stranger.key_id)


def test_several_keys_are_valid_at_once(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    new_key = generate_signing_key(avoid_key_ids=keys)
    both = {**keys, new_key.key_id: public_key_of(new_key)}
    for signer in (key, new_key):
        result = check(make_token(signer, EVENT, PARTICIPANT, 1), both)
        assert (result.result, result.key_id) == (TokenResult.VALID, signer.key_id)


def test_badge_of_another_event_is_not_ours(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    token = make_token(key, uuid.uuid4(), PARTICIPANT, 1)
    assert check(token, keys) == TokenCheck(TokenResult.NOT_OURS)


@pytest.mark.parametrize(
    "text",
    ["", "https://example.org/ticket/123", "Иванов", "SMM2:" + "A" * 144, "4607001234567"],
)
def test_foreign_text_is_not_ours(keys: dict[str, PublicKey], text: str) -> None:
    assert check(text, keys) == TokenCheck(TokenResult.NOT_OURS)


def test_truncated_or_padded_token_is_damaged(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    token = make_token(key, EVENT, PARTICIPANT, 1)
    for text in (token[:-1], token[:40], "SMM1:", token + "A", token + "===="):
        assert check(text, keys).result is TokenResult.FORGED_OR_DAMAGED, text


def test_any_one_changed_character_is_damaged(key: SigningKey, keys: dict[str, PublicKey]) -> None:
    token = make_token(key, EVENT, PARTICIPANT, 1)
    for position in range(5, len(token)):
        for replacement in (BASE32[(BASE32.index(token[position]) + 1) % 32], "8"):
            changed = token[:position] + replacement + token[position + 1 :]
            assert check(changed, keys) == TokenCheck(TokenResult.FORGED_OR_DAMAGED), position


def test_signature_is_checked_even_when_the_crc_is_right(
    key: SigningKey, keys: dict[str, PublicKey]
) -> None:
    # Someone who knows the format can fix the CRC; only the signature stops a changed person.
    payload = bytearray(base64.b32decode(make_token(key, EVENT, PARTICIPANT, 1)[5:]))
    payload[6:22] = uuid.uuid4().bytes
    payload[-2:] = binascii.crc_hqx(bytes(payload[:-2]), 0xFFFF).to_bytes(2, "big")
    forged = "SMM1:" + base64.b32encode(bytes(payload)).decode()
    assert check(forged, keys).result is TokenResult.FORGED_OR_DAMAGED


def test_badge_version_must_fit_two_bytes(key: SigningKey) -> None:
    for version in (-1, 65536):
        with pytest.raises(ValueError):
            make_token(key, EVENT, PARTICIPANT, version)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(BASE32 + "ЁЖ=01 \x00é"), max_size=160))
def test_any_scanned_text_gets_a_result_and_never_raises(body: str) -> None:
    result = verify_token("SMM1:" + body, EVENT, {}, lambda _: 1).result
    assert result in (TokenResult.FORGED_OR_DAMAGED, TokenResult.NOT_OURS)
