"""The «Сертификаты» page on a demo workspace with stream 1 attended: reasons in the table,
issuing to a PDF and files with progress, cancel, printing, names, the register and checking a
certificate's QR text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog

from smm_event.services import keys
from smm_event.station import StationSettings
from smm_event.workspace import open_workspace
from tests.support.certificates import mark_stream_present
from ui.background import default_executor
from ui.badges import badge_keys, badge_preview
from ui.certificates import certificates_page
from ui.certificates.certificates_page import CertificatesPage
from ui.context import AppContext
from ui.i18n import install_translators

from .conftest import retire

PASSPHRASE = "ключ организатора"
WAIT_MS = 20000
MM = 72 / 25.4


@pytest.fixture
def organizer_copy(demo_template: Path, tmp_path: Path, cheap_scrypt: None) -> Path:
    badge_keys.forget_keys()
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(demo_template, path)
    with open_workspace(path) as ws:
        keys.init_keys(ws, PASSPHRASE)
        mark_stream_present(ws, 1)
    return path


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What QInputDialog.getText returns, in order (passphrases, reasons)."""
    queue: list[str] = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        staticmethod(lambda *_a, **_k: (queue.pop(0), True) if queue else ("", False)),
    )
    return queue


@pytest.fixture
def page(
    qapp: Any, qtbot: Any, organizer_copy: Path, tmp_path: Path, message_boxes: Any
) -> Iterator[CertificatesPage]:
    install_translators(qapp, "ru")
    context = AppContext(default_executor(), StationSettings(), tmp_path / "station.toml")
    widget = CertificatesPage(context)
    qtbot.addWidget(widget)
    context.open(organizer_copy)
    qtbot.waitUntil(lambda: widget.eligibility_model.rowCount() == 210, timeout=WAIT_MS)
    yield widget
    context.shutdown()
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not context.executor.busy, timeout=WAIT_MS)
    retire(context)


def choose_stream(qtbot: Any, page: CertificatesPage, number: int) -> None:
    page.stream_combo.setCurrentIndex(page.stream_combo.findData(number))
    page.reload()
    qtbot.waitUntil(lambda: page.eligibility_model.rowCount() == 70, timeout=WAIT_MS)


def test_reasons_are_shown_in_numbers(qtbot: Any, page: CertificatesPage) -> None:
    assert page.summary_label.text() == "Положен сертификат: 70 из 210. Выдан действующий: 0."
    choose_stream(qtbot, page, 2)
    model = page.eligibility_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Участник"
    assert model.index(0, 5).data() == "нет"
    assert model.index(0, 2).data() == "0 / 16"
    assert model.index(0, 7).data() == (
        "посещаемость 0 % ниже 75 %: не хватает занятий: 12; нет выходного теста; не отмечено занятий: 16"
    )


def test_issue_to_a_pdf_and_files_then_the_register_lists_them(
    qtbot: Any,
    page: CertificatesPage,
    answers: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(out))
    )
    choose_stream(qtbot, page, 1)
    page.files_box.setChecked(True)
    answers.append(PASSPHRASE)
    page.issue_and_save()
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Готово"), timeout=WAIT_MS)
    assert "Новых сертификатов: 70" in page.status_label.text()
    assert "Номера с 001/2026 по 070/2026." in page.status_label.text()
    assert len(pypdf.PdfReader(out / "certificates.pdf").pages) == 70
    assert len(list((out / "certificates").glob("*.pdf"))) == 70
    qtbot.waitUntil(lambda: page.register_model.rowCount() == 70, timeout=WAIT_MS)
    assert page.eligibility_model.index(0, 6).data() == "001/2026"
    assert page.register_model.index(0, 2).data() == "действителен"


def test_a_batch_that_issues_nothing_says_why(
    qtbot: Any,
    page: CertificatesPage,
    answers: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(out))
    )
    choose_stream(qtbot, page, 2)  # nobody of stream 2 has attended yet
    answers.append(PASSPHRASE)
    page.issue_and_save()
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Готово"), timeout=WAIT_MS)
    text = page.status_label.text()
    assert "PDF не создан: ещё не допущены: 70, падеж имени не проверен: 0" in text
    assert "«Право на сертификат»" in text
    assert not list(out.iterdir())


def test_cancel_uses_no_number(
    qtbot: Any,
    page: CertificatesPage,
    answers: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(tmp_path))
    )
    answers.append(PASSPHRASE)
    page.issue_and_save()
    qtbot.waitUntil(lambda: not page.cancel_button.isHidden(), timeout=WAIT_MS)
    page.cancel_work()
    assert page.cancel_button.isHidden() and page.issue_button.isEnabled()
    assert page.status_label.text() == "Отменено. Номера не израсходованы, файлы не записаны."
    default_executor().wait(WAIT_MS)
    QApplication.processEvents()  # the finished work's queued signals, not a guessed delay
    assert page.register_model.rowCount() == 0 and not (tmp_path / "certificates.pdf").exists()


def test_printing_goes_through_the_print_dialog_at_a4_landscape(
    qtbot: Any,
    page: CertificatesPage,
    answers: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printer.pdf"

    class PrintToFile:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(certificates_page, "QPrintDialog", PrintToFile)
    monkeypatch.setattr(badge_preview, "MAX_PRINT_DPI", 36)  # 70 pages; the size is what counts
    choose_stream(qtbot, page, 1)
    answers.append(PASSPHRASE)
    page.issue_and_print()
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Готово"), timeout=WAIT_MS)
    sheets = pypdf.PdfReader(printed).pages
    assert len(sheets) == 70
    assert float(sheets[0].mediabox.width) == pytest.approx(297 * MM, abs=2)
    assert float(sheets[0].mediabox.height) == pytest.approx(210 * MM, abs=2)


def test_a_corrected_dative_form_is_confirmed(qtbot: Any, page: CertificatesPage) -> None:
    choose_stream(qtbot, page, 1)
    page.tabs.setCurrentIndex(1)
    model = page.names_model
    first = model.rows[0]
    assert model.setData(model.index(0, 1), "Иному Имени Отчеству")
    qtbot.waitUntil(lambda: page.names_model.rows[0].confirmed, timeout=WAIT_MS)
    assert page.names_model.rows[0].dative == "Иному Имени Отчеству"
    assert page.names_model.rows[0].participant_id == first.participant_id
    assert page.names_model.index(0, 2).data() == "подтверждено"


def test_checking_a_certificate_and_a_tampered_one(
    qtbot: Any,
    page: CertificatesPage,
    answers: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(tmp_path))
    )
    choose_stream(qtbot, page, 1)
    answers.append(PASSPHRASE)
    page.issue_and_save()
    qtbot.waitUntil(lambda: page.register_model.rowCount() == 70, timeout=WAIT_MS)
    text = page.register_model.rows[0].verify_text
    page.verify_panel.verify_input.setText(text)
    page.verify_panel.verify()
    qtbot.waitUntil(lambda: page.verify_panel.verify_result.text() != "", timeout=WAIT_MS)
    assert page.verify_panel.verify_result.text().startswith(
        "Подлинный сертификат № 001/2026 (версия 1)"
    )
    assert page.verify_panel.verify_result.text().endswith("Статус: действителен.")
    page.verify_panel.verify_input.setText(
        text[:30] + ("Q" if text[30] != "Q" else "R") + text[31:]
    )
    page.verify_panel.verify()
    qtbot.waitUntil(
        lambda: page.verify_panel.verify_result.text().startswith("НЕ ПОДЛИННЫЙ"), timeout=WAIT_MS
    )
    # Void from the register tab: the same code now reads as void.
    page.register_view.selectRow(0)
    answers.append("выдан по ошибке")
    page.void_selected()
    qtbot.waitUntil(
        lambda: page.register_model.index(0, 2).data() == "аннулирован", timeout=WAIT_MS
    )
    page.verify_panel.verify_input.setText(text)
    page.verify_panel.verify()
    qtbot.waitUntil(
        lambda: page.verify_panel.verify_result.text().endswith("Статус: аннулирован."),
        timeout=WAIT_MS,
    )
    export = tmp_path / "реестр.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(export), ""))
    )
    page.export_register()
    qtbot.waitUntil(export.exists, timeout=WAIT_MS)


def test_the_wording_choice_is_saved_for_the_event(qtbot: Any, page: CertificatesPage) -> None:
    assert page.template_combo.currentData() == "default"
    index = page.template_combo.findData("dative")
    page.template_combo.setCurrentIndex(index)
    page.choose_template(index)
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.settings.template == "dative", timeout=WAIT_MS
    )
    assert page.template_combo.currentText() == "«…выдан Иванову Ивану…»"
