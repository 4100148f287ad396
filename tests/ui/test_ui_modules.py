"""Every ui module imports (a missing import shows up here, not on a desk), and the model
sorts Russian names the Russian way."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

import ui
from smm_event.domain.participants import ParticipantInfo
from ui.i18n import install_translators
from ui.roster.participants_model import ORGANIZATION, SCORE, SURNAME, ParticipantsModel


def test_every_ui_module_imports() -> None:
    names = [module.name for module in pkgutil.walk_packages(ui.__path__, "ui.")]
    for name in names:
        importlib.import_module(name)
    expected = {"ui.app", "ui.background", "ui.main_window", "ui.roster.participants_page"}
    assert expected <= set(names)


def person(surname: str, score: float | None = None, organization: str | None = None) -> Any:
    return ParticipantInfo(
        id=uuid.uuid4(),
        surname=surname,
        first_name="Имя",
        patronymic=None,
        gender=None,
        organization=organization,
        position=None,
        region=None,
        phone=None,
        email=None,
        consent=None,
        consent_date=None,
        entry_score=score,
        exit_score=None,
        stream_number=None,
        stream_locked=False,
        accelerator_track=None,
        notes=None,
        walk_in=False,
        badge_version=1,
    )


def surnames(model: ParticipantsModel) -> list[str]:
    return [model.participant(row).surname for row in range(model.rowCount())]


def test_header_sorting_uses_russian_order_and_number_restores_the_core_order(qapp: Any) -> None:
    core_order = [person("Яковлев"), person("Ёлкин"), person("Еремеев"), person("Жуков")]
    model = ParticipantsModel()
    model.set_rows(core_order)
    model.sort(SURNAME)
    assert surnames(model) == ["Ёлкин", "Еремеев", "Жуков", "Яковлев"]  # ё sorts as е
    model.sort(0)
    assert surnames(model) == ["Яковлев", "Ёлкин", "Еремеев", "Жуков"]
    model.sort(SURNAME, Qt.SortOrder.DescendingOrder)
    model.set_rows(core_order)  # a new query keeps the order the user chose
    assert surnames(model) == ["Яковлев", "Жуков", "Еремеев", "Ёлкин"]


def test_empty_cells_sort_last(qapp: Any) -> None:
    install_translators(qapp, "ru")  # the Russian QLocale: decimal comma
    model = ParticipantsModel()
    model.set_rows([person("А", None, None), person("Б", 80, "Фонд"), person("В", 9.5, "АНО")])
    model.sort(SCORE)
    assert surnames(model) == ["В", "Б", "А"]
    model.sort(ORGANIZATION)
    assert surnames(model) == ["В", "Б", "А"]
    assert model.data(model.index(0, SCORE)) == "9,5"  # Russian decimal comma


def test_desk_launcher_parses_its_arguments(monkeypatch: Any) -> None:
    import ui.app

    calls: list[dict[str, Any]] = []

    def fake_run(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(ui.app, "run", fake_run)
    assert ui.app.main(["--demo", "--lang", "en"]) == 0
    assert ui.app.main(["--workspace", "event.sqlite3"]) == 0
    assert calls == [
        {"workspace": None, "demo": True, "language": "en"},
        {"workspace": Path("event.sqlite3"), "demo": False, "language": None},
    ]
