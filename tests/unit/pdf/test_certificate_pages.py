"""Drawing each certificate once: the print batch replays the pages of the certificates' own
PDFs, and certificates issued before the fixed font subsets keep their hash."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pypdf
from sqlalchemy import update

from smm_event.certificates.compose import data_from_row, load_template
from smm_event.pdf.certificate_pages import render_page
from smm_event.pdf.certificates import render_certificate_bytes, render_certificates_batch
from smm_event.services import certificates
from smm_event.storage.certificate_models import Certificate
from smm_event.workspace import Workspace
from tests.support import certificates as certificate_support
from tests.support.certificates import NOW, Prepared
from tests.unit.pdf.test_certificate_pdf import TEMPLATE, TOKEN, make_cert, raster

prepared = certificate_support.prepared  # the shared fixtures
ws = certificate_support.ws


def test_replayed_batch_pages_look_exactly_like_drawn_ones() -> None:
    certs = [
        make_cert(),
        make_cert(number="002/2026", name_line="Иванов Иван", organization="ООО „Ромашка“"),
        # «Ӏ» is outside the fixed alphabet: this page must be drawn again, not copied.
        make_cert(number="003/2026", name_line="Кодзоев Ӏса", verify_text=TOKEN + "3"),
    ]
    pages = [render_page(cert, TEMPLATE) for cert in certs]
    assert [page.ops is not None for page in pages] == [True, True, False]
    replayed, drawn = io.BytesIO(), io.BytesIO()
    render_certificates_batch(
        [(cert, page.ops) for cert, page in zip(certs, pages, strict=True)], TEMPLATE, replayed
    )
    render_certificates_batch(certs, TEMPLATE, drawn)
    for index, page in enumerate(pages):
        batch_page = np.asarray(raster(replayed.getvalue(), index, dpi=60))
        assert np.array_equal(batch_page, np.asarray(raster(drawn.getvalue(), index, dpi=60)))
        assert np.array_equal(batch_page, np.asarray(raster(page.pdf, 0, dpi=60)))
    text = pypdf.PdfReader(replayed).pages[2].extract_text()
    assert "Кодзоев Ӏса" in text


def test_the_new_format_differs_from_the_legacy_one_but_both_are_reproducible() -> None:
    new, legacy = (
        render_certificate_bytes(make_cert(), TEMPLATE, legacy=flag) for flag in (False, True)
    )
    assert new != legacy
    assert render_certificate_bytes(make_cert(), TEMPLATE, legacy=True) == legacy
    assert render_page(make_cert(), TEMPLATE).pdf == new


def test_a_certificate_issued_in_the_legacy_format_keeps_its_hash(
    ws: Workspace, prepared: Prepared, tmp_path: Path
) -> None:
    first = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:2], now=NOW
    )
    template = load_template("default").template
    old = first.issued[0]
    with ws.transaction() as session:
        data = data_from_row(session.get_one(Certificate, old.id))
        legacy = hashlib.sha256(render_certificate_bytes(data, template, legacy=True)).hexdigest()
        assert legacy != old.sha256
        # As the register of a laptop that issued it before the fixed font subsets holds it.
        session.execute(update(Certificate).where(Certificate.id == old.id).values(sha256=legacy))
    again = certificates.issue_certificates(
        ws, prepared.key, participant_ids=prepared.stream1[:2], files_dir=tmp_path,
        pdf_path=tmp_path / "all.pdf", now=NOW,
    )  # fmt: skip
    assert again.hash_mismatches == () and len(again.existing) == 2
    digests = {hashlib.sha256(path.read_bytes()).hexdigest() for path in again.files}
    assert digests == {legacy, first.issued[1].sha256}
    assert len(pypdf.PdfReader(tmp_path / "all.pdf").pages) == 2
