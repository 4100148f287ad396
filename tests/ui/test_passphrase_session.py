"""The session's signing key: the passphrase is asked once, a mistake asks again saying so,
Cancel stops without calling back, and forgetting makes the next use ask again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget

from smm_event.badges import SigningKey
from smm_event.badges import keys as key_envelope
from smm_event.services import keys
from smm_event.station import StationSettings
from smm_event.workspace import open_workspace
from tests.ui.conftest import retire
from ui.background import BackgroundExecutor
from ui.common.passphrase_session import PassphraseSession, forget_keys, remembered_key
from ui.context import AppContext

PASSPHRASE = "ключ организатора"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """(answers to give, in order; labels the dialog showed). No answer left means Cancel."""
    answers: list[str] = []
    labels: list[str] = []

    def get_text(_parent: object, _title: str, label: str, *_a: object) -> tuple[str, bool]:
        labels.append(label)
        return (answers.pop(0), True) if answers else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return answers, labels


@pytest.fixture
def session(qapp: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr(key_envelope, "_SCRYPT_LOG2_N", 10)  # cheap scrypt, same format
    forget_keys()
    executor = BackgroundExecutor()
    context = AppContext(executor, StationSettings())
    context.workspace = open_workspace(demo_copy)
    keys.init_keys(context.workspace, PASSPHRASE)
    widget = QWidget()
    yield PassphraseSession(context, widget)
    executor.wait(5000)
    context.workspace.close()
    forget_keys()
    retire(executor, context, widget)


def test_a_mistake_asks_again_and_the_key_is_then_remembered(
    qtbot: Any, session: Any, asked: tuple[list[str], list[str]]
) -> None:
    answers, labels = asked
    answers.extend(["не тот пароль", PASSPHRASE])
    got: list[SigningKey] = []
    session.with_key(got.append, prompt="Перевыпустить бейдж?")
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert len(labels) == 2
    # The retry says the passphrase was wrong above the same question (in any UI language).
    question = labels[0].split("\n\n", 1)[1]
    assert labels[1] != labels[0] and labels[1].endswith(question)
    assert len(labels[1]) > len(labels[0])
    assert all(label.startswith("Перевыпустить бейдж?") for label in labels)
    assert remembered_key(session.context.workspace.path) is got[0]

    session.with_key(got.append)  # the same session: no dialog, the same key at once
    assert len(got) == 2 and got[1] is got[0] and len(labels) == 2


def test_cancel_calls_nothing_and_forget_asks_again(
    qtbot: Any, session: Any, asked: tuple[list[str], list[str]]
) -> None:
    answers, labels = asked
    got: list[SigningKey] = []
    session.with_key(got.append)  # no answer queued: the clerk pressed Cancel
    assert not session.context.executor.busy  # no unlock was started that could call back
    assert got == [] and len(labels) == 1

    answers.append(PASSPHRASE)
    session.with_key(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    session.forget()
    assert remembered_key(session.context.workspace.path) is None
    session.with_key(got.append)  # asks again: nothing queued, so Cancel
    assert len(labels) == 3 and len(got) == 1
