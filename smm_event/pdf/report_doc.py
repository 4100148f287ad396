"""A plain A4 document for the programme's reports (the selection protocol, the indicators
report, the certificate register): DejaVu fonts (Cyrillic extracts back), a title block, tables
that wrap long NGO names, charts as PNG images, and «Страница N из M» on every page."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from smm_event.pdf.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR, register_fonts

MARGIN = 14 * mm


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5),
        "small": ParagraphStyle("small", fontName=CONDENSED, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", fontName=CONDENSED, fontSize=7.8, leading=9.5),
        "head": ParagraphStyle("head", fontName=CONDENSED_BOLD, fontSize=7.8, leading=9.5),
    }


_STYLES: dict[str, ParagraphStyle] = {}


def para(text: object, style: str = "body") -> Paragraph:
    if not _STYLES:
        _STYLES.update(styles())
    return Paragraph(
        escape("" if text is None else str(text)).replace("\n", "<br/>"), _STYLES[style]
    )


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    highlight: Sequence[int] = (),
) -> Table:
    """A grid with a repeated header row; cells are wrapped paragraphs so nothing is cut."""
    data: list[list[Any]] = [[para(h, "head") for h in headers]]
    data += [[para(cell, "cell") for cell in row] for row in rows]
    result = Table(data, colWidths=list(widths), repeatRows=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E3E8EE")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for index in highlight:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), colors.HexColor("#E8F5E9")))
    result.setStyle(TableStyle(commands))
    return result


def chart(png: bytes, width: float) -> Image:
    """A chart rendered to PNG (smm_event/charts), scaled to ``width`` keeping its aspect."""
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth, image.drawHeight = width, width * ratio
    return image


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def build(path: Path, story: list[Flowable], title: str, wide: bool = False) -> int:
    """Write the PDF; returns the page count. ``invariant`` keeps equal input byte-equal."""
    register_fonts()
    size = landscape(A4) if wide else A4
    document = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        invariant=1,
        title=title,
        author="smm-event",
    )
    pages: list[int] = []

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.footer = title
        canvas.page_width = size[0]
        canvas.count = pages
        return canvas

    document.build(story, canvasmaker=canvas_maker)
    return pages[0] if pages else 0


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can say «Страница N из M»."""

    footer: str
    page_width: float
    count: list[int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self.count.append(total)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(CONDENSED, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(MARGIN, 8 * mm, self.footer)
            self.drawRightString(
                self.page_width - MARGIN, 8 * mm, f"Страница {self._pageNumber} из {total}"
            )
            super().showPage()
        super().save()
