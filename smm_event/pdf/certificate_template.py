"""The certificate layout as data: a TOML file (``resources/templates/certificate_default.toml``)
loaded into frozen dataclasses. Organizers restyle a certificate by editing a copy of the file,
never the code. Positions are millimetres from the page's top-left corner; a text's ``y_mm`` is
its baseline. Only raster images (PNG, JPEG) are accepted as backgrounds and signatures."""

from __future__ import annotations

import dataclasses
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.pdf import fonts

Align = Literal["left", "center", "right"]

FONT_KEYS = {
    "regular": fonts.REGULAR,
    "bold": fonts.BOLD,
    "condensed": fonts.CONDENSED,
    "condensed_bold": fonts.CONDENSED_BOLD,
    "serif": fonts.SERIF,
    "serif_bold": fonts.SERIF_BOLD,
}
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "LETTER": (215.9, 279.4)}
MIN_QR_SIZE_MM = 25.0
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class TemplateError(UserError):
    code = "certificate_template_invalid"


@dataclass(frozen=True)
class TextField:
    name: str
    text: str  # static text with {placeholders} for CertificateData fields and gender words
    x_mm: float
    y_mm: float
    font: str
    size: float
    min_size: float
    max_width_mm: float
    align: Align = "center"
    color: str = "#000000"
    max_lines: int = 1
    line_spacing: float = 1.2
    char_space: float = 0.0


@dataclass(frozen=True)
class SignatureBlock:
    role: str
    name: str
    x_mm: float  # centre of the signature line
    y_mm: float  # the line itself
    width_mm: float
    image: Path | None = None
    image_height_mm: float = 14.0


@dataclass(frozen=True)
class QrPlacement:
    x_mm: float  # left edge of the code including its quiet zone
    y_mm: float  # top edge
    size_mm: float
    caption: str = ""
    caption_size: float = 7.0


@dataclass(frozen=True)
class Divider:
    """A short ornamental rule: two lines with a diamond between them."""

    x_mm: float  # centre
    y_mm: float
    width_mm: float
    color: str = "#B08D57"


@dataclass(frozen=True)
class BorderStyle:
    style: Literal["ornament", "none"] = "ornament"
    color: str = "#1F3A5F"
    accent_color: str = "#B08D57"
    margin_mm: float = 8.0


@dataclass(frozen=True)
class CertificateTemplate:
    page_width_mm: float
    page_height_mm: float
    border: BorderStyle
    texts: tuple[TextField, ...]
    signatures: tuple[SignatureBlock, ...]
    qr: QrPlacement
    # placeholder -> (male, female, unknown), e.g. passed -> (прошёл, прошла, прошёл(ла))
    gender_words: Mapping[str, tuple[str, str, str]]
    dividers: tuple[Divider, ...] = ()
    background_image: Path | None = None
    signature_font: str = fonts.REGULAR
    signature_name_font: str = fonts.BOLD


def default_template_path() -> Path:
    return resource_path("templates", "certificate_default.toml")


def placeholders(text: str) -> tuple[str, ...]:
    """The ``{names}`` a text refers to."""
    try:
        return tuple(name for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError as error:
        raise TemplateError(detail=f"bad braces in {text!r}") from error


_TEXT_KEYS = frozenset(field.name for field in dataclasses.fields(TextField))
_SIGNATURE_KEYS = frozenset(field.name for field in dataclasses.fields(SignatureBlock))
_QR_KEYS = frozenset(field.name for field in dataclasses.fields(QrPlacement))


def _only_known(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    # A misspelt key would otherwise be ignored and the organizer left guessing why.
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise TemplateError(detail=f"{where}: unknown key '{unknown[0]}'")


def _require(table: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in table:
        raise TemplateError(detail=f"{where}: missing '{key}'")
    return table[key]


def _color(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _COLOR.match(value):
        raise TemplateError(detail=f"{where}: colour must look like #1F3A5F, got {value!r}")
    return value


def _font(value: Any, where: str) -> str:
    if value not in FONT_KEYS:
        raise TemplateError(detail=f"{where}: unknown font {value!r}", allowed=sorted(FONT_KEYS))
    return FONT_KEYS[value]


def _image(value: Any, base: Path, where: str) -> Path | None:
    if not value:
        return None
    path = (base / str(value)).resolve()
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise TemplateError(detail=f"{where}: only PNG or JPEG images, got {path.name}")
    if not path.is_file():
        raise UserError("certificate_template_missing_image", path=str(path))
    return path


def _page_size(page: Mapping[str, Any]) -> tuple[float, float]:
    if "width_mm" in page and "height_mm" in page:
        return float(page["width_mm"]), float(page["height_mm"])
    size = str(page.get("size", "A4")).upper()
    if size not in PAGE_SIZES_MM:
        raise TemplateError(detail=f"page: unknown size {size!r}")
    short, long = PAGE_SIZES_MM[size]
    landscape = page.get("orientation", "landscape") == "landscape"
    return (long, short) if landscape else (short, long)


def _text_field(raw: Mapping[str, Any], index: int) -> TextField:
    where = f"text #{index + 1}"
    _only_known(raw, _TEXT_KEYS, where)
    size = float(_require(raw, "size", where))
    align = raw.get("align", "center")
    if align not in ("left", "center", "right"):
        raise TemplateError(detail=f"{where}: align must be left, center or right")
    return TextField(
        name=str(raw.get("name", f"text{index + 1}")),
        text=str(_require(raw, "text", where)),
        x_mm=float(_require(raw, "x_mm", where)),
        y_mm=float(_require(raw, "y_mm", where)),
        font=_font(raw.get("font", "regular"), where),
        size=size,
        min_size=float(raw.get("min_size", size)),
        max_width_mm=float(_require(raw, "max_width_mm", where)),
        align=align,
        color=_color(raw.get("color", "#000000"), where),
        max_lines=max(1, int(raw.get("max_lines", 1))),
        line_spacing=float(raw.get("line_spacing", 1.2)),
        char_space=float(raw.get("char_space", 0.0)),
    )


def _signature(raw: Mapping[str, Any], index: int, base: Path) -> SignatureBlock:
    where = f"signature #{index + 1}"
    _only_known(raw, _SIGNATURE_KEYS, where)
    return SignatureBlock(
        role=str(_require(raw, "role", where)),
        name=str(raw.get("name", "")),
        x_mm=float(_require(raw, "x_mm", where)),
        y_mm=float(_require(raw, "y_mm", where)),
        width_mm=float(raw.get("width_mm", 55.0)),
        image=_image(raw.get("image"), base, where),
        image_height_mm=float(raw.get("image_height_mm", 14.0)),
    )


def _qr(raw: Mapping[str, Any]) -> QrPlacement:
    _only_known(raw, _QR_KEYS, "qr")
    size = float(_require(raw, "size_mm", "qr"))
    if size < MIN_QR_SIZE_MM:
        # Smaller codes stop reading reliably from a phone at arm's length.
        raise TemplateError(detail=f"qr: size_mm must be at least {MIN_QR_SIZE_MM:g}")
    return QrPlacement(
        x_mm=float(_require(raw, "x_mm", "qr")),
        y_mm=float(_require(raw, "y_mm", "qr")),
        size_mm=size,
        caption=str(raw.get("caption", "")),
        caption_size=float(raw.get("caption_size", 7.0)),
    )


def _divider(raw: Mapping[str, Any], index: int) -> Divider:
    where = f"divider #{index + 1}"
    return Divider(
        x_mm=float(_require(raw, "x_mm", where)),
        y_mm=float(_require(raw, "y_mm", where)),
        width_mm=float(_require(raw, "width_mm", where)),
        color=_color(raw.get("color", "#B08D57"), where),
    )


def _border(raw: Mapping[str, Any]) -> BorderStyle:
    style = raw.get("style", "ornament")
    if style not in ("ornament", "none"):
        raise TemplateError(detail="border: style must be ornament or none")
    return BorderStyle(
        style=style,
        color=_color(raw.get("color", "#1F3A5F"), "border"),
        accent_color=_color(raw.get("accent_color", "#B08D57"), "border"),
        margin_mm=float(raw.get("margin_mm", 8.0)),
    )


def _gender_words(raw: Mapping[str, Any]) -> dict[str, tuple[str, str, str]]:
    words: dict[str, tuple[str, str, str]] = {}
    for key, forms in raw.items():
        if not (isinstance(forms, list) and len(forms) == 3):
            raise TemplateError(detail=f"gender_words.{key}: give [male, female, unknown]")
        words[key] = (str(forms[0]), str(forms[1]), str(forms[2]))
    return words


def _check_placeholders(template: CertificateTemplate, data_fields: frozenset[str]) -> None:
    known = data_fields | set(template.gender_words)
    texts = [field.text for field in template.texts] + [template.qr.caption]
    for text in texts:
        unknown = [name for name in placeholders(text) if name not in known]
        if unknown:
            raise TemplateError(detail=f"unknown placeholder {unknown[0]!r} in {text!r}")


def parse_certificate_template(
    raw: Mapping[str, Any], base: Path, data_fields: frozenset[str]
) -> CertificateTemplate:
    """Build a template from parsed TOML; image paths are relative to ``base``."""
    page = raw.get("page", {})
    width, height = _page_size(page)
    template = CertificateTemplate(
        page_width_mm=width,
        page_height_mm=height,
        border=_border(raw.get("border", {})),
        texts=tuple(_text_field(item, i) for i, item in enumerate(raw.get("text", []))),
        signatures=tuple(
            _signature(item, i, base) for i, item in enumerate(raw.get("signature", []))
        ),
        qr=_qr(_require(raw, "qr", "template")),
        gender_words=_gender_words(raw.get("gender_words", {})),
        dividers=tuple(_divider(item, i) for i, item in enumerate(raw.get("divider", []))),
        background_image=_image(page.get("background_image"), base, "page"),
        signature_font=_font(raw.get("signature_font", "regular"), "signature_font"),
        signature_name_font=_font(raw.get("signature_name_font", "bold"), "signature_name_font"),
    )
    _check_placeholders(template, data_fields)
    return template


def read_template_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise UserError("certificate_template_not_found", path=str(path)) from error
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(path=str(path), detail=str(error)) from error


def with_signature_images(
    template: CertificateTemplate, images: Mapping[int, Path | None]
) -> CertificateTemplate:
    """A copy with signature images swapped in by block index (e.g. scans kept per event)."""
    blocks = tuple(
        dataclasses.replace(block, image=images.get(index, block.image))
        for index, block in enumerate(template.signatures)
    )
    return dataclasses.replace(template, signatures=blocks)
