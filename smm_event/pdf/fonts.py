"""Registers the embedded TrueType fonts. reportlab's built-in fonts have no Cyrillic and fail
silently (black boxes), so every PDF of ours uses these names and nothing else."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
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
        pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
    return tuple(_FILES)


def fit_font_size(text: str, font: str, max_width: float, start: float, minimum: float) -> float:
    """The largest size from ``start`` down to ``minimum`` at which ``text`` fits ``max_width``."""
    register_fonts()
    size = start
    while size > minimum and pdfmetrics.stringWidth(text, font, size) > max_width:
        size -= 0.5
    return max(size, minimum)
