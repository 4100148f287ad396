"""Sign-in sheets (листы регистрации): the paper backup when laptops fail, and signed evidence
for the grant report. One PDF per stream and day; each session starts on a new page with its
own header, so a trainer takes the pages of their session. Every page names its stream, day
and session in the top margin and carries «Страница N из M», so a loose page finds its place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from smm_event.domain.event import SessionInfo
from smm_event.domain.participants import ParticipantInfo
from smm_event.pdf.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR, register_fonts
from smm_event.text.dates_ru import format_date_ru

# Rows for people not on the list (walk-ins), numbered on after the roster.
BLANK_ROWS = 5
ROW_HEIGHT: float = 9 * mm  # the least height of a row: room for a signature
CELL_PADDING = 3.0
COLUMN_WIDTHS = (9 * mm, 50 * mm, 61 * mm, 29 * mm, 31 * mm)
MARGIN = 15 * mm
HEADERS = ("№", "Фамилия, имя, отчество", "Организация", "Телефон", "Подпись")


@dataclass(frozen=True)
class SheetData:
    event_name: str
    venue: str
    stream_number: int
    stream_title: str
    day: dt.date
    sessions: tuple[SessionInfo, ...]
    participants: tuple[ParticipantInfo, ...]


def render_signin_sheets(data: SheetData, path: Path) -> int:
    """Write the PDF and return its page count. Reproducible: equal data, equal bytes."""
    register_fonts()
    document = _Document(str(path))
    story: list[Flowable] = []
    for index, session in enumerate(data.sessions):
        if index:
            story.append(PageBreak())
        story.extend(_session_story(data, session))
    document.build(story, canvasmaker=_NumberedCanvas)
    return int(document.page)


def format_phone(phone: str | None) -> str:
    """+79281234567 as +7 928 123-45-67 (no-break spaces); anything else as stored."""
    if phone and len(phone) == 12 and phone.startswith("+7") and phone[1:].isdigit():
        return f"+7\u00a0{phone[2:5]}\u00a0{phone[5:8]}-{phone[8:10]}-{phone[10:]}"
    return phone or ""


def session_line(session: SessionInfo) -> str:
    parts = [f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}", session.title]
    if session.room:
        parts.append(session.room)
    if session.trainer:
        parts.append(f"тренер: {session.trainer}")
    return " · ".join(parts)


_STYLES = {
    "event": ParagraphStyle("event", fontName=BOLD, fontSize=12, leading=15),
    "venue": ParagraphStyle("venue", fontName=REGULAR, fontSize=9, leading=12),
    "title": ParagraphStyle(
        "title", fontName=BOLD, fontSize=14, leading=18, alignment=1, spaceBefore=6, spaceAfter=4
    ),
    "line": ParagraphStyle("line", fontName=REGULAR, fontSize=10, leading=13),
    "cell": ParagraphStyle("cell", fontName=CONDENSED, fontSize=9, leading=10.5),
    "head": ParagraphStyle("head", fontName=CONDENSED_BOLD, fontSize=9, leading=10.5),
    "sign": ParagraphStyle("sign", fontName=REGULAR, fontSize=10, leading=14, spaceBefore=10),
}


def _paragraph(text: str | None, style: str) -> Paragraph:
    return Paragraph(escape(text or ""), _STYLES[style])


def _session_story(data: SheetData, session: SessionInfo) -> list[Flowable]:
    running = (
        f"Лист регистрации · Поток {data.stream_number} «{data.stream_title}» · "
        f"{data.day:%d.%m.%Y} · {session.starts_at:%H:%M} {session.title}"
    )
    return [
        _RunningHeader(running),
        _paragraph(data.event_name, "event"),
        _paragraph(data.venue, "venue"),
        _paragraph("ЛИСТ РЕГИСТРАЦИИ УЧАСТНИКОВ", "title"),
        _paragraph(
            f"Поток {data.stream_number} «{data.stream_title}» · {format_date_ru(data.day)}", "line"
        ),
        _paragraph(f"Занятие: {session_line(session)}", "line"),
        Spacer(1, 4 * mm),
        _table(data.participants),
        _paragraph("Всего присутствовало: ________ чел.", "sign"),
        _paragraph("Тренер: ______________________ / ______________________ /", "sign"),
    ]


def _table(people: Sequence[ParticipantInfo]) -> Table:
    rows: list[list[Any]] = [[_paragraph(text, "head") for text in HEADERS]]
    for number, person in enumerate(people, start=1):
        rows.append(
            [
                _paragraph(str(number), "cell"),
                _paragraph(person.full_name, "cell"),
                _paragraph(person.organization, "cell"),
                _paragraph(format_phone(person.phone), "cell"),
                "",
            ]
        )
    for number in range(len(people) + 1, len(people) + 1 + BLANK_ROWS):
        rows.append([_paragraph(str(number), "cell"), "", "", "", ""])
    heights = [None] + [_row_height(row) for row in rows[1:]]
    table = Table(rows, colWidths=COLUMN_WIDTHS, rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
        )
    )
    return table


def _row_height(cells: Sequence[Any]) -> float:
    """At least ROW_HEIGHT; taller when a long NGO name wraps, so text is never cut."""
    needed = 0.0
    for cell, width in zip(cells, COLUMN_WIDTHS, strict=True):
        if isinstance(cell, Paragraph):
            needed = max(needed, float(cell.wrap(width - 2 * CELL_PADDING, 1000)[1]))
    return max(ROW_HEIGHT, needed + 2 * CELL_PADDING + 1)


class _RunningHeader(Flowable):  # type: ignore[misc]
    """Zero-size marker: from here on, pages carry this session's line in the top margin."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv._running_header = self.text


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, filename: str) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=14 * mm,
            bottomMargin=16 * mm,
            invariant=1,
            title="Лист регистрации",
            author="smm-event",
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("sheet", [frame], onPageEnd=_draw_running_header)])


def _draw_running_header(canvas: Canvas, document: BaseDocTemplate) -> None:
    text = getattr(canvas, "_running_header", "")
    canvas.saveState()
    canvas.setFont(CONDENSED, 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.drawString(MARGIN, A4[1] - 9 * mm, text)
    canvas.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end so each can say «Страница N из M»."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(CONDENSED, 8)
            self.drawRightString(A4[0] - MARGIN, 9 * mm, f"Страница {self._pageNumber} из {total}")
            super().showPage()
        super().save()
