"""A badge made at the desk (a reprint, a walk-in's first badge) goes to the desk's printer.

The desk setting «Принтер бейджей» (``StationSettings.printer_name``, one of the system's
printers) is where it goes; the PDF is always saved under the user data folder too. The PDF is
rasterized with pdfium and painted on a ``QPrinter`` on the RENDER lane (QPainter may paint on a
QPrinter from a worker thread; PySide6-Essentials has no QtPdf), so the GUI thread and the scans
never wait for a spooler. With no printer chosen, a printer that is gone, or a printer that
refuses the job, the PDF is handed to the system viewer. The message says «отправлен на
принтер» or «открыт» only when that happened, and otherwise where the file is.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from smm_event.errors import UserError
from smm_event.paths import user_data_dir
from ui.background import Lane
from ui.context import AppContext
from ui.i18n import fill

PrinterFactory = Callable[[str], QPrinter]


def open_file(path: Path) -> bool:
    """Hand the PDF to the system viewer; False when no viewer took it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def system_printer(name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    return printer


def printer_choice(
    context: AppContext, available: Callable[[], list[str]] = printer_names
) -> QComboBox:
    """The desk setting «Принтер бейджей»: none (open the PDF) or one of the system's printers,
    remembered per laptop; a remembered printer that is gone stays listed, marked."""
    combo = QComboBox()
    combo.setToolTip(
        QCoreApplication.translate(
            "BadgeOutput", "Reprints and walk-ins' badges go straight to this printer."
        )
    )
    combo.addItem(QCoreApplication.translate("BadgeOutput", "None: open the PDF"), "")
    names = available()
    for name in names:
        combo.addItem(name, name)
    chosen = context.station.printer_name
    if chosen and chosen not in names:
        missing = QCoreApplication.translate("BadgeOutput", "{printer} (not found)")
        combo.addItem(fill(missing, printer=chosen), chosen)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def chosen_changed(_index: int) -> None:
        name = str(combo.currentData() or "")
        if name != context.station.printer_name:
            context.update_station(printer_name=name)

    combo.currentIndexChanged.connect(chosen_changed)
    return combo


class Sent(enum.Enum):
    PRINTED = "printed"
    OPENED = "opened"
    SAVED = "saved"  # neither: the message says where the file is


@dataclass(frozen=True)
class Delivery:
    path: Path
    sent: Sent
    printer: str = ""
    printer_failed: bool = False  # a printer was chosen but could not take the job


def save_pdf(pdf: bytes, stem: str) -> Path:
    folder = user_data_dir() / "badges"
    name = re.sub(r"[^\w-]+", "_", stem).strip("_") or "badge"
    path = folder / f"{name}-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    return path


def save_and_print(pdf: bytes, stem: str, printer_name: str, factory: PrinterFactory) -> Delivery:
    """On the RENDER lane: save the PDF, then paint it on ``printer_name`` (if any)."""
    path = save_pdf(pdf, stem)
    if not printer_name:
        return Delivery(path, Sent.SAVED)
    from ui.badges.badge_preview import paint_pdf  # pdfium: loaded only when printing

    printer = factory(printer_name)
    _fit_paper(printer, pdf)
    try:
        paint_pdf(pdf, printer)
    except UserError:
        return Delivery(path, Sent.SAVED, printer_name, printer_failed=True)
    return Delivery(path, Sent.PRINTED, printer_name)


def _fit_paper(printer: QPrinter, pdf: bytes) -> None:
    """The paper is the badge's page (A6 for the desk), used edge to edge."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        try:
            width, height = page.get_size()
        finally:
            page.close()
    finally:
        document.close()
    size = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


class BadgeOutput(QObject):
    """Sends a badge PDF to the desk's printer, or opens it, and says which happened."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        factory: PrinterFactory = system_printer,
        available: Callable[[], list[str]] = printer_names,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.factory = factory
        self.available = available
        self.last: Delivery | None = None

    def send(self, pdf: bytes, stem: str, title: str, first_line: str) -> None:
        chosen = self.context.station.printer_name
        missing = bool(chosen) and chosen not in self.available()
        self.context.run(
            lambda _ws: save_and_print(pdf, stem, "" if missing else chosen, self.factory),
            lane=Lane.RENDER,
            on_done=lambda delivery: self._sent(delivery, title, first_line, chosen, missing),
            on_error=lambda error: self._failed(error, title),
            owner=self.widget,
        )

    def _sent(
        self, delivery: Delivery, title: str, first_line: str, chosen: str, missing: bool
    ) -> None:
        if delivery.sent is Sent.SAVED and open_file(delivery.path):
            delivery = Delivery(
                delivery.path, Sent.OPENED, delivery.printer, delivery.printer_failed
            )
        self.last = delivery
        lines = [first_line]
        if missing:
            lines.append(
                fill(
                    self.tr("The printer «{printer}» is not found on this laptop."), printer=chosen
                )
            )
        elif delivery.printer_failed:
            lines.append(
                fill(self.tr("The printer «{printer}» did not take the job."), printer=chosen)
            )
        lines.append(self._where(delivery))
        QMessageBox.information(self.widget, title, "\n".join(lines))

    def _where(self, delivery: Delivery) -> str:
        if delivery.sent is Sent.PRINTED:
            return fill(
                self.tr("Sent to the printer «{printer}». The PDF is also saved: {path}"),
                printer=delivery.printer,
                path=delivery.path,
            )
        if delivery.sent is Sent.OPENED:
            return fill(
                self.tr("PDF opened: print it from the viewer. The file: {path}"),
                path=delivery.path,
            )
        return fill(
            self.tr("The PDF is saved to {path}. No viewer opened it: open the file and print it."),
            path=delivery.path,
        )

    def _failed(self, error: BaseException, title: str) -> None:
        from ui.errors import show_error

        if isinstance(error, OSError):
            QMessageBox.warning(
                self.widget,
                title,
                fill(self.tr("The badge PDF could not be saved: {error}"), error=str(error)),
            )
            return
        show_error(self.widget, error)
