"""Badge pages as images: the preview, and printing at 100 % scale.

Both run on the background executor. pypdfium2 rasterizes the PDF the core wrote; each image is
copied into a QImage that owns its memory before it crosses to the GUI thread.

Printing paints each page, rasterized at the printer's resolution (capped), onto a QPrinter set
to the PDF's paper size in full-page mode, at exactly the page's physical size: no fitting, no
margins, so a 62 x 100 mm label comes out 62 x 100 mm. (Qt has no portable way to hand a PDF to
the system spooler; QPainter may paint on a QPrinter from a worker thread.)
"""

from __future__ import annotations

import io
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pypdfium2
from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from smm_event.badges import SigningKey
from smm_event.domain.badges import BadgePrintReport
from smm_event.errors import UserError
from smm_event.pdf.badge_layouts import BadgeLayout
from smm_event.services.badges import LayoutChoice, badge_layout, preview_badges, print_badges
from smm_event.workspace import Workspace

PREVIEW_PAGES = 6  # enough to judge the look; 21 A4 sheets would only cost time
PREVIEW_BOX = (900, 1100)  # pixels rendered per preview page; shown scaled to the view
MAX_PRINT_DPI = 300  # the resolution of label printers; 600-dpi A4 pages are 100 MB each
POINTS_PER_INCH = 72.0
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class PagePreview:
    images: tuple[QImage, ...]
    total_pages: int
    badges: int
    layout: BadgeLayout


def build_preview(
    ws: Workspace,
    layout: LayoutChoice,
    stream_number: int | None,
    participant_ids: Sequence[uuid.UUID] | None,
    max_pages: int = PREVIEW_PAGES,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> PagePreview:
    resolved = badge_layout(layout)
    buffer = io.BytesIO()
    report = preview_badges(
        ws,
        buffer,
        resolved,
        stream_number,
        participant_ids,
        max_badges=resolved.per_page * max_pages,
        progress=progress,
        cancel=cancel,
    )
    images = tuple(_fit_images(buffer.getvalue(), *PREVIEW_BOX))
    total_pages = -(-report.badges // resolved.per_page)
    return PagePreview(images, total_pages, report.badges, resolved)


def print_on(
    ws: Workspace,
    key: SigningKey,
    printer: QPrinter,
    layout: LayoutChoice,
    stream_number: int | None,
    participant_ids: Sequence[uuid.UUID] | None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BadgePrintReport:
    """Sign and render the badges (logged as printed), then paint every page on the printer."""
    buffer = io.BytesIO()
    report = print_badges(ws, key, buffer, layout, stream_number, participant_ids, progress, cancel)
    paint_pdf(buffer.getvalue(), printer)
    return report


def prepare_printer(printer: QPrinter, layout: BadgeLayout) -> None:
    """The paper is the layout's page (A4, A6 or the label), used edge to edge."""
    size = QPageSize(
        QSizeF(layout.page_width, layout.page_height),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,  # A4 and A6 become the named sizes drivers know
    )
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def paint_pdf(pdf: bytes, printer: QPrinter) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("printer_unavailable", printer=printer.printerName())
    try:
        resolution = printer.resolution()
        dpi = min(resolution, MAX_PRINT_DPI)
        scale = resolution / POINTS_PER_INCH  # device pixels per point: 100 %, no fitting
        pages = _rasterized(pdf, lambda _width, _height: dpi / POINTS_PER_INCH)
        for index, (width, height, image) in enumerate(pages):
            if index:
                printer.newPage()
            painter.drawImage(QRectF(0, 0, width * scale, height * scale), image)
    finally:
        painter.end()


def _fit_images(pdf: bytes, box_width: int, box_height: int) -> list[QImage]:
    def fit(width: float, height: float) -> float:
        return min(box_width / width, box_height / height)

    return [image for _width, _height, image in _rasterized(pdf, fit)]


def _rasterized(
    pdf: bytes, scale_for: Callable[[float, float], float]
) -> Iterator[tuple[float, float, QImage]]:
    """(width pt, height pt, image) per page. pdfium is not thread-safe: every pdfium object
    is closed here, on the worker, instead of by a finalizer on whatever thread runs it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                width, height = page.get_size()
                bitmap = page.render(scale=scale_for(width, height))
                try:
                    image = _to_qimage(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
            yield width, height, image
    finally:
        document.close()


def _to_qimage(bitmap: pypdfium2.PdfBitmap) -> QImage:
    picture = bitmap.to_pil().convert("RGB")
    data = picture.tobytes()
    image = QImage(
        data, picture.width, picture.height, picture.width * 3, QImage.Format.Format_RGB888
    )
    return image.copy()  # owns its pixels: ``data`` dies with this frame


class PreviewView(QScrollArea):
    """The preview pages one under another, like a PDF viewer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._column = QWidget()
        self._column.setStyleSheet("background: #8a8f96;")
        self._layout = QVBoxLayout(self._column)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._layout.setSpacing(12)
        self.setWidget(self._column)
        self.pages: list[QLabel] = []
        self._images: list[QImage] = []

    def set_images(self, images: Sequence[QImage]) -> None:
        for label in self.pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.pages = []
        self._images = list(images)
        for _image in self._images:
            label = QLabel()
            label.setStyleSheet("background: white; border: 1px solid #444;")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        self._scale_pages()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_pages()

    def _scale_pages(self) -> None:
        """Each page whole in the view (never enlarged past its rendering)."""
        room = QSize(
            max(self.viewport().width() - 40, 120), max(self.viewport().height() - 30, 160)
        )
        for label, image in zip(self.pages, self._images, strict=True):
            size = image.size().scaled(
                room.boundedTo(image.size()), Qt.AspectRatioMode.KeepAspectRatio
            )
            scaled = image.scaled(size, mode=Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
