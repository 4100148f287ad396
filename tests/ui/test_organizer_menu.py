"""«Организатор» menu: each organizer command without a screen of its own has an entry that
calls the same service as the CLI. File imports are checked first and written only on
confirmation; the stages' dates and the consultations list are saved from dialogs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smm_event.services import outcomes, programme_plan, surveys
from smm_event.services.participants import list_participants
from smm_event.workspace import open_workspace
from ui import organizer_menu

WAIT_MS = 10_000


def started(qtbot: Any, start_desk: Any, path: Path) -> Any:
    desk = start_desk(path)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    return desk.window


def test_the_menu_lists_every_organizer_tool(qtbot: Any, start_desk: Any, demo_copy: Path) -> None:
    window = started(qtbot, start_desk, demo_copy)
    texts = [a.text() for a in window.organizer_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Загрузить входной тест с темами…",
        "Загрузить выходной тест с темами…",
        "Загрузить мотивационный тест…",
        "Загрузить анкету обратной связи…",
        "Загрузить охваты: исходные замеры…",
        "Загрузить охваты: повторные замеры…",
        "Зафиксировать исходные охваты…",
        "Этапы программы…",
        "Кто получил консультации…",
        "Загрузить ключ подписи с другого ноутбука…",
    ]


def test_a_survey_is_checked_first_and_written_only_when_confirmed(
    qtbot: Any, start_desk: Any, demo_copy: Path, tmp_path: Path
) -> None:
    with open_workspace(demo_copy) as ws:
        person = list_participants(ws, 1)[0]
    survey = tmp_path / "День 1.csv"
    survey.write_text(
        "Отметка времени,Адрес электронной почты,Поток,Оцените занятие (1-10)\n"
        f"12.05.2026 18:01:00,{person.email},1,9\n"
        "12.05.2026 18:04:00,nobody@example.org,1,5\n"
        "12.05.2026 18:05:00,,1,8\n",
        encoding="utf-8",
    )
    window = started(qtbot, start_desk, demo_copy)
    dialog = organizer_menu.open_outcome_import(window, window.context, "survey", survey)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert "Пока вы не нажмёте «Загрузить»" in dialog.summary.text()
    assert dialog.table.rowCount() >= 1
    assert "nobody@example.org" in [
        dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())
    ]
    with open_workspace(demo_copy) as ws:
        assert "День 1" not in surveys.survey_names(ws)  # nothing written by the check
    assert dialog.confirm.isEnabled()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.applied is not None, timeout=WAIT_MS)
    assert "Загружено" in dialog.summary.text()
    with open_workspace(demo_copy) as ws:
        assert "День 1" in surveys.survey_names(ws)


def test_an_unreadable_quiz_is_one_sentence_and_nothing_written(
    qtbot: Any, start_desk: Any, demo_copy: Path, tmp_path: Path, message_boxes: Any
) -> None:
    bad = tmp_path / "exit.csv"
    bad.write_text("просто текст без столбцов\n", encoding="utf-8")
    window = started(qtbot, start_desk, demo_copy)
    dialog = organizer_menu.open_outcome_import(window, window.context, "exit", bad)
    qtbot.waitUntil(lambda: dialog.summary.text() == "Ничего не загружено.", timeout=WAIT_MS)
    assert not dialog.confirm.isEnabled()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=WAIT_MS)
    (_kind, _title, text), *_ = message_boxes.shown
    assert any("а" <= char <= "я" for char in text.lower()) and "Traceback" not in text


def test_stage_dates_and_consultations_are_saved_from_dialogs(
    qtbot: Any, start_desk: Any, demo_copy: Path
) -> None:
    window = started(qtbot, start_desk, demo_copy)
    plan = organizer_menu.open_plan(window, window.context)
    qtbot.waitUntil(lambda: bool(plan.dates), timeout=WAIT_MS)
    plan.stage.setCurrentIndex(plan.stage.findData("accelerator"))
    plan.fields[0].set_value(dt.date(2026, 6, 1))
    plan.fields[1].set_value(dt.date(2026, 6, 20))
    plan.save()
    qtbot.waitUntil(lambda: plan.saved is not None, timeout=WAIT_MS)
    with open_workspace(demo_copy) as ws:
        (row,) = [r for r in outcomes.stage_dates(ws) if r.stage == "accelerator"]
    assert (row.planned_from, row.planned_to) == (dt.date(2026, 6, 1), dt.date(2026, 6, 20))

    consulted = organizer_menu.open_consulted(window, window.context)
    qtbot.waitUntil(lambda: consulted.people.count() > 0, timeout=WAIT_MS)
    consulted.search.setText("КИСЕЛЁВА")  # ё/е and case folded
    shown = [consulted.people.item(r) for r in range(consulted.people.count())]
    visible = [item for item in shown if not item.isHidden()]
    assert visible and len(visible) < len(shown)
    visible[0].setCheckState(Qt.CheckState.Checked)
    chosen = visible[0].data(Qt.ItemDataRole.UserRole)
    assert consulted.count.text() == "Получили консультации: 1"
    consulted.save()
    qtbot.waitUntil(lambda: consulted.saved is not None, timeout=WAIT_MS)
    with open_workspace(demo_copy) as ws:
        assert programme_plan.consulted_people(ws) == (chosen,)


def test_freezing_the_baselines_asks_first(
    qtbot: Any, start_desk: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = started(qtbot, start_desk, demo_copy)
    calls: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a, **_k: calls.append(a[2]))
    )
    organizer_menu.freeze_reach_baselines(window, window.context)
    assert not calls  # «No»: nothing frozen, nothing said
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    organizer_menu.freeze_reach_baselines(window, window.context)
    qtbot.waitUntil(lambda: bool(calls), timeout=WAIT_MS)
    assert "зафиксированы" in calls[0]
