"""Signing keys in the GUI: a weak passphrase cannot be chosen, the first key is created from
the window, listed as signing here, and exported for a second laptop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from smm_event.paths import resource_path
from smm_event.services import event_setup
from smm_event.workspace import open_workspace
from ui.badges.key_dialog import NewPassphraseDialog

WAIT_MS = 10_000


def test_the_strength_meter_refuses_weak_and_mismatched_passphrases(qtbot: Any) -> None:
    dialog = NewPassphraseDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for first, second in (("12345678", "12345678"), ("password1", "password1")):
        dialog.first.setText(first)
        dialog.second.setText(second)
        assert not ok.isEnabled() and dialog.meter.value() < 2
    dialog.first.setText("Минводы-весна-2026!")
    assert not ok.isEnabled()  # not typed twice yet
    dialog.second.setText("Минводы-весна-2026!")
    assert ok.isEnabled() and dialog.meter.value() >= 3


def test_a_key_is_created_listed_and_exported_from_the_window(
    qtbot: Any, start_desk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "event.sqlite3"
    with open_workspace(path) as ws:
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
    desk = start_desk(path)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    dialog = desk.window.open_keys()
    qtbot.waitUntil(lambda: dialog.create_button.isVisibleTo(dialog), timeout=WAIT_MS)
    monkeypatch.setattr(NewPassphraseDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewPassphraseDialog, "passphrase", lambda self: "Минводы-весна-2026!")
    dialog.create_key()
    qtbot.waitUntil(lambda: len(dialog.keys) == 1, timeout=WAIT_MS)
    assert dialog.table.item(0, 3).text() == "да"
    assert dialog.rotate_button.isVisibleTo(dialog) and not dialog.create_button.isVisibleTo(dialog)
    target = tmp_path / "key.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    dialog.export_key()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert json.loads(target.read_text(encoding="utf-8"))["key_id"] == dialog.keys[0].key_id


def test_rotating_asks_for_a_new_passphrase_and_old_badges_stay_valid(
    qtbot: Any, start_desk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from smm_event.errors import UserError
    from smm_event.services import keys
    from ui.common.passphrase_session import remember_key, remembered_key

    old_phrase, new_phrase = "Минводы-весна-2026!", "Кисловодск осень 2027 года"
    path = tmp_path / "event.sqlite3"
    with open_workspace(path) as ws:
        event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
        keys.init_keys(ws, old_phrase)
        old_key = keys.unlock_signing_key(ws, old_phrase)
    desk = start_desk(path)
    qtbot.waitUntil(lambda: desk.window.pages.isVisibleTo(desk.window), timeout=WAIT_MS)
    remember_key(path.resolve(), old_key)  # unlocked earlier this session
    dialog = desk.window.open_keys()
    qtbot.waitUntil(lambda: dialog.rotate_button.isVisibleTo(dialog), timeout=WAIT_MS)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: (old_phrase, True)))
    monkeypatch.setattr(NewPassphraseDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewPassphraseDialog, "passphrase", lambda self: new_phrase)
    dialog.rotate_key()
    qtbot.waitUntil(lambda: len(dialog.keys) == 2, timeout=WAIT_MS)
    assert "новым паролем" in dialog.status.text()
    assert remembered_key(path.resolve()) is None  # the next print asks for the new one
    with open_workspace(path) as ws:
        assert keys.unlock_signing_key(ws, new_phrase).key_id == dialog.keys[-1].key_id
        with pytest.raises(UserError) as refused:
            keys.unlock_signing_key(ws, old_phrase)
        assert refused.value.code == "wrong_passphrase"
        # The old key is not retired: badges it signed still verify (tests/unit/cli).
        assert [k.retired for k in keys.list_keys(ws)] == [False, False]
