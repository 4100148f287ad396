"""The certificate QR text: signed facts that verify with no network; any change is caught."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.badges import generate_signing_key, make_token, public_key_of
from smm_event.certificates.verification import (
    PREFIX,
    CertificateFacts,
    make_certificate_text,
    verify_certificate_text,
)
from smm_event.domain.certificates import CertificateResult
from smm_event.pdf.qr import qr_modules

EVENT = uuid.UUID("6b1f0e8e-1f51-4a53-9a55-6d7e2b0c4f11")
KEY = generate_signing_key()
KEYS = {KEY.key_id: public_key_of(KEY)}
FACTS = CertificateFacts(
    "001/2026", "Мамедова Айгюн Рафик кызы", 1, dt.date(2026, 5, 12), dt.date(2026, 5, 15)
)
TEXT = make_certificate_text(KEY, EVENT, FACTS)
QR_ALPHANUMERIC = re.compile(r"^[0-9A-Z $%*+\-./:]+$")


def test_round_trip_gives_back_every_fact() -> None:
    check = verify_certificate_text(TEXT, EVENT, KEYS)
    assert check.result is CertificateResult.GENUINE and check.genuine
    assert (check.number, check.full_name, check.stream_number) == ("001/2026", FACTS.full_name, 1)
    assert (check.starts_on, check.ends_on, check.version) == (FACTS.starts_on, FACTS.ends_on, 1)
    assert check.key_id == KEY.key_id


def test_compact_and_in_the_qr_alphanumeric_set() -> None:
    assert TEXT.startswith(PREFIX)
    assert QR_ALPHANUMERIC.match(TEXT)
    assert len(TEXT) < 200
    assert qr_modules(TEXT).shape[0] <= 57  # version 10 or less at error correction M


def test_deterministic_so_a_pdf_can_be_rebuilt_byte_for_byte() -> None:
    assert make_certificate_text(KEY, EVENT, FACTS) == TEXT


def test_scanner_noise_is_tolerated() -> None:
    assert verify_certificate_text(f"  {TEXT.lower()}\r\n", EVENT, KEYS).genuine


def test_names_outside_cp1251_travel_as_utf8() -> None:
    facts = CertificateFacts(
        "002-Ə/2026", "Hüseynova Şəbnəm", 3, dt.date(2026, 5, 26), dt.date(2026, 5, 29), 2
    )
    check = verify_certificate_text(make_certificate_text(KEY, EVENT, facts), EVENT, KEYS)
    assert check.genuine and (check.full_name, check.number, check.version) == (
        "Hüseynova Şəbnəm", "002-Ə/2026", 2,
    )  # fmt: skip


def test_other_event_unknown_key_and_foreign_text() -> None:
    assert verify_certificate_text(TEXT, uuid.uuid4(), KEYS).result is CertificateResult.NOT_OURS
    assert verify_certificate_text(TEXT, EVENT, {}).result is CertificateResult.UNKNOWN_KEY
    assert (
        verify_certificate_text("https://example.org", EVENT, KEYS).result
        is CertificateResult.NOT_OURS
    )
    badge = make_token(KEY, EVENT, uuid.uuid4(), 1)
    assert verify_certificate_text(badge, EVENT, KEYS).result is CertificateResult.NOT_OURS


def test_a_forged_certificate_signed_with_another_key_is_not_genuine() -> None:
    other = generate_signing_key()
    forged = make_certificate_text(other, EVENT, FACTS)
    # Claim our key id: the signature cannot match.
    payload_keyed = {KEY.key_id: public_key_of(KEY), other.key_id: public_key_of(KEY)}
    assert (
        verify_certificate_text(forged, EVENT, payload_keyed).result
        is CertificateResult.NOT_GENUINE
    )


def test_truncated_or_padded_text_is_not_genuine() -> None:
    for text in (TEXT[:-1], TEXT[:-8], TEXT + "A", TEXT + "AAAAAAAA", PREFIX, PREFIX + "!!"):
        assert verify_certificate_text(text, EVENT, KEYS).result is CertificateResult.NOT_GENUINE, (
            text
        )


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(TEXT) - len(PREFIX) - 1), st.sampled_from(_BASE32))
def test_any_changed_character_is_never_genuine(position: int, replacement: str) -> None:
    index = len(PREFIX) + position
    tampered = TEXT[:index] + replacement + TEXT[index + 1 :]
    check = verify_certificate_text(tampered, EVENT, KEYS)
    if tampered == TEXT:
        assert check.genuine
    else:
        assert check.result is CertificateResult.NOT_GENUINE


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_verdict_not_an_exception(text: str) -> None:
    assert verify_certificate_text(text, EVENT, KEYS).result in CertificateResult
