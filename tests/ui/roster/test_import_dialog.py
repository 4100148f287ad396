"""The import dialog: a cp1251 roster with bad rows is previewed (encoding, delimiter, problems
by row and column) and nothing is written until the organizer confirms; a column the file
names oddly is mapped by hand; a score file lists the rows that matched nobody."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smm_event.paths import resource_path
from smm_event.services import event_setup, roster_import
from smm_event.services.participants import list_participants
from smm_event.workspace import open_workspace

DATA = Path(__file__).resolve().parents[2] / "data"
WAIT_MS = 10_000


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.sqlite3"
    with open_workspace(path, device_name="Организатор") as ws:
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
    return path


def people(path: Path) -> list[Any]:
    with open_workspace(path) as ws:
        return list(list_participants(ws))


def opened(qtbot: Any, start_desk: Any, path: Path) -> Any:
    desk = start_desk(path)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    return desk


def wait_preview(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: dialog._preview_report is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=WAIT_MS)


def test_a_cp1251_roster_with_bad_rows_is_previewed_and_written_only_when_confirmed(
    qtbot: Any, start_desk: Any, event_file: Path
) -> None:
    desk = opened(qtbot, start_desk, event_file)
    dialog = desk.window.open_import("roster", DATA / "roster" / "excel_cp1251.csv")
    wait_preview(qtbot, dialog)
    assert dialog.shape_label.text() == "Прочитано как Windows-1251, разделитель «;»."
    assert dialog.preview.horizontalHeaderItem(0).text() == "ФИО"
    assert dialog.preview.choosers[0].currentText() == "ФИО полностью"
    assert dialog.preview.item(1, 0).text() == "Петрова Анна Сергеевна"
    rows = [
        dialog.issues.index(r, c).data() for r in range(dialog.issues.rowCount()) for c in (0, 1)
    ]
    assert "5" in rows and "Телефон" in rows
    phone = next(
        r for r in range(dialog.issues.rowCount()) if dialog.issues.index(r, 1).data() == "Телефон"
    )
    assert "номер телефона" in dialog.issues.index(phone, 2).data()
    assert "Пока ничего не сохранено" in dialog.summary.text()
    bad_rows = len({issue.row_number for issue in dialog._preview_report.invalid})
    assert dialog.import_button.text() == f"Загрузить без {bad_rows} строк с ошибками"
    assert people(event_file) == []  # a preview writes nothing
    created = dialog._preview_report.created
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=WAIT_MS)
    assert dialog.summary.text().startswith(f"Сохранено: добавлено {created}")
    assert len(people(event_file)) == created
    assert dialog.close_button.text() == "Закрыть"


def test_cancelling_after_the_preview_writes_nothing(
    qtbot: Any, start_desk: Any, event_file: Path
) -> None:
    desk = opened(qtbot, start_desk, event_file)
    dialog = desk.window.open_import("roster", DATA / "roster" / "google_forms.csv")
    wait_preview(qtbot, dialog)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Загрузить"
    dialog.close_button.click()
    desk.context.executor.wait(WAIT_MS)
    assert people(event_file) == []


def test_an_unrecognized_column_is_mapped_by_hand(
    qtbot: Any, start_desk: Any, event_file: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Фамилия;Имя;Сотовый\nИванова;Мария;8 928 123-45-67\nПетров;Олег;8 928 765-43-21\n",
        encoding="cp1251",
    )
    desk = opened(qtbot, start_desk, event_file)
    dialog = desk.window.open_import("roster", roster)
    wait_preview(qtbot, dialog)
    chooser = dialog.preview.choosers[2]
    assert chooser.currentText() == "— не загружать —"
    dialog._preview_report = None
    chooser.setCurrentIndex(chooser.findData("phone"))
    wait_preview(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=WAIT_MS)
    phones = sorted(person.phone for person in people(event_file))
    assert phones == ["+79281234567", "+79287654321"]


def test_a_file_that_is_no_table_says_what_to_do(
    qtbot: Any, start_desk: Any, event_file: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(bytes(range(256)) * 40)
    desk = opened(qtbot, start_desk, event_file)
    dialog = desk.window.open_import("roster", junk)
    qtbot.waitUntil(lambda: "таблица" in dialog.summary.text(), timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()


def test_score_file_lists_who_matched_nobody(qtbot: Any, start_desk: Any, event_file: Path) -> None:
    with open_workspace(event_file) as ws:
        roster_import.import_roster(ws, DATA / "roster" / "google_forms.csv")
    desk = opened(qtbot, start_desk, event_file)
    dialog = desk.window.open_import("entry", DATA / "scores" / "google_quiz.csv")
    wait_preview(qtbot, dialog)
    report = dialog._preview_report
    reasons = [issue.reason for issue in dialog.issues.issues]
    assert reasons.count("no_such_participant") == len(report.unmatched)
    assert report.changed >= 1 and report.unmatched
    assert all(p.entry_score is None for p in people(event_file))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=WAIT_MS)
    assert sum(p.entry_score is not None for p in people(event_file)) == report.changed
