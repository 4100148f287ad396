"""The «Проверка сертификата» tab: a scanned or pasted QR text checked against the event's
public keys and this laptop's register, with no network."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from smm_event.domain.certificates import CertificateResult, CertificateVerification
from smm_event.services import certificates
from ui.certificates.certificate_tables import status_text
from ui.context import AppContext
from ui.i18n import fill

OK_STYLE = "background: #d8f0d8; padding: 8px;"
BAD_STYLE = "background: #f8d7da; padding: 8px;"


class VerifyPanel(QWidget):
    def __init__(
        self,
        context: AppContext,
        on_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._on_error = on_error
        self.verify_input = QLineEdit()
        self.verify_input.setPlaceholderText(
            self.tr("Scan the certificate's QR code or paste its text")
        )
        self.verify_input.returnPressed.connect(self.verify)
        check = QPushButton(self.tr("Check"))
        check.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.verify_input, 1)
        row.addWidget(check)
        column.addLayout(row)
        column.addWidget(self.verify_result)
        column.addStretch(1)

    def verify(self) -> None:
        text = self.verify_input.text().strip()
        if text and self.context.workspace is not None:
            self.context.run(
                certificates.verify_certificate,
                text,
                on_done=self._verified,
                on_error=self._on_error,
                owner=self,
            )

    def _verified(self, result: CertificateVerification) -> None:
        check = result.check
        if not check.genuine:
            text = {
                CertificateResult.NOT_GENUINE: self.tr(
                    "NOT GENUINE: the code was altered, damaged or forged."
                ),
                CertificateResult.UNKNOWN_KEY: self.tr(
                    "Signed with a key this laptop does not know. Sync it and check again."
                ),
                CertificateResult.NOT_OURS: self.tr("This is not a certificate of this event."),
            }[check.result]
        else:
            status = (
                self.tr("not in this laptop's register yet")
                if result.status is None
                else status_text(result.status)
            )
            text = fill(
                self.tr("Genuine certificate No. {number} (version {version}): {name}, stream {stream}. Status: {status}."),
                number=check.number, version=check.version, name=check.full_name,
                stream=check.stream_number or "—", status=status,
            )  # fmt: skip
        self.verify_result.setText(text)
        self.verify_result.setStyleSheet(OK_STYLE if result.valid else BAD_STYLE)
