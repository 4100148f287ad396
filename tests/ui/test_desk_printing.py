"""Badges made at the desk go to the desk's printer: a walk-in's first badge and a reprint are
painted on the chosen printer (a PDF-output QPrinter here) on the render lane, never the GUI
thread; the message says «отправлен на принтер» or «открыт» only when that happened, and
otherwise where the file is; the choice is remembered."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QInputDialog, QMessageBox

from smm_event.services import keys, participants
from smm_event.station import load_station_settings
from smm_event.workspace import open_workspace
from ui.common.passphrase_session import forget_keys
from ui.desk import badge_output, desk_page
from ui.desk.verdicts import Tone

WAIT_MS = 10_000
PASSPHRASE = "desk passphrase 1"
MORNING = dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC)

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


class PdfPrinters:
    """A printer seam: each job goes to a PDF file; records the thread that painted it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.jobs: list[Path] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, name: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"job{len(self.jobs)}.pdf"
        printer.setOutputFileName(str(path))
        self.jobs.append(path)
        self.threads.append(threading.current_thread())
        return printer


@pytest.fixture
def page(
    qtbot: Any,
    start_desk: Any,
    demo_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[Any]:
    with open_workspace(demo_copy) as ws:
        keys.init_keys(ws, PASSPHRASE)
    monkeypatch.setattr(desk_page, "now", lambda: MORNING)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a: (PASSPHRASE, True)))
    yes = staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "question", yes)
    forget_keys()
    app: Any = start_desk(demo_copy)
    app.window.show_page("desk")
    desk = app.window.page("desk")
    desk.player = type("Silent", (), {"play": lambda self, sound: None})()
    qtbot.waitUntil(lambda: desk.counts is not None, timeout=WAIT_MS)
    yield desk
    forget_keys()
    app.window.show_page("participants")


def walk_in(qtbot: Any, page: Any) -> None:
    dialog = page.open_walk_in()
    dialog.surname.setText("Оганесян")
    dialog.first_name.setText("Ануш")
    dialog.submit()
    qtbot.waitUntil(lambda: page.result.tone is Tone.ADMITTED, timeout=WAIT_MS)
    qtbot.waitUntil(page.result.print_button.isVisible, timeout=WAIT_MS)


def test_a_walk_ins_badge_goes_to_the_chosen_printer(
    qtbot: Any, page: Any, message_boxes: Any, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    output = page.reprinter.output
    output.factory, output.available = printers, lambda: ["Стойка HP"]
    page.context.update_station(printer_name="Стойка HP")
    walk_in(qtbot, page)
    page.result.print_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [text] = message_boxes.texts("information")
    assert "Отправлено на принтер «Стойка HP»" in text and "Оганесян" in text
    assert printers.threads[0] is not threading.main_thread()  # painted on the render lane
    document = pypdfium2.PdfDocument(printers.jobs[0])
    try:
        width, height = document[0].get_size()
        assert len(document) == 1 and abs(width - 297.6) < 3 and abs(height - 419.5) < 3  # A6
    finally:
        document.close()
    assert output.last.path.exists()  # the PDF is kept too


def test_without_a_printer_the_pdf_is_opened_or_its_place_said(
    qtbot: Any, page: Any, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = [False, True]
    monkeypatch.setattr(badge_output, "open_file", lambda _path: opened.pop(0))
    page.context.update_station(printer_name="")
    person = participants_of(page)[3]
    page.reprinter.reprint(person)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=WAIT_MS)
    first = message_boxes.texts("information")[0]
    assert (
        "сохранён" in first
        and "открыт" not in first
        and str(page.reprinter.output.last.path) in first
    )
    page.reprinter.reprint(person)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 2, timeout=WAIT_MS)
    assert "PDF открыт" in message_boxes.texts("information")[1]


def test_a_printer_that_is_gone_falls_back_and_says_so(
    qtbot: Any, page: Any, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(badge_output, "open_file", lambda _path: False)
    page.reprinter.output.available = lambda: []
    page.context.update_station(printer_name="Старый Canon")
    page.reprinter.reprint(participants_of(page)[4])
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [text] = message_boxes.texts("information")
    assert "«Старый Canon» не найден" in text and "Отправлено" not in text


def test_the_printer_choice_is_remembered(page: Any, tmp_path: Path) -> None:
    context = page.context
    context.update_station(printer_name="")
    combo = badge_output.printer_choice(context, lambda: ["HP", "Brother QL"])
    assert combo.currentData() == ""  # none chosen: open the PDF
    combo.setCurrentIndex(combo.findData("Brother QL"))
    assert load_station_settings(tmp_path / "station.toml").printer_name == "Brother QL"
    again = badge_output.printer_choice(context, lambda: ["HP"])
    assert again.currentData() == "Brother QL" and "не найден" in again.currentText()
    combo.deleteLater()
    again.deleteLater()


def participants_of(page: Any) -> Any:
    with open_workspace(page.context.workspace.path) as ws:
        return participants.list_participants(ws, stream_number=1)
