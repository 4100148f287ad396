"""Draws one certificate page from a template. Everything that is the same on every page (border,
static texts, dividers, signatures, background) goes into a PDF form drawn once per document and
referenced on each page, so a 210-page batch stays small and fast; only the person's texts and
the QR are drawn per page."""

from __future__ import annotations

import dataclasses
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from smm_event.pdf import fonts
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificate_template import (
    CertificateTemplate,
    Divider,
    SignatureBlock,
    TextField,
    placeholders,
)
from smm_event.pdf.qr import draw_qr
from smm_event.text.declension import parse_gender

MM = 72.0 / 25.4
_STATIC_FORM = "certificateStatic"
_SIGNATURE_GREY = "#5A6270"


def _hex(value: str) -> Color:
    return HexColor(value)


def text_values(cert: CertificateData, template: CertificateTemplate) -> dict[str, str]:
    """Placeholder values: the data fields, then gender words in the person's gender."""
    values = {
        field.name: "" if (value := getattr(cert, field.name)) is None else str(value)
        for field in dataclasses.fields(cert)
    }
    gender = parse_gender(cert.gender)
    index = 2 if gender is None else (0 if gender.name == "MALE" else 1)
    values.update({key: forms[index] for key, forms in template.gender_words.items()})
    return values


def line_width(text: str, font: str, size: float, char_space: float) -> float:
    return float(stringWidth(text, font, size)) + char_space * max(len(text) - 1, 0)


def fit_line(text: str, field: TextField) -> tuple[float, float]:
    """(font size, horizontal scale) that keep one line inside the field's width. The size
    shrinks to ``min_size``; past that the line is condensed, never cut."""
    max_width = field.max_width_mm * MM
    size = field.size
    width = line_width(text, field.font, size, field.char_space)
    while size > field.min_size and width > max_width:
        size = max(size - 0.5, field.min_size)
        width = line_width(text, field.font, size, field.char_space)
    return size, min(1.0, max_width / width) if width > 0 else 1.0


def wrap_lines(text: str, field: TextField) -> tuple[list[str], float]:
    """Up to ``max_lines`` lines at the largest size that fits; the overflow joins the last line
    (which ``fit_line`` then condenses)."""
    max_width = field.max_width_mm * MM
    size = field.size
    while True:
        lines = simpleSplit(text, field.font, size, max_width) or [""]
        if len(lines) <= field.max_lines or size <= field.min_size:
            break
        size = max(size - 0.5, field.min_size)
    head, tail = lines[: field.max_lines - 1], lines[field.max_lines - 1 :]
    return [*head, " ".join(tail)], size


def _draw_line(canvas: Canvas, text: str, field: TextField, y: float, size: float) -> None:
    sized = dataclasses.replace(field, size=size, min_size=min(size, field.min_size))
    size, scale = fit_line(text, sized)
    width = line_width(text, field.font, size, field.char_space) * scale
    x = field.x_mm * MM
    if field.align == "center":
        x -= width / 2
    elif field.align == "right":
        x -= width
    obj = canvas.beginText()
    obj.setTextOrigin(x, y)
    obj.setFont(field.font, size)
    obj.setCharSpace(field.char_space)
    obj.setHorizScale(scale * 100)
    obj.setFillColor(_hex(field.color))
    obj.textOut(text)
    canvas.drawText(obj)


def draw_text_field(
    canvas: Canvas, field: TextField, values: dict[str, str], page_h: float
) -> None:
    """Skipped when a referenced value is empty: a line with a hole reads worse than no line."""
    if any(not values.get(name) for name in placeholders(field.text)):
        return
    text = " ".join(field.text.format_map(values).split())
    baseline = page_h - field.y_mm * MM
    if field.max_lines == 1:
        _draw_line(canvas, text, field, baseline, field.size)
        return
    lines, size = wrap_lines(text, field)
    leading = size * field.line_spacing
    # y_mm is the middle line's baseline, so one or two lines sit balanced in the same slot.
    first = baseline + leading * (len(lines) - 1) / 2
    for index, line in enumerate(lines):
        _draw_line(canvas, line, field, first - index * leading, size)


@cache
def _wave_paths(
    x0: float, y0: float, length: float, vertical: bool, amp: float
) -> tuple[PDFPathObject, ...]:
    """Two sine waves in opposite phase along one side, each half-wave one Bézier curve (the
    4/3 control height makes the curve peak at ``amp``). Built once: a path object does not
    belong to a canvas, and formatting its ~2,000 numbers was a third of a one-page PDF's cost."""
    halves = 2 * max(1, round(length / (6 * MM)))
    step = length / halves

    def point(along: float, across: float) -> tuple[float, float]:
        return (x0 + across, y0 + along) if vertical else (x0 + along, y0 + across)

    paths = []
    for sign in (1.0, -1.0):
        path = PDFPathObject()
        path.moveTo(*point(0.0, 0.0))
        for index in range(halves):
            start, peak = index * step, sign * amp * 4 / 3 * (1 if index % 2 == 0 else -1)
            path.curveTo(
                *point(start + step / 3, peak),
                *point(start + 2 * step / 3, peak),
                *point(start + step, 0.0),
            )
        paths.append(path)
    return tuple(paths)


def _wave(canvas: Canvas, x0: float, y0: float, length: float, vertical: bool, amp: float) -> None:
    for path in _wave_paths(x0, y0, length, vertical, amp):
        canvas.drawPath(path, stroke=1, fill=0)


def _corner(canvas: Canvas, x: float, y: float, main: Color, accent: Color) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(45)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setStrokeColor(accent)
    canvas.setLineWidth(0.8)
    canvas.rect(-3.2 * MM, -3.2 * MM, 6.4 * MM, 6.4 * MM, stroke=1, fill=1)
    canvas.setFillColor(main)
    canvas.rect(-1.6 * MM, -1.6 * MM, 3.2 * MM, 3.2 * MM, stroke=0, fill=1)
    canvas.restoreState()


def draw_border(canvas: Canvas, template: CertificateTemplate) -> None:
    """A banknote-like frame: a heavy outer rule, a guilloche band of two crossing waves, a thin
    inner rule, and diamond rosettes over the corners where the waves meet."""
    style = template.border
    width, height = template.page_width_mm * MM, template.page_height_mm * MM
    main, accent = _hex(style.color), _hex(style.accent_color)
    m = style.margin_mm * MM
    canvas.setStrokeColor(main)
    canvas.setLineWidth(2.4)
    canvas.rect(m, m, width - 2 * m, height - 2 * m)
    canvas.setLineWidth(0.6)
    inset = m + 1.6 * MM
    canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset)
    band = m + 5.5 * MM
    canvas.setStrokeColor(accent)
    canvas.setLineWidth(0.45)
    for x0, y0, length, vertical in (
        (band, band, width - 2 * band, False),
        (band, height - band, width - 2 * band, False),
        (band, band, height - 2 * band, True),
        (width - band, band, height - 2 * band, True),
    ):
        _wave(canvas, x0, y0, length, vertical, 1.8 * MM)
    inner = m + 9.5 * MM
    canvas.setStrokeColor(main)
    canvas.setLineWidth(0.7)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    for x in (band, width - band):
        for y in (band, height - band):
            _corner(canvas, x, y, main, accent)


def draw_divider(canvas: Canvas, divider: Divider, page_h: float) -> None:
    x, y, half = divider.x_mm * MM, page_h - divider.y_mm * MM, divider.width_mm * MM / 2
    canvas.setStrokeColor(_hex(divider.color))
    canvas.setFillColor(_hex(divider.color))
    canvas.setLineWidth(0.7)
    gap = 3.2 * MM
    canvas.line(x - half, y, x - gap, y)
    canvas.line(x + gap, y, x + half, y)
    diamond = canvas.beginPath()
    diamond.moveTo(x - 2.2 * MM, y)
    for dx, dy in ((0.0, 1.3), (2.2, 0.0), (0.0, -1.3)):
        diamond.lineTo(x + dx * MM, y + dy * MM)
    diamond.close()
    canvas.drawPath(diamond, stroke=0, fill=1)
    for end in (x - half, x + half):
        canvas.circle(end, y, 0.55 * MM, stroke=0, fill=1)


def draw_signature(canvas: Canvas, block: SignatureBlock, template: CertificateTemplate) -> None:
    page_h = template.page_height_mm * MM
    x, y, half = block.x_mm * MM, page_h - block.y_mm * MM, block.width_mm * MM / 2
    if block.image is not None:
        canvas.drawImage(
            str(block.image), x - half, y + 0.5 * MM, width=2 * half,
            height=block.image_height_mm * MM, mask="auto", preserveAspectRatio=True, anchor="s",
        )  # fmt: skip
    canvas.setStrokeColor(_hex(_SIGNATURE_GREY))
    canvas.setLineWidth(0.5)
    canvas.line(x - half, y, x + half, y)
    for text, font, size, dy, color in (
        (block.name, template.signature_name_font, 10.0, 4.6, "#222222"),
        (block.role, template.signature_font, 8.5, 8.8, _SIGNATURE_GREY),
    ):
        field = TextField(
            "signature", text, block.x_mm, block.y_mm + dy, font, size, 6.0,
            block.width_mm + 10, color=color,
        )  # fmt: skip
        if text:
            _draw_line(canvas, text, field, y - dy * MM, size)


def _draw_static(canvas: Canvas, template: CertificateTemplate) -> None:
    page_w, page_h = template.page_width_mm * MM, template.page_height_mm * MM
    if template.background_image is not None:
        canvas.drawImage(str(template.background_image), 0, 0, width=page_w, height=page_h)
    if template.border.style == "ornament":
        draw_border(canvas, template)
    for divider in template.dividers:
        draw_divider(canvas, divider, page_h)
    for field in template.texts:
        if not placeholders(field.text):
            draw_text_field(canvas, field, {}, page_h)
    for block in template.signatures:
        draw_signature(canvas, block, template)


def define_static_form(canvas: Canvas, template: CertificateTemplate) -> None:
    """What every page shares, drawn once per document as a form."""
    if not canvas.hasForm(_STATIC_FORM):
        canvas.beginForm(_STATIC_FORM)
        _draw_static(canvas, template)
        canvas.endForm()


def place_static_form(canvas: Canvas) -> None:
    canvas.doForm(_STATIC_FORM)


def draw_certificate_page(
    canvas: Canvas, cert: CertificateData, template: CertificateTemplate
) -> None:
    """Draw one certificate on the canvas's current page (the caller calls ``showPage``)."""
    define_static_form(canvas, template)
    place_static_form(canvas)
    draw_person(canvas, cert, template)


def draw_person(canvas: Canvas, cert: CertificateData, template: CertificateTemplate) -> None:
    """The person's texts and QR code: everything on a page that is not the static form."""
    page_h = template.page_height_mm * MM
    values = text_values(cert, template)
    for field in template.texts:
        if placeholders(field.text):
            draw_text_field(canvas, field, values, page_h)
    qr = template.qr
    size = qr.size_mm * MM
    left, bottom = qr.x_mm * MM, page_h - (qr.y_mm + qr.size_mm) * MM
    draw_qr(canvas, cert.verify_text, left, bottom, size)
    if qr.caption:
        caption = TextField(
            "qr_caption", qr.caption, qr.x_mm + qr.size_mm / 2,
            qr.y_mm + qr.size_mm + 1.2 * qr.caption_size / MM, fonts.REGULAR,
            qr.caption_size, 5.0, qr.size_mm + 12, color=_SIGNATURE_GREY,
        )  # fmt: skip
        draw_text_field(canvas, caption, values, page_h)
