"""Issuing into the register: gap-free numbers, frozen data with the PDF hash, void and reissue
keeping the number, cancel using no number, and the XLSX export."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smm_event.certificates.compose import data_from_row, load_template
from smm_event.domain.certificates import CertificateResult, CertificateStatus, SkipReason
from smm_event.errors import UserError
from smm_event.pdf.certificates import RenderCancelled, certificate_sha256
from smm_event.services import certificates
from smm_event.services.participants import list_participants
from smm_event.storage import changes
from smm_event.storage.certificate_models import Certificate
from smm_event.workspace import Workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import (
    NOW,
    Prepared,
)

prepared = certificate_support.prepared  # the shared fixtures
ws = certificate_support.ws


def test_a_stream_gets_consecutive_numbers_and_frozen_hashes(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    report = certificates.issue_certificates(
        ws,
        prepared.key,
        stream_number=1,
        pdf_path=tmp_path / "s1.pdf",
        files_dir=tmp_path / "files",
        now=NOW,
    )
    assert [r.number for r in report.issued] == [f"{n:03d}/2026" for n in range(1, 71)]
    assert report.skipped == () and report.existing == ()
    assert len(report.files) == 70 and report.pdf_path == tmp_path / "s1.pdf"
    by_number = {r.number: r for r in report.issued}
    for path in report.files[:5]:
        number = path.name[:3] + "/2026"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == by_number[number].sha256
    first = report.issued[0]
    assert first.stream_title == "Поток 1 «Базовый»" and first.dates_text == "12–15 мая 2026 года"
    assert first.hours_text == "24 часа" and first.name_line == first.full_name
    with ws.reading() as session:
        row = session.get_one(Certificate, first.id)
        assert (
            certificate_sha256(data_from_row(row), load_template("default").template) == row.sha256
        )


def test_issuing_again_writes_the_same_files_and_takes_no_new_number(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    first = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:3], now=NOW
    )
    again = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:4], files_dir=tmp_path, now=NOW
    )
    assert [r.number for r in again.existing] == [r.number for r in first.issued]
    assert [r.number for r in again.issued] == ["004/2026"]
    assert again.hash_mismatches == ()
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in again.files}
    assert {r.sha256 for r in first.issued} <= digests


def test_not_eligible_people_are_skipped_with_the_reason(ws: Workspace, prepared: Prepared) -> None:
    stream2 = [p.id for p in list_participants(ws, 2)][:2]
    report = certificates.issue_certificates(
        ws, prepared.key, participant_ids=[prepared.stream1[0], *stream2], now=NOW
    )
    assert len(report.issued) == 1
    assert [s.reason for s in report.skipped] == [SkipReason.NOT_ELIGIBLE] * 2


def test_void_keeps_the_number_and_a_new_issue_gets_the_next_one(
    ws: Workspace, prepared: Prepared
) -> None:
    issued = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:2], now=NOW
    ).issued
    with pytest.raises(UserError) as error:
        certificates.void_certificate(ws, "001/2026", " ")
    assert error.value.code == "void_reason_required"
    void = certificates.void_certificate(ws, "001/2026", "выдан по ошибке")
    assert (void.status, void.void_reason) == (CertificateStatus.VOID, "выдан по ошибке")
    assert (
        certificates.verify_certificate(ws, issued[0].verify_text).status is CertificateStatus.VOID
    )
    again = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:1], now=NOW
    )
    assert [r.number for r in again.issued] == ["003/2026"]
    register = certificates.certificate_register(ws)
    assert [(r.number, r.status) for r in register.records] == [
        ("001/2026", CertificateStatus.VOID), ("002/2026", CertificateStatus.VALID),
        ("003/2026", CertificateStatus.VALID),
    ]  # fmt: skip
    assert register.gaps == () and register.problems == ()


def test_reissue_keeps_the_number_with_the_corrected_name(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    person = prepared.stream1[0]
    (old,) = certificates.issue_certificates(
        ws, prepared.key, participant_ids=[person], now=NOW
    ).issued
    with ws.transaction() as session:
        changes.record(session, "participant", person, {"surname": "Исправленная"})
    with pytest.raises(UserError):
        certificates.reissue_certificate(ws, prepared.key, old.number, "")
    new = certificates.reissue_certificate(
        ws, prepared.key, old.number, "опечатка в фамилии", tmp_path / "new.pdf", now=NOW
    )
    assert (new.number, new.version, new.replaces_id, new.reason) == (
        old.number,
        2,
        old.id,
        "опечатка в фамилии",
    )
    assert new.full_name.startswith("Исправленная") and new.sha256 != old.sha256
    assert hashlib.sha256((tmp_path / "new.pdf").read_bytes()).hexdigest() == new.sha256
    statuses = {r.version: r.status for r in certificates.certificate_register(ws).records}
    assert statuses == {1: CertificateStatus.REPLACED, 2: CertificateStatus.VALID}
    stale = certificates.verify_certificate(ws, old.verify_text)
    assert (
        stale.check.result is CertificateResult.GENUINE
        and stale.status is CertificateStatus.REPLACED
    )
    assert not stale.valid and stale.current_version == 2
    current = certificates.verify_certificate(ws, new.verify_text)
    assert (
        current.valid
        and current.check.full_name is not None
        and "Исправленная" in current.check.full_name
    )


def test_a_cancelled_batch_uses_no_number_and_writes_no_file(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 5:
            cancel.set()

    with pytest.raises(RenderCancelled):
        certificates.issue_certificates(
            ws, prepared.key, stream_number=1, pdf_path=tmp_path / "x.pdf", files_dir=tmp_path / "f",
            progress=progress, cancel=cancel, now=NOW,
        )  # fmt: skip
    assert certificates.certificate_register(ws).records == ()
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "f").exists()
    report = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:1], now=NOW
    )
    assert report.issued[0].number == "001/2026"


def test_register_exports_to_xlsx_with_blocks(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    certificates.issue_certificates(ws, prepared.key, participant_ids=prepared.stream1[:3], now=NOW)
    certificates.void_certificate(ws, "002/2026", '=HYPERLINK("x") не выдавать')
    path = certificates.export_register(ws, tmp_path / "реестр.xlsx")
    book = load_workbook(path)
    sheet = book["Реестр"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["001/2026", "002/2026", "003/2026"]
    assert rows[1][2] == "аннулирован" and rows[1][13].startswith("=HYPERLINK")
    assert sheet.cell(row=3, column=14).data_type == "s"  # text, never a formula
    blocks = list(book["Диапазоны номеров"].iter_rows(min_row=2, values_only=True))
    assert blocks[0][1:3] == (1, 3) and blocks[0][4] == 3
