"""Bar, histogram and line charts as PNG bytes. Text is DejaVu Sans (the fonts embedded in
every PDF of ours), so Cyrillic labels render the same on every machine."""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before pyplot-free figure use; never a GUI backend in the core

from matplotlib import font_manager
from matplotlib.figure import Figure

from smm_event.paths import font_path

PALETTE = ("#1565C0", "#EF6C00", "#2E7D32", "#6A1B9A", "#C62828", "#00838F")
DPI = 110
# matplotlib's font cache and text layout are not thread-safe: one chart at a time.
_LOCK = threading.Lock()


@cache
def _font() -> str:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_manager.fontManager.addfont(str(font_path(name)))
    return "DejaVu Sans"


def _figure(size: tuple[float, float]) -> Figure:
    return Figure(figsize=size, dpi=DPI, layout="constrained")


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _style(axes: Any, title: str, ylabel: str | None) -> None:
    axes.set_title(title, fontsize=11, loc="left")
    if ylabel:
        axes.set_ylabel(ylabel, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=8)
    axes.grid(axis="y", alpha=0.3)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    ylabel: str | None = None,
    size: tuple[float, float] = (7.0, 3.0),
    horizontal: bool = False,
) -> bytes:
    """Grouped bars: one group per label, one bar per series (a legend when there are several)."""
    with _LOCK, matplotlib.rc_context({"font.family": _font()}):
        figure = _figure(size)
        axes = figure.add_subplot()
        count = max(len(series), 1)
        width = 0.8 / count
        positions = list(range(len(labels)))
        for index, (name, values) in enumerate(series.items()):
            offset = [p - 0.4 + width * (index + 0.5) for p in positions]
            colour = PALETTE[index % len(PALETTE)]
            if horizontal:
                axes.barh(offset, values, height=width, label=name, color=colour)
            else:
                axes.bar(offset, values, width=width, label=name, color=colour)
        if horizontal:
            axes.set_yticks(positions, labels)
            axes.invert_yaxis()
            axes.grid(axis="x", alpha=0.3)
        else:
            axes.set_xticks(
                positions,
                labels,
                rotation=0 if len(labels) < 8 else 45,
                ha="right" if len(labels) >= 8 else "center",
            )
        _style(axes, title, ylabel)
        if len(series) > 1:
            figure.legend(loc="outside upper right", ncol=len(series), fontsize=8, frameon=False)
        return _png(figure)


def histogram(
    title: str,
    groups: Mapping[str, Sequence[float]],
    bins: Sequence[float],
    xlabel: str,
    size: tuple[float, float] = (7.0, 3.0),
    ylabel: str = "человек",
) -> bytes:
    with _LOCK, matplotlib.rc_context({"font.family": _font()}):
        figure = _figure(size)
        axes = figure.add_subplot()
        data = [list(v) for v in groups.values()]
        if any(data):
            axes.hist(data, bins=list(bins), label=list(groups), color=PALETTE[: len(data)])
            figure.legend(loc="outside upper right", ncol=len(groups), fontsize=8, frameon=False)
        else:
            axes.text(0.5, 0.5, "нет данных", ha="center", va="center", transform=axes.transAxes)
        axes.set_xlabel(xlabel, fontsize=9)
        _style(axes, title, ylabel)
        return _png(figure)


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    ylabel: str | None = None,
    size: tuple[float, float] = (7.0, 3.0),
) -> bytes:
    with _LOCK, matplotlib.rc_context({"font.family": _font()}):
        figure = _figure(size)
        axes = figure.add_subplot()
        for index, (name, values) in enumerate(series.items()):
            axes.plot(
                range(len(values)),
                values,
                label=name,
                color=PALETTE[index % len(PALETTE)],
                marker="o",
                markersize=3,
            )
        step = max(1, len(labels) // 10)
        axes.set_xticks(
            range(0, len(labels), step), [labels[i] for i in range(0, len(labels), step)]
        )
        _style(axes, title, ylabel)
        if series:
            figure.legend(loc="outside upper right", ncol=len(series), fontsize=8, frameon=False)
        return _png(figure)
