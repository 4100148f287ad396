"""Each certificate is drawn once: into its own one-page PDF (the bytes the register hashes),
and the same page operators are replayed into the print batch.

Replaying is exact only if a character has the same code in both documents. reportlab numbers
the glyphs of a font subset in the order a document first uses them, so every document made
here starts by using a fixed ``ALPHABET`` in every font the person's texts may use: from then on
a letter's code is the same in every certificate and in the batch. A certificate with a letter
outside the alphabet (say «Ӏ» or «é») is still correct on its own; its page is drawn again in
the batch instead of replayed (``ops`` is None).

The fixed subsets also make the font objects of every certificate PDF the same, so they are
built and compressed once per process (``fonts.memoize_font_work``), not once per certificate.

Certificates issued before this format keep their hash: ``render_certificate_bytes(...,
legacy=True)`` renders the way they were rendered (fonts subset in order of use).
"""

from __future__ import annotations

import io
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from smm_event.pdf import fonts
from smm_event.pdf.certificate_data import CertificateData
from smm_event.pdf.certificate_draw import (
    define_static_form,
    draw_certificate_page,
    draw_person,
    place_static_form,
)
from smm_event.pdf.certificate_template import CertificateTemplate, placeholders

MM = 72.0 / 25.4
CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# Part of the frozen format: changing it changes the bytes (so the hash) of new certificates.
ALPHABET = (
    " " + string.digits + CYRILLIC + string.ascii_letters + ".,:;!?-–—«»„“”‘’\"'()[]/№%+&…#*_@="
)


@dataclass(frozen=True)
class RenderedPage:
    pdf: bytes  # the certificate's own PDF
    ops: tuple[str, ...] | None  # its page operators for the batch; None: draw it again there


def variable_fonts(template: CertificateTemplate) -> tuple[str, ...]:
    """The fonts of the texts that change per person, in a fixed order."""
    used = {field.font for field in template.texts if placeholders(field.text)}
    if template.qr.caption and placeholders(template.qr.caption):
        used.add(fonts.REGULAR)
    return tuple(sorted(used))


def fixed_characters(template: CertificateTemplate) -> str:
    """The alphabet, then the template's own characters around its placeholders (say «·»)."""
    literal = "".join(
        text
        for field in template.texts
        if placeholders(field.text)
        for text, *_ in string.Formatter().parse(field.text)
    )
    literal += template.qr.caption or ""
    extra = sorted(set(literal) - set(ALPHABET) - {"{", "}"})
    return ALPHABET + "".join(extra)


def new_canvas(
    target: str | BinaryIO, template: CertificateTemplate, title: str, legacy: bool = False
) -> Canvas:
    fonts.register_fonts()
    size = (template.page_width_mm * MM, template.page_height_mm * MM)
    # invariant=1 fixes the dates and the document id, so equal input gives equal bytes.
    canvas = Canvas(target, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("smm-event")
    canvas.setProducer("smm-event")
    if not legacy:
        characters = fixed_characters(template)
        for name in variable_fonts(template):
            pdfmetrics.getFont(name).splitString(characters, canvas._doc)
        define_static_form(canvas, template)
    return canvas


def _codes_used(canvas: Canvas, template: CertificateTemplate) -> tuple[int, ...]:
    """How many characters each variable font has been given a code for in this document."""
    doc = canvas._doc
    counts = []
    for name in variable_fonts(template):
        state = pdfmetrics.getFont(name).state.get(doc)
        counts.append(len(state.assignments) if state is not None else 0)
    return tuple(counts)


def render_page(
    cert: CertificateData, template: CertificateTemplate, legacy: bool = False
) -> RenderedPage:
    """One certificate as its own one-page PDF; the same input always gives the same bytes."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, template, f"Сертификат № {cert.number}", legacy)
    if legacy:
        draw_certificate_page(canvas, cert, template)
        ops = None
    else:
        before = _codes_used(canvas, template)
        place_static_form(canvas)
        start = len(canvas._code)
        draw_person(canvas, cert, template)
        fixed = _codes_used(canvas, template) == before
        ops = tuple(canvas._code[start:]) if fixed else None
    canvas.showPage()
    canvas.save()
    return RenderedPage(buffer.getvalue(), ops)


def write_batch(
    pages: Sequence[tuple[CertificateData, tuple[str, ...] | None]],
    template: CertificateTemplate,
    stream: BinaryIO,
    before: Callable[[int], None],
    after: Callable[[int], None],
) -> None:
    """The print batch: a page per (certificate, ops); ops are replayed, None is drawn anew.
    ``before`` may raise to stop (a cancel); ``after`` reports progress."""
    canvas = new_canvas(stream, template, "Сертификаты")
    for index, (cert, ops) in enumerate(pages):
        before(index)
        place_static_form(canvas)
        if ops is None:
            draw_person(canvas, cert, template)
        else:
            canvas._code.extend(ops)
        canvas.showPage()
        after(index)
    canvas.save()
