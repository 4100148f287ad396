"""The «Синхронизация» page against the real PostgreSQL: test connection, sync with progress and
counts, cancel and resume, the password kept in the keyring (never in the station file), files,
errors as sentences and the status bar label."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow

from smm_event.services import sync as sync_service
from smm_event.station import StationSettings
from tests.support.keyring import MemoryKeyring
from ui.background import default_executor
from ui.context import AppContext
from ui.i18n import install_translators
from ui.sync.sync_page import SyncPage

from .conftest import retire

WAIT_MS = 20000


@pytest.fixture
def page(
    qapp: Any, qtbot: Any, demo_template: Path, tmp_path: Path, message_boxes: Any
) -> Iterator[SyncPage]:
    install_translators(qapp, "ru")
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(demo_template, path)
    context = AppContext(default_executor(), StationSettings(), tmp_path / "station.toml")
    window = QMainWindow()
    widget = SyncPage(context)
    window.setCentralWidget(widget)
    qtbot.addWidget(window)
    context.open(path)
    qtbot.waitUntil(
        lambda: widget.bar_label is not None and "Синхр.: ещё не было" in widget.bar_label.text(),
        timeout=WAIT_MS,
    )
    yield widget
    context.shutdown()
    # Every queued result delivered before the objects are retired.
    qtbot.waitUntil(lambda: not context.executor.busy, timeout=WAIT_MS)
    retire(context)


@pytest.mark.postgres
def test_test_connection_then_sync_shows_counts_and_status(
    qtbot: Any, page: SyncPage, postgres_url: str, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    page.url_edit.setText(postgres_url)
    page.password_edit.setText("секрет")
    page.check_connection()
    qtbot.waitUntil(lambda: page.check_label.text().startswith("Подключено"), timeout=WAIT_MS)
    assert "Мероприятие: пока нет" in page.check_label.text()
    page.start_sync()
    qtbot.waitUntil(lambda: page.phase_label.text() == "Готово.", timeout=WAIT_MS)
    assert page.counts_label.text().startswith("Отправлено: 6")
    assert page.counts_label.text().endswith("Получено: 0 · Требуют внимания: 0")
    qtbot.waitUntil(
        lambda: "не отправлено: 0" in (page.bar_label.text() if page.bar_label else ""),
        timeout=WAIT_MS,
    )
    assert "Не отправлено на сервер записей: 0." in page.status_label.text()
    assert page.attention_label.text() == "Ничего не требует внимания."
    station = (tmp_path / "station.toml").read_text(encoding="utf-8")
    assert "127.0.0.1:5432" in station and "секрет" not in station
    assert list(memory_keyring.store.values()) == ["секрет"]
    assert page.password_edit.text() == ""


@pytest.mark.postgres
def test_cancel_then_sync_again_completes(
    qtbot: Any, page: SyncPage, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sync_service,
        "sync_with_central",
        functools.partial(sync_service.sync_with_central, batch_size=50),
    )
    page.url_edit.setText(postgres_url)
    page._relay.reported.connect(lambda report: page.cancel() if report.pushed >= 100 else None)
    page.start_sync()
    qtbot.waitUntil(lambda: page.phase_label.text().startswith("Отменено"), timeout=WAIT_MS)
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()
    page._relay.reported.disconnect()
    page._relay.reported.connect(page._show_progress)
    page.start_sync()
    qtbot.waitUntil(lambda: page.phase_label.text() == "Готово.", timeout=WAIT_MS)
    assert "Получено: 0" in page.counts_label.text()
    qtbot.waitUntil(lambda: "записей: 0." in page.status_label.text(), timeout=WAIT_MS)


def test_errors_are_sentences(qtbot: Any, page: SyncPage, message_boxes: Any) -> None:
    page.url_edit.setText("mysql://someone@server/db")
    page.start_sync()
    page.url_edit.setText("postgresql://postgres@127.0.0.1:1/nowhere")
    page.check_connection()
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 2, timeout=WAIT_MS)
    first, second = message_boxes.texts("warning")
    assert first.startswith("«mysql://someone@server/db» — не адрес базы данных")
    assert second.startswith("Сервер недоступен")
    assert page.check_button.isEnabled()


def test_files_out_and_back(
    qtbot: Any, page: SyncPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "stick.smm"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(bundle), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(bundle), ""))
    )
    page.export_file()
    qtbot.waitUntil(
        lambda: page.phase_label.text().startswith("Сохранено записей"), timeout=WAIT_MS
    )
    assert bundle.exists()
    page.import_file()
    qtbot.waitUntil(
        lambda: page.phase_label.text().startswith("Загружено новых записей: 0"), timeout=WAIT_MS
    )
    assert page.import_button.isEnabled()
