"""Small XLSX files of the pack: the funnel with the people behind each step, planned against
actual dates, and the contents sheet with every file's SHA-256. Russian headers: these are
documents of the programme."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from smm_event.domain.participants import ParticipantInfo
from smm_event.exporting.cells import set_cell
from smm_event.services.outcomes import FunnelStep, StageDates

CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    first: bool = False,
) -> None:
    sheet = workbook.active if first else workbook.create_sheet()
    assert sheet is not None
    sheet.title = title
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_cell(cell, header)
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(12, min(60, len(header) + 6))
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            set_cell(sheet.cell(row=row_number, column=column), value)
    sheet.freeze_panes = "A2"


def write_funnel(
    steps: Sequence[FunnelStep],
    dates: Sequence[StageDates],
    people: dict[Any, ParticipantInfo],
    path: Path,
) -> Path:
    workbook = Workbook()
    _sheet(
        workbook,
        "Воронка",
        ("Этап", "Человек"),
        [(s.step, "нет данных" if s.count is None else s.count) for s in steps],
        first=True,
    )
    rows = [
        (
            s.step,
            people[pid].full_name,
            people[pid].organization,
            people[pid].stream_number,
            str(pid),
        )
        for s in steps
        for pid in s.people
        if pid in people
    ]
    _sheet(workbook, "Люди по этапам", ("Этап", "ФИО", "Организация", "Поток", "Id"), rows)
    _sheet(
        workbook,
        "Сроки",
        ("Этап", "План с", "План по", "Факт с", "Факт по"),
        [(d.stage, d.planned_from, d.planned_to, d.actual_from, d.actual_to) for d in dates],
    )
    workbook.save(path)
    return path


def write_contents(root: Path, files: Sequence[Path], xlsx: Path, sums: Path) -> None:
    """The contents sheet and a ``SHA256SUMS`` file that ``sha256sum -c`` checks."""
    rows = []
    for number, file in enumerate(files, start=1):
        rows.append(
            (number, file.relative_to(root).as_posix(), file.stat().st_size, sha256_of(file))
        )
    workbook = Workbook()
    _sheet(workbook, "Состав", ("№", "Файл", "Размер, байт", "SHA-256"), rows, first=True)
    workbook.save(xlsx)
    sums.write_text("".join(f"{row[3]}  {row[1]}\n" for row in rows), encoding="utf-8")
