"""Badge PDFs: each badge is composed into measured text lines first (``compose_badge``), then
drawn. Composing first checks every badge before a page is written and lets tests prove that no
string leaves its badge. Text shrinks and wraps to fit; it is never cut off.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, toColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from smm_event.errors import UserError
from smm_event.pdf.badge_layouts import (
    BadgeLayout,
    BadgeRegions,
    Rect,
    badge_regions,
    crop_mark_lines,
    resolve_layout,
)
from smm_event.pdf.fonts import BOLD, CONDENSED, CONDENSED_BOLD, register_fonts
from smm_event.pdf.qr import draw_qr

# DejaVu's hhea metrics: accented capitals (Й, Ё) reach 0.93 em, descenders 0.24 em.
ASCENT, DESCENT, LEADING = 0.93, -0.24, 1.18
_NEUTRAL_BAND = "#555555"  # a stream without a colour still gets a readable band
_SCALES = tuple(1 - step * 0.07 for step in range(9))  # shrink all blocks together to fit
_LAST_RESORT_LINES = 40


class RenderCancelled(UserError):
    """Raised between badges when the cancel event is set; nothing is written to ``out``."""

    code = "cancelled"


@dataclass(frozen=True)
class BadgeData:
    surname: str
    first_name: str
    patronymic: str | None
    organization: str | None
    stream_number: int | None
    stream_colour: str | None
    token: str
    event_name: str


@dataclass(frozen=True)
class TextLine:
    role: str  # event, surname, name, organization, stream
    text: str
    font: str
    size: float
    x: float
    baseline: float
    width: float

    @property
    def top(self) -> float:
        return self.baseline + ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + DESCENT * self.size


@dataclass(frozen=True)
class BadgeComposition:
    """Everything drawn on one badge, in points from the badge's bottom-left corner."""

    width: float
    height: float
    lines: tuple[TextLine, ...]
    qr: Rect
    band: Rect | None
    band_colour: Color | None
    band_text_white: bool


@dataclass(frozen=True)
class _Block:
    role: str
    text: str
    font: str
    start: float
    minimum: float
    max_lines: int


@dataclass(frozen=True)
class _Fitted:
    role: str
    font: str
    size: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return (ASCENT - DESCENT + LEADING * (len(self.lines) - 1)) * self.size


def compose_badge(data: BadgeData, layout: str | BadgeLayout) -> BadgeComposition:
    """Fit the badge's text; ``UserError("badge_text_too_long")`` if even the smallest sizes
    cannot hold it (only for absurd data, e.g. a 1,000-character organization name)."""
    layout = resolve_layout(layout)
    register_fonts()
    has_band = data.stream_number is not None or bool(data.stream_colour)
    regions = badge_regions(layout, with_band=has_band)
    lines = _fit_text(data, layout, regions)
    colour = _band_colour(data.stream_colour) if has_band else None
    if regions.band is not None and data.stream_number is not None:
        label = layout.design.stream_label.format(number=data.stream_number)
        lines += (_band_line(label, regions.band, layout.design.stream_pt, layout.design.padding),)
    return BadgeComposition(
        width=layout.badge_width,
        height=layout.badge_height,
        lines=lines,
        qr=regions.qr,
        band=regions.band,
        band_colour=colour,
        band_text_white=colour is not None and prefers_white_text(colour),
    )


def render_badges(
    badges: Sequence[BadgeData],
    layout: str | BadgeLayout,
    out: Path | BinaryIO,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Write the badges in the caller's order; returns the number of pages. Every badge is
    composed (and so checked) before the first page is drawn.

    On cancel, raises ``RenderCancelled`` and writes nothing: a path is replaced atomically only
    when the whole file is done, so a half-printed file never looks finished.
    """
    if not badges:
        raise UserError("no_badges")
    resolved = resolve_layout(layout)
    compositions = [compose_badge(badge, resolved) for badge in badges]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(resolved.page_width, resolved.page_height))
    canvas.setTitle(badges[0].event_name)
    pages = 0
    for index, (badge, composition) in enumerate(zip(badges, compositions, strict=True)):
        if cancel is not None and cancel.is_set():
            raise RenderCancelled(done=index, total=len(badges))
        slot = index % resolved.per_page
        if slot == 0:
            if pages:
                canvas.showPage()
            pages += 1
            _draw_crop_marks(canvas, resolved)
        _draw_badge(canvas, composition, badge.token, *resolved.badge_origin(slot))
        if progress is not None:
            progress(index + 1, len(badges))
    canvas.showPage()
    canvas.save()
    _write(buffer.getvalue(), out)
    return pages


def prefers_white_text(colour: Color) -> bool:
    """White text when it contrasts more than black does (WCAG relative luminance)."""
    luminance = sum(
        weight * _linear(channel)
        for weight, channel in zip((0.2126, 0.7152, 0.0722), colour.rgb(), strict=True)
    )
    return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / 0.05)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _band_colour(value: str | None) -> Color:
    try:
        return toColor((value or _NEUTRAL_BAND).strip())
    except ValueError:
        raise UserError("bad_stream_colour", colour=value) from None


def _fit_text(data: BadgeData, layout: BadgeLayout, regions: BadgeRegions) -> tuple[TextLine, ...]:
    design, column = layout.design, regions.text
    given = " ".join(part.strip() for part in (data.first_name, data.patronymic) if part)
    for scale in _SCALES:
        blocks = (
            _Block("event", data.event_name, CONDENSED, design.event_pt * scale, 5, 2),
            _Block("surname", data.surname, BOLD, design.surname_pt * scale, 8, 2),
            _Block("name", given, CONDENSED_BOLD, design.name_pt * scale, 6.5, 2),
        )
        upper = [_fit(block, column.width) for block in blocks if block.text.strip()]
        organization = _Block(
            "organization",
            data.organization or "",
            CONDENSED,
            design.organization_pt * scale,
            5.5,
            3,
        )
        gap = design.name_pt * scale * 0.3
        foot, foot_area = _fit_organization(organization, regions)
        floor = foot_area.y + foot.height + gap if foot is not None else column.y
        area = Rect(column.x, floor, column.width, column.top - floor)
        if _stack_height(upper, gap) <= area.height:
            centred = not layout.landscape
            placed = _place(upper, area, gap, centred)
            if foot is not None:
                placed += tuple(_block_lines(foot, foot_area, foot_area.y + foot.height, centred))
            return placed
    raise UserError("badge_text_too_long", surname=data.surname)


def _fit_organization(block: _Block, regions: BadgeRegions) -> tuple[_Fitted | None, Rect]:
    """Long NGO names get the full width under the QR when they fit there, else the column."""
    if not block.text.strip():
        return None, regions.text
    strip = regions.below_qr
    if strip is not None:
        wide = _fit(block, strip.width)
        if wide.height <= strip.height:
            return wide, strip
    return _fit(block, regions.text.width), regions.text


def _fit(block: _Block, width: float) -> _Fitted:
    """The largest size that fits; one line is kept unless wrapping gains over a fifth."""
    text, start = " ".join(block.text.split()), max(block.start, block.minimum)
    single = _largest(text, block.font, start, block.minimum, width, 1)
    if block.max_lines > 1 and (single is None or single.size < start * 0.8):
        wrapped = _largest(text, block.font, start, block.minimum, width, block.max_lines)
        if wrapped is not None and (single is None or wrapped.size > single.size):
            single = wrapped
    if single is not None:
        return _Fitted(block.role, block.font, single.size, single.lines)
    lines = _wrap(text, block.font, block.minimum, width, _LAST_RESORT_LINES, break_words=True)
    if lines is None:
        raise UserError("badge_text_too_long", text=text[:60])
    return _Fitted(block.role, block.font, block.minimum, tuple(lines))


def _largest(
    text: str, font: str, start: float, minimum: float, width: float, max_lines: int
) -> _Fitted | None:
    size = start
    while size >= minimum:
        lines = _wrap(text, font, size, width, max_lines)
        if lines is not None:
            return _Fitted("", font, size, tuple(lines))
        size -= 0.5
    return None


def _wrap(
    text: str, font: str, size: float, width: float, max_lines: int, break_words: bool = False
) -> list[str] | None:
    """Greedy lines, breaking at spaces and after hyphens; inside words only if allowed."""
    lines: list[str] = []
    current = ""
    for glue, piece in _pieces(text):
        candidate = current + glue + piece if current else piece
        if _text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = piece
        if _text_width(piece, font, size) > width:
            if not break_words:
                return None
            *full, current = _split_characters(piece, font, size, width)
            lines.extend(full)
        if len(lines) >= max_lines:
            return None
    if current:
        lines.append(current)
    return lines


def _text_width(text: str, font: str, size: float) -> float:
    return _unit_width(text, font) * size


@lru_cache(maxsize=8192)
def _unit_width(text: str, font: str) -> float:
    # Width is linear in size, and fitting measures the same candidates at every size step;
    # without the C accelerator reportlab's TTF measuring was the bulk of composing.
    return float(pdfmetrics.stringWidth(text, font, 1.0))


def _pieces(text: str) -> list[tuple[str, str]]:
    """(glue, piece): words split after each hyphen, glued back with "" inside a word."""
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        parts = word.replace("-", "-\0").split("\0")
        pieces.extend(("" if i else " ", part) for i, part in enumerate(parts) if part)
    return pieces


def _split_characters(word: str, font: str, size: float, width: float) -> list[str]:
    chunks = [""]
    for character in word:
        if chunks[-1] and _text_width(chunks[-1] + character, font, size) > width:
            chunks.append("")
        chunks[-1] += character
    return chunks


def _place(fitted: list[_Fitted], area: Rect, gap: float, centred: bool) -> tuple[TextLine, ...]:
    """Event name at the top, the person's name centred in the space left below it."""
    head = [f for f in fitted if f.role == "event"]
    middle = [f for f in fitted if f.role != "event"]
    free_top = area.top - sum(f.height + gap for f in head)
    middle_top = (free_top + area.y + _stack_height(middle, gap)) / 2
    placed: list[TextLine] = []
    for group, top in ((head, area.top), (middle, middle_top)):
        for block in group:
            placed.extend(_block_lines(block, area, top, centred))
            top -= block.height + gap
    return tuple(placed)


def _stack_height(blocks: list[_Fitted], gap: float) -> float:
    return sum(f.height for f in blocks) + gap * max(len(blocks) - 1, 0)


def _block_lines(block: _Fitted, area: Rect, top: float, centred: bool) -> list[TextLine]:
    lines = []
    for index, text in enumerate(block.lines):
        width = _text_width(text, block.font, block.size)
        x = area.x + (area.width - width) / 2 if centred else area.x
        baseline = top - (ASCENT + LEADING * index) * block.size
        lines.append(TextLine(block.role, text, block.font, block.size, x, baseline, width))
    return lines


def _band_line(label: str, band: Rect, start: float, padding: float) -> TextLine:
    # Capped so the line's full box (accents and descenders) stays inside the band.
    size = min(start, band.height * 0.85 / (ASCENT - DESCENT))
    fitted = _largest(label, BOLD, size, 4, band.width - 2 * padding, 1)
    if fitted is None:
        raise UserError("badge_text_too_long", text=label)
    width = _text_width(fitted.lines[0], BOLD, fitted.size)
    baseline = band.y + band.height / 2 - (ASCENT + DESCENT) / 2 * fitted.size
    x = band.x + (band.width - width) / 2
    return TextLine("stream", fitted.lines[0], BOLD, fitted.size, x, baseline, width)


def _draw_crop_marks(canvas: Canvas, layout: BadgeLayout) -> None:
    if not layout.crop_marks:
        return
    canvas.saveState()
    canvas.setLineWidth(0.3)
    for x1, y1, x2, y2 in crop_mark_lines(layout):
        canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def _draw_badge(
    canvas: Canvas, composition: BadgeComposition, token: str, x: float, y: float
) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    band = composition.band
    if band is not None and composition.band_colour is not None:
        canvas.setFillColor(composition.band_colour)
        canvas.rect(band.x, band.y, band.width, band.height, stroke=0, fill=1)
    for line in composition.lines:
        white = line.role == "stream" and composition.band_text_white
        canvas.setFillColorRGB(*((1, 1, 1) if white else (0, 0, 0)))
        canvas.setFont(line.font, line.size)
        canvas.drawString(line.x, line.baseline, line.text)
    qr = composition.qr
    draw_qr(canvas, token, qr.x, qr.y, qr.width)
    canvas.restoreState()


def _write(data: bytes, out: Path | BinaryIO) -> None:
    if not isinstance(out, Path | str):
        out.write(data)
        return
    target = Path(out)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".badges-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
