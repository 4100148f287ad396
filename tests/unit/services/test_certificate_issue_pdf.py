"""Issued certificates as people receive them: Cyrillic that extracts back, a QR code that reads
from the printed page and verifies offline, and the dative wording after the review step."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from smm_event.certificates.config import settings_from_event
from smm_event.domain.certificates import CertificateResult, CertificateSettings, SkipReason
from smm_event.errors import UserError
from smm_event.services import certificates
from smm_event.services.participants import get_participant
from smm_event.storage import changes
from smm_event.text.declension import ReviewReason
from smm_event.workspace import Workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import (
    NOW,
    Prepared,
)

prepared = certificate_support.prepared  # the shared fixtures
ws = certificate_support.ws


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages]


def _codes(pdf: Path, dpi: int = 150) -> list[str]:
    texts = []
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    for page in document:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        texts += [
            c.text for c in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        ]
    document.close()
    return texts


def test_printed_page_reads_back_and_its_qr_verifies(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    report = certificates.issue_certificates(
        ws,
        prepared.key,
        participant_ids=prepared.stream1[:3],
        pdf_path=tmp_path / "batch.pdf",
        now=NOW,
    )
    pages = _pages(tmp_path / "batch.pdf")
    codes = _codes(tmp_path / "batch.pdf")
    assert len(pages) == 3 and codes == [r.verify_text for r in report.issued]
    for text, record in zip(pages, report.issued, strict=True):
        assert record.full_name in text and f"№ {record.number}" in text
        assert "Поток 1 «Базовый»" in text and "12–15 мая 2026 года" in text
        assert "Центр компетенций по SMM для НКО" in text
    verification = certificates.verify_certificate(ws, codes[0])
    assert verification.valid
    assert verification.check.full_name == report.issued[0].full_name
    assert verification.record is not None and verification.record.number == "001/2026"


def test_qr_still_reads_at_a_coarse_scan(ws: Workspace, prepared: Prepared, tmp_path: Path) -> None:
    report = certificates.issue_certificates(
        ws,
        prepared.key,
        participant_ids=prepared.stream1[:1],
        pdf_path=tmp_path / "one.pdf",
        now=NOW,
    )
    assert _codes(tmp_path / "one.pdf", dpi=100) == [report.issued[0].verify_text]


def test_tampered_code_is_not_genuine(ws: Workspace, prepared: Prepared) -> None:
    (record,) = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:1], now=NOW
    ).issued
    text = record.verify_text
    tampered = text[:40] + ("B" if text[40] != "B" else "C") + text[41:]
    verdict = certificates.verify_certificate(ws, tampered)
    assert verdict.check.result is CertificateResult.NOT_GENUINE and not verdict.valid
    assert (
        certificates.verify_certificate(ws, "SMMC1:HELLO").check.result
        is CertificateResult.NOT_GENUINE
    )


def _use_dative(ws: Workspace) -> None:
    certificates.save_settings(ws, CertificateSettings(template="dative"))


def _rename(ws: Workspace, person: object, **fields: object) -> None:
    with ws.transaction() as session:
        changes.record(session, "participant", person, fields)  # type: ignore[arg-type]


def test_dative_certificates_wait_for_the_name_review(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    _use_dative(ws)
    assert settings_from_event({"certificates": {"template": "dative"}}).template == "dative"
    first, second = prepared.stream1[:2]
    _rename(
        ws, first, surname="Мамедова", first_name="Айгюн", patronymic="Рафик кызы", gender="female"
    )
    _rename(ws, second, surname="Гогуадзе", first_name="Нино", patronymic=None, gender=None)
    pending = {r.participant_id: r for r in certificates.name_reviews(ws, 1, only_pending=True)}
    assert first in pending and second in pending
    assert ReviewReason.TURKIC_PATRONYMIC in pending[first].reasons
    assert pending[first].suggested == "Мамедовой Айгюн Рафик кызы"
    assert ReviewReason.GENDER_UNKNOWN in pending[second].reasons
    report = certificates.issue_certificates(
        ws, prepared.key, participant_ids=[first, second], now=NOW
    )
    assert report.issued == ()
    assert {s.reason for s in report.skipped} == {SkipReason.NAME_NOT_REVIEWED}

    confirmed = certificates.set_dative_name(ws, first)  # the suggestion is right
    corrected = certificates.set_dative_name(ws, second, "  Гогуадзе  Нино ")
    assert confirmed.confirmed and not confirmed.needs_review
    assert corrected.dative == "Гогуадзе Нино"
    report = certificates.issue_certificates(
        ws, prepared.key, participant_ids=[first, second], pdf_path=tmp_path / "d.pdf", now=NOW
    )
    assert [r.name_line for r in report.issued] == ["Мамедовой Айгюн Рафик кызы", "Гогуадзе Нино"]
    text = _pages(tmp_path / "d.pdf")[0]
    assert "Настоящий сертификат выдан" in text and "Мамедовой Айгюн Рафик кызы" in text
    assert "в том, что она прошла обучение" in text
    # The QR names the person in the nominative, as the register does.
    assert certificates.verify_certificate(ws, report.issued[0].verify_text).check.full_name == (
        "Мамедова Айгюн Рафик кызы"
    )


def test_a_corrected_name_sends_a_confirmed_form_back_to_review(
    ws: Workspace, prepared: Prepared
) -> None:
    person = prepared.stream1[0]
    certificates.set_dative_name(ws, person, "Кому-то Иному")
    _rename(ws, person, surname="Новая")
    (review,) = [r for r in certificates.name_reviews(ws, 1) if r.participant_id == person]
    assert review.stale and review.needs_review and not review.confirmed
    assert review.dative.startswith("Новой") or review.dative.startswith("Новая")
    with pytest.raises(UserError) as error:
        certificates.set_dative_name(ws, person, "   ")
    assert error.value.code == "bad_name_line"
    assert get_participant(ws, person).surname == "Новая"
