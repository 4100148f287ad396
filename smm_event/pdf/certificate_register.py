"""The certificate register as a PDF for the evidence pack: the same rows as the XLSX
(smm_event/certificates/register_xlsx.py), every version of every number, with the PDF hash."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from smm_event.domain.certificates import CertificateRegister, CertificateStatus
from smm_event.pdf.report_doc import build, para, table

# The register's words, as in its XLSX (certificates/register_xlsx.py, which draws on pdf/).
STATUS_NAMES = {
    CertificateStatus.VALID: "действителен",
    CertificateStatus.VOID: "аннулирован",
    CertificateStatus.REPLACED: "заменён",
}
WIDTHS = (20, 13, 22, 50, 55, 11, 36, 20, 42)  # mm, landscape A4 (269 mm of text)


def render_register(register: CertificateRegister, event_name: str, path: Path) -> int:
    rows = [
        [
            r.number,
            r.version,
            STATUS_NAMES[r.status],
            r.full_name,
            r.organization or "",
            r.stream_number or "",
            r.dates_text,
            r.issue_date.strftime("%d.%m.%Y"),
            r.sha256,
        ]
        for r in register.records
    ]
    story = [
        para("РЕЕСТР ВЫДАННЫХ СЕРТИФИКАТОВ", "title"),
        para(event_name),
        para(
            f"Действительных сертификатов: {register.valid_count}; записей в реестре: {len(rows)}."
        ),
        table(
            (
                "№",
                "Версия",
                "Статус",
                "ФИО",
                "Организация",
                "Поток",
                "Даты обучения",
                "Дата выдачи",
                "SHA-256 файла PDF",
            ),
            rows or [["—"] * len(WIDTHS)],
            [w * mm for w in WIDTHS],
        ),
    ]
    if register.gaps:
        story.append(para(f"Пропуски в нумерации: {len(register.gaps)} (см. XLSX, лист блоков)."))
    return build(path, story, "Реестр сертификатов", wide=True)
