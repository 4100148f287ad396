"""The Russian catalogue covers every tr() string under ui/, compiles, and has real plurals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from scripts.update_translations import CATALOGUES, check, ts_path
from ui import i18n


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_catalogue_is_current_and_fully_translated(language: str) -> None:
    assert check(language) == []


def test_a_new_string_would_be_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check must be able to fail: drop one translation and one message from a copy.
    import scripts.update_translations as updater

    text = ts_path("ru", "organizer").read_text(encoding="utf-8")
    broken = text.replace(
        "<translation>Все потоки</translation>", '<translation type="unfinished"></translation>'
    )
    folder = tmp_path / "translations"
    folder.mkdir()
    for catalogue in ts_path("ru").parent.glob("*_ru.ts"):
        (folder / catalogue.name).write_bytes(catalogue.read_bytes())
    (folder / "organizer_ru.ts").write_text(broken, encoding="utf-8")
    real = updater.resource_path
    monkeypatch.setattr(
        updater,
        "resource_path",
        lambda *parts: folder if parts == ("translations",) else real(*parts),
    )
    assert check("ru") == ["untranslated: 'All streams'"]


def test_lrelease_compiles_and_reuses_the_cached_catalogue(tmp_path: Path) -> None:
    first = i18n.compile_ts([ts_path("ru")], tmp_path, "smm_event_ru")
    assert first.stat().st_size > 1000
    stamp = first.stat().st_mtime_ns
    assert i18n.compile_ts([ts_path("ru")], tmp_path, "smm_event_ru") == first
    assert first.stat().st_mtime_ns == stamp  # not recompiled while the .ts is unchanged


def test_changed_source_gets_a_new_catalogue_and_the_old_one_goes(tmp_path: Path) -> None:
    source = tmp_path / "organizer_ru.ts"
    source.write_bytes(ts_path("ru", "organizer").read_bytes())
    old = i18n.compile_ts([source], tmp_path / "cache", "smm_event_ru")
    source.write_text(source.read_text(encoding="utf-8").replace("Все потоки", "Все"), "utf-8")
    new = i18n.compile_ts([source], tmp_path / "cache", "smm_event_ru")
    assert new != old and new.exists() and not old.exists()


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 участник"),
        (2, "2 участника"),
        (5, "5 участников"),
        (21, "21 участник"),
        (14, "14 участников"),
        (103, "103 участника"),
    ],
)
def test_russian_plural_forms(qapp: Any, n: int, expected: str) -> None:
    i18n.install_translators(qapp, "ru")
    assert (
        QCoreApplication.translate("WorkspaceStatusBar", "%n participant(s)", None, n) == expected
    )


def test_english_plural_forms(qapp: Any) -> None:
    i18n.install_translators(qapp, "en")
    try:
        one = QCoreApplication.translate("WorkspaceStatusBar", "%n participant(s)", None, 1)
        many = QCoreApplication.translate("WorkspaceStatusBar", "%n participant(s)", None, 7)
        assert (one, many) == ("1 participant", "7 participants")
    finally:
        i18n.install_translators(qapp, "ru")


def test_qt_standard_dialogs_are_russian_too(qapp: Any) -> None:
    i18n.install_translators(qapp, "ru")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
