"""Badge page layouts: page size, badge size, grid, margins, crop marks and the badge's design
sizes, read from TOML templates (resources/templates/badge_<name>.toml).

The built-in layouts are templates too, so the printed words («Поток {number}») stay data and an
organizer can copy a file to make a new size. All lengths here are PDF points.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from smm_event.errors import UserError
from smm_event.paths import resource_path

BUILTIN_LAYOUTS = ("a4", "a6", "label-62x100")
# 41 modules + 2 x 4 quiet-zone modules at 30 mm: the symbol itself is 25 mm (GUIDE §5).
MIN_QR_SIZE = 30 * mm
_MIN_TEXT_WIDTH = 30 * mm
_MIN_TEXT_HEIGHT = 20 * mm
_CROP_MARK_LENGTH = 5 * mm
_CROP_MARK_OFFSET = 1.5 * mm


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class BadgeRegions:
    """Where things go on one badge, in points from its bottom-left corner."""

    qr: Rect  # the square with the QR's quiet zone
    text: Rect  # beside (landscape) or above (portrait) the QR
    band: Rect | None
    below_qr: Rect | None  # landscape: the full-width strip under the QR, for long NGO names


@dataclass(frozen=True)
class BadgeDesign:
    padding: float
    qr_size: float  # the QR square with its quiet zone
    band_height: float
    event_pt: float
    surname_pt: float
    name_pt: float
    organization_pt: float
    stream_pt: float
    stream_label: str  # str.format with {number}


@dataclass(frozen=True)
class BadgeLayout:
    name: str
    page_width: float
    page_height: float
    badge_width: float
    badge_height: float
    columns: int
    rows: int
    gap_x: float
    gap_y: float
    margin_left: float
    margin_top: float
    crop_marks: bool
    design: BadgeDesign

    @property
    def landscape(self) -> bool:
        """Landscape badges put the QR beside the text, portrait ones below it."""
        return self.badge_width > self.badge_height

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def badge_origin(self, slot: int) -> tuple[float, float]:
        """Bottom-left corner of the badge in ``slot`` (0-based, row by row from the top)."""
        row, column = divmod(slot, self.columns)
        x = self.margin_left + column * (self.badge_width + self.gap_x)
        top = self.page_height - self.margin_top - row * (self.badge_height + self.gap_y)
        return x, top - self.badge_height


def badge_regions(layout: BadgeLayout, with_band: bool) -> BadgeRegions:
    design, width, height = layout.design, layout.badge_width, layout.badge_height
    size, pad = design.qr_size, design.padding
    band = Rect(0, 0, width, design.band_height) if with_band else None
    floor = band.top if band is not None else 0.0
    if layout.landscape:
        # Top-right, so the strip under the code is free; its quiet zone is margin enough.
        qr = Rect(width - size - pad / 2, height - size - pad / 2, size, size)
        text = Rect(pad, floor + pad * 0.6, qr.x - pad * 1.3, height - floor - pad * 1.6)
        strip = Rect(pad, text.y, width - 2 * pad, qr.y - text.y)
        return BadgeRegions(qr, text, band, strip if strip.height > 0 else None)
    qr = Rect((width - size) / 2, floor + pad * 0.3, size, size)
    text = Rect(pad, qr.top + pad * 0.3, width - 2 * pad, height - pad * 1.3 - qr.top)
    return BadgeRegions(qr, text, band, None)


def resolve_layout(layout: str | BadgeLayout) -> BadgeLayout:
    if isinstance(layout, BadgeLayout):
        return layout
    if layout not in BUILTIN_LAYOUTS:
        raise UserError("unknown_badge_layout", name=layout)
    return load_badge_layout(resource_path("templates", f"badge_{layout}.toml"))


def load_badge_layout(path: Path) -> BadgeLayout:
    """Read and check a template; every problem is ``UserError("bad_badge_template")`` or a
    size error, so a broken file never reaches the printer."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        layout = _layout_from(data, default_name=Path(path).stem.removeprefix("badge_"))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError("bad_badge_template", path=str(path), reason=str(error)) from None
    except (tomllib.TOMLDecodeError, KeyError, IndexError, TypeError, ValueError) as error:
        raise UserError("bad_badge_template", path=str(path), reason=repr(error)) from None
    check_layout(layout)
    return layout


def check_layout(layout: BadgeLayout) -> None:
    grid_width = layout.columns * layout.badge_width + (layout.columns - 1) * layout.gap_x
    grid_height = layout.rows * layout.badge_height + (layout.rows - 1) * layout.gap_y
    if (
        layout.margin_left < 0
        or layout.margin_top < 0
        or layout.margin_left + grid_width > layout.page_width + 0.01
        or layout.margin_top + grid_height > layout.page_height + 0.01
    ):
        raise UserError("badge_layout_does_not_fit", name=layout.name)
    design = layout.design
    if design.qr_size < MIN_QR_SIZE - 0.01:
        raise UserError("badge_qr_too_small", name=layout.name, min_mm=round(MIN_QR_SIZE / mm))
    width, height = layout.badge_width, layout.badge_height
    if layout.landscape:
        fits = (
            design.qr_size + _MIN_TEXT_WIDTH + 1.5 * design.padding <= width
            and design.qr_size + design.band_height <= height
        )
    else:
        fits = (
            design.qr_size <= width
            and design.qr_size + design.band_height + _MIN_TEXT_HEIGHT + design.padding <= height
        )
    if not fits:
        raise UserError("badge_too_small", name=layout.name)


def crop_mark_lines(layout: BadgeLayout) -> list[tuple[float, float, float, float]]:
    """Short cut guides in the page margins at every badge edge, never over a badge."""
    xs = sorted({x for slot in range(layout.columns) for x in _edges_x(layout, slot)})
    ys = sorted({y for slot in range(layout.rows) for y in _edges_y(layout, slot)})
    left, right = xs[0], xs[-1]
    bottom, top = ys[0], ys[-1]
    lines: list[tuple[float, float, float, float]] = []
    vertical_room = min(layout.page_height - top, bottom) - _CROP_MARK_OFFSET
    horizontal_room = min(left, layout.page_width - right) - _CROP_MARK_OFFSET
    if vertical_room >= 1 * mm:
        reach = min(_CROP_MARK_LENGTH, vertical_room)
        for x in xs:
            lines.append((x, top + _CROP_MARK_OFFSET, x, top + _CROP_MARK_OFFSET + reach))
            lines.append((x, bottom - _CROP_MARK_OFFSET, x, bottom - _CROP_MARK_OFFSET - reach))
    if horizontal_room >= 1 * mm:
        reach = min(_CROP_MARK_LENGTH, horizontal_room)
        for y in ys:
            lines.append((left - _CROP_MARK_OFFSET, y, left - _CROP_MARK_OFFSET - reach, y))
            lines.append((right + _CROP_MARK_OFFSET, y, right + _CROP_MARK_OFFSET + reach, y))
    return lines


def _edges_x(layout: BadgeLayout, column: int) -> tuple[float, float]:
    x, _ = layout.badge_origin(column)
    return x, x + layout.badge_width


def _edges_y(layout: BadgeLayout, row: int) -> tuple[float, float]:
    _, y = layout.badge_origin(row * layout.columns)
    return y, y + layout.badge_height


def _layout_from(data: dict[str, Any], default_name: str) -> BadgeLayout:
    page, badge, grid, design = data["page"], data["badge"], data.get("grid", {}), data["design"]
    page_width, page_height = _mm(page["width_mm"]), _mm(page["height_mm"])
    badge_width, badge_height = _mm(badge["width_mm"]), _mm(badge["height_mm"])
    columns, rows = _count(grid.get("columns", 1)), _count(grid.get("rows", 1))
    gap_x, gap_y = _mm(grid.get("gap_x_mm", 0)), _mm(grid.get("gap_y_mm", 0))
    grid_width = columns * badge_width + (columns - 1) * gap_x
    grid_height = rows * badge_height + (rows - 1) * gap_y
    # Margins left out mean "centre the grid", which suits a sheet cut with a guillotine.
    margin_left = grid.get("left_mm")
    margin_top = grid.get("top_mm")
    return BadgeLayout(
        name=str(data.get("name", default_name)),
        page_width=page_width,
        page_height=page_height,
        badge_width=badge_width,
        badge_height=badge_height,
        columns=columns,
        rows=rows,
        gap_x=gap_x,
        gap_y=gap_y,
        margin_left=(page_width - grid_width) / 2 if margin_left is None else _mm(margin_left),
        margin_top=(page_height - grid_height) / 2 if margin_top is None else _mm(margin_top),
        crop_marks=bool(grid.get("crop_marks", False)),
        design=BadgeDesign(
            padding=_mm(design["padding_mm"]),
            qr_size=_mm(design["qr_mm"]),
            band_height=_mm(design["band_mm"]),
            event_pt=_points(design["event_pt"]),
            surname_pt=_points(design["surname_pt"]),
            name_pt=_points(design["name_pt"]),
            organization_pt=_points(design["organization_pt"]),
            stream_pt=_points(design["stream_pt"]),
            stream_label=_label(design.get("stream_label", "{number}")),
        ),
    )


def _mm(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"expected a length in mm, got {value!r}")
    return float(value * mm)


def _points(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 4 <= value <= 96:
        raise ValueError(f"expected a font size in points (4-96), got {value!r}")
    return float(value)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise ValueError(f"expected a whole number 1-50, got {value!r}")
    return value


def _label(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    value.format(number=1)  # a stray brace fails here, not in the middle of a print run
    return value
