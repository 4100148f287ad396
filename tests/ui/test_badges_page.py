"""The «Бейджи» page on a demo workspace: preview, layouts, saving and printing signed badges,
the passphrase asked once, and a desk laptop without the private key."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pypdf
import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog

from smm_event.domain.badges import TokenResult
from smm_event.services import badges, keys
from smm_event.workspace import open_workspace
from ui.badges import badge_keys, badges_page
from ui.badges.badge_people import CHOSEN
from ui.main_window import MainWindow

PASSPHRASE = "ключ организатора"
WAIT_MS = 15000
MM = 72 / 25.4


@pytest.fixture(autouse=True)
def back_to_the_first_page(start_desk: Any) -> Iterator[None]:
    """Set up after ``start_desk``, so torn down before it saves the window's settings: the
    next test's window must not open on this page."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.show_page("participants")


@pytest.fixture
def organizer_copy(demo_copy: Path, cheap_scrypt: None) -> Path:
    badge_keys.forget_keys()
    with open_workspace(demo_copy) as ws:
        keys.init_keys(ws, PASSPHRASE)
    return demo_copy


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Passphrases the «Ключ подписи» dialog returns, in order; each use is popped."""
    queue: list[str] = []

    def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        return (queue.pop(0), True) if queue else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return queue


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), "PDF (*.pdf)"))
    )


def open_page(qtbot: Any, start_desk: Any, workspace: Path) -> Any:
    desk = start_desk(workspace)
    qtbot.waitUntil(lambda: desk.context.summary is not None, timeout=WAIT_MS)
    desk.window.show_page("badges")
    page = desk.window.page("badges")
    qtbot.waitUntil(lambda: len(page.preview_view.pages) > 0, timeout=WAIT_MS)
    return page


def choose_layout(qtbot: Any, page: Any, name: str) -> None:
    index = page.layout_combo.findData(name)
    page.layout_combo.setCurrentIndex(index)
    page.layout_combo.activated.emit(index)


def scanned_people(pdf: Path, workspace: Path) -> list[Any]:
    from ui.background import default_executor

    # pdfium is not thread-safe: the worker must be idle, and every object is closed here
    # rather than by a finalizer that could run later, during another test's preview.
    assert default_executor().wait(WAIT_MS)
    found = []
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        page = document[index]
        bitmap = page.render(scale=200 / 72, grayscale=True)
        image = np.array(bitmap.to_pil())
        bitmap.close()
        page.close()
        found += zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    document.close()
    with open_workspace(workspace) as ws:
        return [badges.verify_badge(ws, result.text) for result in found]


def test_page_opens_in_russian_with_a_preview_of_stream_1(
    qtbot: Any, start_desk: Any, organizer_copy: Path
) -> None:
    page = open_page(qtbot, start_desk, organizer_copy)
    window = page.window()
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert "Бейджи" in titles
    assert page.summary_label.text() == "Бейджей: 70, страниц: 7"
    assert len(page.preview_view.pages) == 6  # the first six sheets only
    assert page.preview_caption.text().startswith("Показаны первые 6 из 7 страниц.")
    assert not page.print_button.isHidden() and not page.save_button.isHidden()
    assert page.no_key_label.isHidden()


def test_layout_choice_changes_the_preview(
    qtbot: Any, start_desk: Any, organizer_copy: Path
) -> None:
    page = open_page(qtbot, start_desk, organizer_copy)
    choose_layout(qtbot, page, "label-62x100")
    qtbot.waitUntil(
        lambda: page.summary_label.text() == "Бейджей: 70, страниц: 70", timeout=WAIT_MS
    )
    label = page.preview_view.pages[0].pixmap()
    assert label.height() > label.width() * 1.4  # a 62 x 100 mm label, upright
    page.people.set_mode(1)  # everyone
    qtbot.waitUntil(
        lambda: page.summary_label.text() == "Бейджей: 210, страниц: 210", timeout=WAIT_MS
    )


def test_saving_asks_the_passphrase_once_and_logs_each_badge(
    qtbot: Any,
    start_desk: Any,
    organizer_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: list[str],
) -> None:
    page = open_page(qtbot, start_desk, organizer_copy)
    page.people.set_mode(CHOSEN)
    qtbot.waitUntil(lambda: page.people.people.count() == 210, timeout=WAIT_MS)
    for row in (3, 150):
        page.people.tick(row)
    chosen = [page.people.people.item(row).data(Qt.ItemDataRole.UserRole) for row in (3, 150)]
    answers += ["не тот пароль", PASSPHRASE]
    first = tmp_path / "two.pdf"
    save_to(monkeypatch, first)
    page.save_pdf()
    qtbot.waitUntil(lambda: first.exists() and page.log_view.table.rowCount() == 2, timeout=WAIT_MS)
    assert answers == []  # asked again after the wrong one, then never more
    checks = scanned_people(first, organizer_copy)
    assert {c.result for c in checks} == {TokenResult.VALID}
    assert sorted(c.participant_id for c in checks) == sorted(chosen)
    page.people.set_mode(0)  # stream 1
    second = tmp_path / "stream.pdf"
    save_to(monkeypatch, second)
    qtbot.waitUntil(lambda: page.summary_label.text() == "Бейджей: 70, страниц: 7", timeout=WAIT_MS)
    page.save_pdf()
    qtbot.waitUntil(lambda: page.log_view.table.rowCount() == 72, timeout=WAIT_MS)
    assert second.exists() and "Готово. Бейджей: 70, страниц: 7." in page.status_label.text()


def test_printing_paints_labels_at_full_size(
    qtbot: Any,
    start_desk: Any,
    organizer_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: list[str],
) -> None:
    printed = tmp_path / "printer.pdf"

    class PrintToFile:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(badges_page, "QPrintDialog", PrintToFile)
    page = open_page(qtbot, start_desk, organizer_copy)
    choose_layout(qtbot, page, "label-62x100")
    page.people.set_mode(CHOSEN)
    qtbot.waitUntil(lambda: page.people.people.count() == 210, timeout=WAIT_MS)
    page.people.tick(0)
    page.people.tick(1)
    answers.append(PASSPHRASE)
    page.print_badges()
    qtbot.waitUntil(lambda: page.log_view.table.rowCount() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page._work or page._work.finished, timeout=WAIT_MS)
    sheets = pypdf.PdfReader(printed).pages
    assert len(sheets) == 2
    for sheet in sheets:  # the label's own size: nothing was fitted to another paper
        assert float(sheet.mediabox.width) == pytest.approx(62 * MM, abs=1.5)
        assert float(sheet.mediabox.height) == pytest.approx(100 * MM, abs=1.5)
    assert [c.result for c in scanned_people(printed, organizer_copy)] == [TokenResult.VALID] * 2


def test_a_desk_without_the_private_key_explains_instead_of_printing(
    qtbot: Any, start_desk: Any, organizer_copy: Path
) -> None:
    with sqlite3.connect(organizer_copy) as connection:
        connection.execute("DELETE FROM signing_key")
    connection.close()
    page = open_page(qtbot, start_desk, organizer_copy)
    qtbot.waitUntil(lambda: not page.no_key_label.isHidden(), timeout=WAIT_MS)
    assert page.print_button.isHidden() and page.save_button.isHidden()
    assert "только открытый ключ" in page.no_key_label.text()
    assert page.summary_label.text() == "Бейджей: 70, страниц: 7"  # the preview still works
