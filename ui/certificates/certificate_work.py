"""Work the «Сертификаты» page hands to the background executor, and the sentences for the
certificate error codes."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter

from smm_event.badges import SigningKey
from smm_event.domain.certificates import (
    CertificateRegister,
    CertificateSettings,
    Eligibility,
    IssueReport,
    NameReview,
)
from smm_event.errors import UserError
from smm_event.services import certificates
from smm_event.workspace import Workspace
from ui.badges.badge_preview import paint_pdf
from ui.errors import user_error_message
from ui.i18n import fill


@dataclass(frozen=True)
class CertificatesView:
    eligibility: tuple[Eligibility, ...]
    names: tuple[NameReview, ...]
    register: CertificateRegister
    settings: CertificateSettings


def load_view(ws: Workspace, stream_number: int | None) -> CertificatesView:
    return CertificatesView(
        certificates.eligibility(ws, stream_number),
        certificates.name_reviews(ws, stream_number),
        certificates.certificate_register(ws),
        certificates.get_settings(ws),
    )


def issue_and_print(
    ws: Workspace, key: SigningKey, printer: QPrinter, stream_number: int | None,
    progress: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None,
) -> IssueReport:  # fmt: skip
    """Issue into a temporary PDF, then paint its pages on the printer (from the worker)."""
    with tempfile.TemporaryDirectory(prefix="smm-certificates-") as folder:
        pdf = Path(folder) / "print.pdf"
        report = certificates.issue_certificates(
            ws,
            key,
            stream_number,
            pdf_path=pdf,
            progress=progress,
            cancel=cancel,
        )
        if pdf.exists():
            paint_pdf(pdf.read_bytes(), printer)
    return report


def certificate_error_message(error: UserError) -> str:
    messages = {
        "no_certificate_numbers": QCoreApplication.translate(
            "CertificateErrors",
            "This laptop holds no free certificate numbers. The organizer's laptop gives it a block (smm-event certificates grant) and then the laptops sync.",
        ),
        "register_conflict": QCoreApplication.translate(
            "CertificateErrors",
            "Two laptops numbered certificates on their own. See the register tab.",
        ),
        "register_changed": QCoreApplication.translate(
            "CertificateErrors", "The register changed meanwhile. Try again."
        ),
        "no_signing_key": QCoreApplication.translate(
            "CertificateErrors",
            "This laptop cannot sign certificates. Issue them on the organizer's laptop.",
        ),
        "wrong_passphrase": QCoreApplication.translate(
            "CertificateErrors", "Wrong passphrase. Try again."
        ),
        "override_reason_required": QCoreApplication.translate(
            "CertificateErrors", "Write down the reason for the decision."
        ),
        "name_not_reviewed": QCoreApplication.translate(
            "CertificateErrors", "The dative form of this name must be checked first (names tab)."
        ),
        "cannot_write_file": QCoreApplication.translate(
            "CertificateErrors", "Cannot write {path}: {reason}"
        ),
    }
    template = messages.get(error.code)
    return fill(template, **error.params) if template else user_error_message(error)
