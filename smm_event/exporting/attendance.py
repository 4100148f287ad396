"""The attendance matrix of a stream as XLSX (colours, totals, the marks' audit trail) or CSV.
Headers and status letters are Russian: these files go to the organizers and the grant report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from smm_event.domain.attendance import AttendanceMatrix, AttendanceStatus, MarkInfo
from smm_event.domain.event import SessionInfo
from smm_event.errors import UserError
from smm_event.exporting.cells import set_cell, write_csv

STATUS_LETTERS = {
    AttendanceStatus.PRESENT: "П",
    AttendanceStatus.LATE: "О",
    AttendanceStatus.ABSENT: "Н",
    AttendanceStatus.EXCUSED: "У",
}
STATUS_NAMES = {
    AttendanceStatus.PRESENT: "присутствовал(а)",
    AttendanceStatus.LATE: "опоздал(а)",
    AttendanceStatus.ABSENT: "отсутствовал(а)",
    AttendanceStatus.EXCUSED: "уважительная причина",
}
TOTAL_LABELS = {
    AttendanceStatus.PRESENT: "Присутствовали",
    AttendanceStatus.LATE: "Опоздали",
    AttendanceStatus.ABSENT: "Отсутствовали",
    AttendanceStatus.EXCUSED: "Уважительная причина",
}
SOURCE_NAMES = {
    "click": "вручную",
    "keyboard": "клавиатура",
    "scan": "сканер бейджа",
    "desk": "стойка регистрации",
    "close": "при закрытии занятия",
    "cli": "командная строка",
}
FILLS = {
    AttendanceStatus.PRESENT: "C8E6C9",
    AttendanceStatus.LATE: "FFF59D",
    AttendanceStatus.ABSENT: "FFCDD2",
    AttendanceStatus.EXCUSED: "BBDEFB",
}
NOT_HELD_FILL = "EEEEEE"
LEAD_COLUMNS = ("№", "ФИО", "Организация")
SUMMARY_COLUMNS = (
    "Присутствовал",
    "Опоздал",
    "Отсутствовал",
    "Уважит.",
    "Не отмечен",
    "Посещаемость, %",
)
HEADER_ROW = 4


def write_attendance(
    matrix: AttendanceMatrix, event_name: str, path: Path, history: Sequence[MarkInfo] = ()
) -> Path:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, table_rows(matrix))
    elif suffix == ".xlsx":
        _write_xlsx(matrix, event_name, path, history)
    else:
        raise UserError("unsupported_export", path=str(path))
    return path


def session_heading(session: SessionInfo) -> str:
    return f"{session.starts_at:%d.%m %H:%M} {session.title}"


def table_rows(matrix: AttendanceMatrix) -> list[list[Any]]:
    """The matrix as plain rows: header, one row a person, then the per-session totals."""
    rows: list[list[Any]] = [
        [*LEAD_COLUMNS, *map(session_heading, matrix.sessions), *SUMMARY_COLUMNS]
    ]
    for number, row in enumerate(matrix.rows, start=1):
        person, summary = row.participant, row.summary
        rows.append(
            [
                number,
                person.full_name,
                person.organization,
                *(STATUS_LETTERS[cell] if cell else None for cell in row.cells),
                *(summary.counts.get(status.value, 0) for status in AttendanceStatus),
                summary.unmarked,
                summary.percent,
            ]
        )
    for status in AttendanceStatus:
        rows.append(
            [
                None,
                TOTAL_LABELS[status],
                None,
                *(total.counts.get(status.value, 0) for total in matrix.totals),
            ]
        )
    rows.append(
        [
            None,
            "Не отмечены",
            None,
            *(total.unmarked if total.held else None for total in matrix.totals),
        ]
    )
    return rows


def _write_xlsx(
    matrix: AttendanceMatrix, event_name: str, path: Path, history: Sequence[MarkInfo]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Поток {matrix.stream_number}"
    set_cell(sheet.cell(1, 1), event_name)
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    set_cell(
        sheet.cell(2, 1), f"Посещаемость: поток {matrix.stream_number} «{matrix.stream_title}»"
    )
    legend = ", ".join(f"{STATUS_LETTERS[s]} — {STATUS_NAMES[s]}" for s in AttendanceStatus)
    set_cell(sheet.cell(3, 1), legend)
    rows = table_rows(matrix)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            set_cell(sheet.cell(HEADER_ROW + offset, column), value)
    _style_matrix(sheet, matrix, len(rows))
    if history:
        _write_history(book.create_sheet("Журнал отметок"), matrix, history)
    book.save(path)


def _style_matrix(sheet: Worksheet, matrix: AttendanceMatrix, row_count: int) -> None:
    first_session = len(LEAD_COLUMNS) + 1
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[HEADER_ROW].height = 75
    for index, row in enumerate(matrix.rows):
        for offset, status in enumerate(row.cells):
            cell = sheet.cell(HEADER_ROW + 1 + index, first_session + offset)
            cell.alignment = Alignment(horizontal="center")
            colour = (
                FILLS[status] if status else (None if matrix.totals[offset].held else NOT_HELD_FILL)
            )
            if colour:
                cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    for total_row in range(HEADER_ROW + 1 + len(matrix.rows), HEADER_ROW + row_count):
        sheet.cell(total_row, 2).font = Font(italic=True)
    widths = [5, 38, 40, *([14] * len(matrix.sessions)), *([11] * len(SUMMARY_COLUMNS))]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, first_session)


def _write_history(sheet: Worksheet, matrix: AttendanceMatrix, history: Sequence[MarkInfo]) -> None:
    """Every version of every mark: the audit trail (who, when, which laptop, what before)."""
    names = {row.participant.id: row.participant.full_name for row in matrix.rows}
    sessions = {session.id: session_heading(session) for session in matrix.sessions}
    header = ("Занятие", "ФИО", "Отметка", "Было", "Примечание", "Как", "Когда", "Ноутбук", "Кто")
    for column, title in enumerate(header, start=1):
        set_cell(sheet.cell(1, column), title)
        sheet.cell(1, column).font = Font(bold=True)
    for row_number, mark in enumerate(history, start=2):
        values: tuple[str | None, ...] = (
            sessions.get(mark.session_id, str(mark.session_id)),
            names.get(mark.participant_id, str(mark.participant_id)),
            STATUS_NAMES[mark.status],
            STATUS_NAMES[mark.previous_status] if mark.previous_status else None,
            mark.note,
            SOURCE_NAMES.get(mark.source, mark.source),
            mark.marked_at.strftime("%d.%m.%Y %H:%M:%S"),
            mark.device_name,
            mark.operator,
        )
        for column, value in enumerate(values, start=1):
            set_cell(sheet.cell(row_number, column), value)
    for column, width in enumerate((34, 38, 20, 20, 30, 20, 20, 22, 20), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
