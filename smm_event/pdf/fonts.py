"""Registers the embedded TrueType fonts. reportlab's built-in fonts have no Cyrillic and fail
silently (black boxes), so every PDF of ours uses these names and nothing else."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smm_event.paths import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}


@cache
def register_fonts() -> tuple[str, ...]:
    """Idempotent; returns the registered font names."""
    for name, file_name in _FILES.items():
        font = TTFont(name, str(font_path(file_name)))
        _memoize_subsets(font)
        _memoize_widths(font)
        pdfmetrics.registerFont(font)
    _memoize_compression()
    return tuple(_FILES)


def _memoize_subsets(font: TTFont) -> None:
    """Certificates embed the same fixed subset in every PDF (``certificate_pages``): cut it
    from the font file once per process instead of once per PDF. Same bytes either way."""
    original: Callable[[list[int]], bytes] = font.face.makeSubset

    @lru_cache(maxsize=32)
    def cut(subset: tuple[int, ...]) -> bytes:
        return original(list(subset))

    def make_subset(subset: list[int]) -> bytes:
        return cut(tuple(subset))

    font.face.makeSubset = make_subset


class _Widths(pdfdoc.PDFArray):  # type: ignore[misc]
    """A font's /Widths array formatted once per distinct subset: with the fixed certificate
    subsets ~200 numbers a font, formatting them was a quarter of writing a certificate PDF.
    The numbers contain no references, so the bytes do not depend on the document."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        return _format_widths(tuple(self.sequence), IND)


@lru_cache(maxsize=64)
def _format_widths(widths: tuple[int, ...], indent: bytes) -> bytes:
    formatted: bytes = pdfdoc.PDFArray(list(widths)).format(None, indent)
    return formatted


def _memoize_widths(font: TTFont) -> None:
    original: Callable[[Any], None] = font.addObjects

    def add_objects(doc: Any) -> None:
        state = font.state.get(doc)
        names = [
            font.getSubsetInternalName(n, doc)[1:]
            for n in range(len(state.subsets) if state is not None else 0)
        ]
        original(doc)
        made = doc.idToObject["BasicFonts"].dict
        for name in names:
            pdf_font = made.get(name)
            if pdf_font is not None and isinstance(pdf_font.Widths, pdfdoc.PDFArray):
                pdf_font.Widths = _Widths(pdf_font.Widths.sequence)

    font.addObjects = add_objects


class _RecentCompressions:
    """zlib output of the last few large streams: the font files and static form of one
    certificate PDF are those of the previous one, and deflating them was a third of its cost.
    Deterministic zlib, so the bytes are what reportlab would have written."""

    SMALLEST = 4096
    KEEP = 32

    def __init__(self, encode: Callable[[Any], bytes]) -> None:
        self._encode = encode
        self._recent: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()  # badges and certificates may render on two threads

    def __call__(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        if len(data) < self.SMALLEST:
            return self._encode(data)
        with self._lock:
            done = self._recent.get(data)
            if done is not None:
                self._recent.move_to_end(data)
                return done
        done = self._encode(data)
        with self._lock:
            self._recent[data] = done
            if len(self._recent) > self.KEEP:
                self._recent.popitem(last=False)
        return done


def _memoize_compression() -> None:
    # reportlab shares one Flate filter object; its encode is replaced on that instance only.
    pdfdoc.PDFZCompress.encode = _RecentCompressions(pdfdoc.PDFZCompress.encode)


def fit_font_size(text: str, font: str, max_width: float, start: float, minimum: float) -> float:
    """The largest size from ``start`` down to ``minimum`` at which ``text`` fits ``max_width``."""
    register_fonts()
    size = start
    while size > minimum and pdfmetrics.stringWidth(text, font, size) > max_width:
        size -= 0.5
    return max(size, minimum)
