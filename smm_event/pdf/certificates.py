"""Certificate PDFs: one certificate as its own reproducible PDF, or many as one printable PDF.

The register keeps ``certificate_sha256(cert, template)``: the SHA-256 of the certificate's own
one-page PDF from ``render_certificate_bytes``. That file is what a participant receives and can be
rebuilt byte for byte from the frozen register fields (reportlab ``invariant`` mode), so a hash
check needs neither the print batch nor the page order. The batch PDF is for the printer only.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from smm_event.errors import UserError
from smm_event.pdf.certificate_data import DATA_FIELDS, CertificateData
from smm_event.pdf.certificate_pages import RenderedPage, render_page, write_batch
from smm_event.pdf.certificate_template import (
    CertificateTemplate,
    default_template_path,
    parse_certificate_template,
    read_template_toml,
)
from smm_event.text.translit import safe_file_name

Progress = Callable[[int, int], None]


class RenderCancelled(UserError):
    code = "cancelled"


@dataclass(frozen=True)
class CertificateFile:
    path: Path
    sha256: str


def load_certificate_template(path: Path | None = None) -> CertificateTemplate:
    """The template at ``path``, or the built-in default design."""
    source = path or default_template_path()
    return parse_certificate_template(read_template_toml(source), source.parent, DATA_FIELDS)


def render_certificate_bytes(
    cert: CertificateData, template: CertificateTemplate, legacy: bool = False
) -> bytes:
    """One certificate as its own one-page PDF; the same input always gives the same bytes.
    ``legacy``: the bytes of certificates issued before the fixed font subsets."""
    return render_page(cert, template, legacy).pdf


def render_certificate_page(cert: CertificateData, template: CertificateTemplate) -> RenderedPage:
    """The certificate's own PDF and its page operators, for ``render_certificates_batch``."""
    return render_page(cert, template)


def certificate_sha256(cert: CertificateData, template: CertificateTemplate) -> str:
    """The hash the certificate register keeps."""
    return hashlib.sha256(render_certificate_bytes(cert, template)).hexdigest()


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise RenderCancelled()


def _write_atomically(out: Path | BinaryIO, build: Callable[[BinaryIO], None]) -> None:
    """A path is written through a temporary file renamed on success, so a cancelled or failed
    run never leaves a half-written PDF under the final name."""
    if not isinstance(out, Path):
        build(out)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(out.name + ".part")
    try:
        with temp.open("wb") as handle:
            build(handle)
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)


def _render_batch(
    pages: Sequence[tuple[CertificateData, tuple[str, ...] | None]],
    template: CertificateTemplate,
    out: Path | BinaryIO,
    each: Callable[[int, CertificateData], None],
    cancel: threading.Event | None,
) -> None:
    def before(_index: int) -> None:
        _check(cancel)

    def after(index: int) -> None:
        each(index, pages[index][0])

    _write_atomically(out, lambda stream: write_batch(pages, template, stream, before, after))


def render_certificates_batch(
    certs: Sequence[CertificateData | tuple[CertificateData, tuple[str, ...] | None]],
    template: CertificateTemplate,
    out: Path | BinaryIO,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """All certificates in one PDF, a page each, for printing. Raises RenderCancelled.
    A certificate may come with its ``RenderedPage.ops``: its page is then copied, not drawn."""

    def each(index: int, _cert: CertificateData) -> None:
        if progress is not None:
            progress(index + 1, len(certs))

    pages = [item if isinstance(item, tuple) else (item, None) for item in certs]
    _render_batch(pages, template, out, each, cancel)


def render_certificates(
    certs: Sequence[CertificateData],
    template: CertificateTemplate,
    out: Path | BinaryIO,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[str]:
    """The print batch written to ``out``, and for each certificate (in order) the SHA-256 of its
    own one-page PDF: the hash the register keeps. Raises RenderCancelled."""
    hashes: list[str] = []
    pages: list[tuple[CertificateData, tuple[str, ...] | None]] = []
    for cert in certs:
        _check(cancel)
        page = render_page(cert, template)
        hashes.append(hashlib.sha256(page.pdf).hexdigest())
        pages.append((cert, page.ops))

    def each(index: int, _cert: CertificateData) -> None:
        if progress is not None:
            progress(index + 1, len(certs))

    _render_batch(pages, template, out, each, cancel)
    return hashes


def _write_bytes(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)


def default_file_name(cert: CertificateData) -> str:
    """«001/2026», «Иванов Иван» → ``001_2026_Ivanov_Ivan.pdf``."""
    number = safe_file_name(cert.number, max_length=20)
    person = safe_file_name(f"{cert.surname} {cert.first_name}", max_length=60)
    return f"{number}_{person}.pdf"


def write_certificate_files(
    certs: Sequence[CertificateData],
    template: CertificateTemplate,
    folder: Path,
    file_name: Callable[[CertificateData], str] = default_file_name,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[CertificateFile]:
    """Each certificate as its own PDF in ``folder`` (for e-mailing). Files written before a
    cancel stay: each is complete and matches its hash."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[CertificateFile] = []
    for index, cert in enumerate(certs):
        _check(cancel)
        data = render_certificate_bytes(cert, template)
        path = folder / file_name(cert)
        _write_atomically(path, partial(_write_bytes, data=data))
        written.append(CertificateFile(path, hashlib.sha256(data).hexdigest()))
        if progress is not None:
            progress(index + 1, len(certs))
    return written
