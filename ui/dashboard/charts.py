"""Dashboard charts: drawn by smm_event.charts (matplotlib, Agg) into PNG and decoded into
QImages on a render lane of their own, so neither the GUI thread nor the database lane waits
for them (GUIDE §4: rendering needs its own lane)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from smm_event.services.dashboard import Dashboard
from ui.background import BackgroundExecutor

CHART_SIZE = (6.0, 2.4)  # inches at 110 dpi: 660 × 264 px, two side by side on 1366 px


@dataclass(frozen=True)
class ChartTexts:
    """Translated on the GUI thread; the worker only draws."""

    arrivals: str
    turnout: str
    sessions: str
    people: str
    arrived: str
    expected: str
    present: str
    no_data: str


@dataclass(frozen=True)
class ChartImages:
    arrivals: QImage
    turnout: QImage
    sessions: QImage


def render_executor() -> BackgroundExecutor:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before rendering charts")
    executor = app.findChild(BackgroundExecutor, "smm_render_executor")
    if executor is None:
        executor = BackgroundExecutor(app)
        executor.setObjectName("smm_render_executor")
    return executor


def render_charts(data: Dashboard, texts: ChartTexts) -> ChartImages:
    from smm_event.charts.render import bar_chart, line_chart

    arrivals = data.arrivals
    series = {desk: [float(n) for n in counts] for desk, counts in arrivals.by_desk.items()}
    arrivals_png = (
        line_chart(texts.arrivals, list(arrivals.buckets), series, texts.people, CHART_SIZE)
        if series
        else bar_chart(f"{texts.arrivals} — {texts.no_data}", [], {}, None, CHART_SIZE)
    )
    turnout = [t for t in data.turnout]
    labels = [f"{t.stream_number}·{t.day:%d.%m}" for t in turnout]
    turnout_png = bar_chart(
        texts.turnout,
        labels,
        {
            texts.arrived: [float(t.arrived) for t in turnout],
            texts.expected: [float(t.expected) for t in turnout],
        },
        texts.people,
        CHART_SIZE,
    )
    recent = data.sessions[-12:]
    sessions_png = bar_chart(
        texts.sessions,
        [s.label[:11] for s in recent],
        {texts.present: [100.0 * s.present / s.expected if s.expected else 0.0 for s in recent]},
        "%",
        CHART_SIZE,
    )
    return ChartImages(
        QImage.fromData(arrivals_png), QImage.fromData(turnout_png), QImage.fromData(sessions_png)
    )


class ChartLabel(QLabel):
    """Shows a chart scaled to the room it gets, keeping its proportions; never widens its
    column (size policy Ignored) and rescales on every resize from the full-size image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(240, 120)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None or self._image.isNull():
            return
        pixmap = QPixmap.fromImage(self._image)
        self.setPixmap(
            pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
