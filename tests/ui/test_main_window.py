"""The main window on a demo workspace: Russian by default, everyone listed, search, filter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smm_event.services.participants import list_participants
from smm_event.station import load_station_settings
from smm_event.text.folding import fold
from smm_event.workspace import open_workspace
from ui import status_bar

WAIT_MS = 5000


def participants_page(desk: Any) -> Any:
    return desk.window.page("participants")


def wait_rows(qtbot: Any, desk: Any, count: int) -> None:
    model = participants_page(desk).model
    qtbot.waitUntil(lambda: model.rowCount() == count, timeout=WAIT_MS)


def type_text(widget: Any, text: str) -> None:
    """Key presses carrying Cyrillic text (QTest.keyClicks handles ASCII only and aborts)."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def menu_titles(desk: Any) -> list[str]:
    return [action.text() for action in desk.window.menuBar().actions()]


def test_opens_the_demo_in_russian_with_everyone_listed(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    window = desk.window
    assert window.windowTitle().startswith("Центр компетенций по SMM для НКО")
    assert menu_titles(desk) == ["&Файл", "&Организатор", "&Вид", "&Справка"]
    assert window.navigation.item(0).text() == "Участники"
    page = participants_page(desk)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers[:4] == ["№", "Фамилия", "Имя", "Отчество"]
    assert page.count_label.text() == "Показано 210 участников из 210"
    assert window.status.people.text() == "210 участников"
    assert window.status.dates.text() == "12–29 мая 2026 года"
    surnames = [page.model.participant(row).surname for row in range(210)]
    assert surnames[0] < surnames[-1]


def test_search_ignores_case_and_yo(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    with open_workspace(demo_copy) as ws:
        everyone = list_participants(ws)
    expected = {
        p.id
        for p in everyone
        if "киселева"
        in fold(
            " ".join(filter(None, (p.surname, p.first_name, p.patronymic, p.organization, p.phone)))
        )
    }
    assert len(expected) >= 2  # the demo has two Киселёва
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    page = participants_page(desk)
    type_text(page.search, "киселева")
    assert page.search.text() == "киселева"
    wait_rows(qtbot, desk, len(expected))
    assert {p.id for p in page.model.rows()} == expected
    assert all(p.surname == "Киселёва" for p in page.model.rows())
    page.clear_search()
    wait_rows(qtbot, desk, 210)


def test_stream_filter_shows_one_stream(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    page = participants_page(desk)
    labels = [page.stream_filter.itemText(i) for i in range(page.stream_filter.count())]
    assert labels[0] == "Все потоки" and labels[-1] == "Без потока"
    assert labels[1].startswith("Поток 1 — ")
    page.stream_filter.setCurrentIndex(1)
    wait_rows(qtbot, desk, 70)
    assert {p.stream_number for p in page.model.rows()} == {1}
    assert page.count_label.text() == "Показано 70 участников из 210"
    page.stream_filter.setCurrentIndex(len(labels) - 1)  # without a stream: everyone has one
    wait_rows(qtbot, desk, 0)
    assert page.count_label.text() == "Показано 0 участников из 210"


def test_keyboard_find_and_escape(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    page = participants_page(desk)
    desk.window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(desk.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(page.search, "zzzz")
    wait_rows(qtbot, desk, 0)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    wait_rows(qtbot, desk, 210)


def test_details_dialog_shows_the_person(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    page = participants_page(desk)
    person = page.model.participant(0)
    dialog = page.open_details(0)
    texts = [label.text() for label in dialog.findChildren(type(page.count_label))]
    assert person.full_name in texts
    assert "Организация:" in texts and dialog.form.organization.text() == person.organization
    assert any(text.startswith(f"Поток {person.stream_number} — ") for text in texts)
    dialog.close()


def test_english_can_be_chosen_and_is_remembered(
    qtbot: Any, start_desk: Any, demo_copy: Path, tmp_path: Path
) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    old_window = desk.window
    old_window.language_actions["en"].trigger()
    assert desk.window is not old_window
    assert menu_titles(desk) == ["&File", "&Organizer", "&View", "&Help"]
    wait_rows(qtbot, desk, 210)
    assert participants_page(desk).count_label.text() == "Showing 210 participants of 210"
    assert desk.window.status.people.text() == "210 participants"
    assert load_station_settings(tmp_path / "station.toml").language == "en"
    desk.window.language_actions["ru"].trigger()
    assert menu_titles(desk) == ["&Файл", "&Организатор", "&Вид", "&Справка"]


def test_language_from_the_command_line_wins(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    desk = start_desk(demo_copy, language="en")
    wait_rows(qtbot, desk, 210)
    assert menu_titles(desk) == ["&File", "&Organizer", "&View", "&Help"]


def test_damaged_workspace_shows_a_russian_message(
    qtbot: Any, start_desk: Any, tmp_path: Path, message_boxes: Any
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database\x00\xff" * 200)
    desk = start_desk(broken)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [(kind, title, text)] = message_boxes.shown
    assert kind == "warning" and title == "Внимание"
    assert "повреждён" in text and "backups" in text and str(broken) in text
    assert "Traceback" not in text
    assert desk.window.start_page.isVisibleTo(desk.window)
    assert desk.window.start_page.open_button.isVisibleTo(desk.window)


def test_unexpected_error_is_logged_and_shown_briefly(
    qtbot: Any,
    start_desk: Any,
    tmp_path: Path,
    message_boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
    user_dirs: Path,
) -> None:
    import ui.context

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ui.context, "open_workspace", explode)
    start_desk(tmp_path / "any.sqlite3")
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    [(kind, _title, text)] = message_boxes.shown
    assert kind == "critical" and "ошибка" in text and "disk on fire" not in text
    log = user_dirs / "smm-event" / "logs" / "gui-errors.log"
    assert str(log) in text
    assert "RuntimeError: disk on fire" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("interrupted_before", [False, True])
def test_demo_is_created_when_missing_or_empty(
    qtbot: Any,
    start_desk: Any,
    user_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_template: Path,
    interrupted_before: bool,
) -> None:
    import shutil

    import smm_event.services.demo as demo_service

    demo_path = user_dirs / "smm-event" / "demo.sqlite3"
    if interrupted_before:  # a workspace without an event where the demo should be
        open_workspace(demo_path).close()
    created: list[Path] = []

    def fast_demo(path: Path, **kwargs: object) -> None:  # the real one has its own tests
        assert kwargs["replace"] is True
        demo_service.remove_workspace_files(path)
        shutil.copyfile(demo_template, path)
        created.append(path)

    monkeypatch.setattr(demo_service, "create_demo", fast_demo)
    desk = start_desk(None, demo=True)
    wait_rows(qtbot, desk, 210)
    assert created == [demo_path]


def test_opened_workspace_is_remembered_but_the_demo_is_not(
    qtbot: Any, start_desk: Any, demo_copy: Path, tmp_path: Path
) -> None:
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    assert load_station_settings(tmp_path / "station.toml").last_workspace == str(demo_copy)


@pytest.mark.parametrize(
    ("today", "warned"),
    [
        (dt.date(2026, 5, 11), False),
        (dt.date(2026, 5, 30), False),
        (dt.date(2026, 5, 10), True),
        (dt.date(2026, 5, 31), True),
    ],
)
def test_clock_warning_outside_the_event_dates(
    qtbot: Any,
    start_desk: Any,
    demo_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    today: dt.date,
    warned: bool,
) -> None:
    monkeypatch.setattr(status_bar, "today", lambda: today)
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    warning = desk.window.status.date_warning
    assert warning.isVisibleTo(desk.window) == warned
    if warned:
        assert warning.text().startswith("Проверьте дату на компьютере")


def test_heavy_screens_are_built_when_first_shown(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    # Start-up builds only the roster, desk and sync screens (issue 15); the others come with
    # their navigation title and are built, with the open workspace, on first display.
    desk = start_desk(demo_copy)
    wait_rows(qtbot, desk, 210)
    window = desk.window
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert "Сертификат" in titles and "Бейджи" in titles
    assert type(window.pages.widget(window._keys.index("certificates"))).__name__ == "QWidget"
    window.show_page("certificates")
    shown = window.pages.currentWidget()
    assert type(shown).__name__ == "CertificatesPage"
    assert window.page("certificates") is shown and window.current_page_key() == "certificates"
    assert window.pages.count() == len(titles)
