"""The register as an .xlsx for the organizers and the grant report: one sheet with every
version of every number, one with the number blocks. Headers are Russian: the file is a document
of the programme, like the certificates themselves."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from smm_event.domain.certificates import CertificateRegister, CertificateStatus
from smm_event.errors import UserError
from smm_event.exporting.cells import set_cell

STATUS_NAMES = {
    CertificateStatus.VALID: "действителен",
    CertificateStatus.VOID: "аннулирован",
    CertificateStatus.REPLACED: "заменён",
}
STATUS_FILLS = {CertificateStatus.VOID: "FFCDD2", CertificateStatus.REPLACED: "EEEEEE"}
RECORD_COLUMNS = (
    ("№ сертификата", 16), ("Версия", 8), ("Статус", 14), ("ФИО", 36), ("Имя на бланке", 36),
    ("Организация", 40), ("Поток", 7), ("Даты обучения", 28), ("Объём", 11),
    ("Дата выдачи", 12), ("Выдан (UTC)", 19), ("Ноутбук", 18), ("Причина переиздания", 28),
    ("Причина аннулирования", 28), ("SHA-256 файла PDF", 66), ("Ключ", 6),
)  # fmt: skip
BLOCK_COLUMNS = (
    ("Серия", 8), ("С номера", 10), ("По номер", 10), ("Ноутбук", 22), ("Использовано", 13),
    ("Свободно", 30), ("Выделен (UTC)", 19),
)  # fmt: skip


def _header(sheet: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    for index, (title, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        set_cell(cell, title)
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _row(sheet: Worksheet, number: int, values: Sequence[Any]) -> None:
    for index, value in enumerate(values, start=1):
        set_cell(sheet.cell(row=number, column=index), value)


def _fill_records(sheet: Worksheet, register: CertificateRegister) -> None:
    _header(sheet, RECORD_COLUMNS)
    for offset, r in enumerate(register.records, start=2):
        _row(sheet, offset, (
            r.number, r.version, STATUS_NAMES[r.status], r.full_name, r.name_line,
            r.organization, r.stream_number, r.dates_text, r.hours_text, r.issue_date,
            r.issued_at.replace(microsecond=0), r.device_name or str(r.device_id), r.reason,
            r.void_reason, r.sha256, r.key_id,
        ))  # fmt: skip
        fill = STATUS_FILLS.get(r.status)
        if fill:
            for column in range(1, len(RECORD_COLUMNS) + 1):
                sheet.cell(row=offset, column=column).fill = PatternFill("solid", fgColor=fill)
        sheet.cell(row=offset, column=10).number_format = "DD.MM.YYYY"


def _fill_blocks(sheet: Worksheet, register: CertificateRegister) -> None:
    _header(sheet, BLOCK_COLUMNS)
    for offset, b in enumerate(register.blocks, start=2):
        free = ", ".join(f"{a}–{z}" if a != z else str(a) for a, z in b.unused)
        _row(sheet, offset, (
            b.series or "—", b.first, b.last, b.holder_name or str(b.holder_device_id), b.used,
            free or "—", b.granted_at.replace(microsecond=0),
        ))  # fmt: skip


def write_register_xlsx(register: CertificateRegister, path: Path) -> Path:
    """Written through a temporary file, so a failed export never leaves half a workbook."""
    book = Workbook()
    records = book.active
    assert records is not None
    records.title = "Реестр"
    _fill_records(records, register)
    _fill_blocks(book.create_sheet("Диапазоны номеров"), register)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".part")
    try:
        book.save(temp)
        os.replace(temp, path)
    except OSError as error:
        raise UserError("cannot_write_file", path=str(path), reason=str(error)) from error
    finally:
        temp.unlink(missing_ok=True)
    return path
