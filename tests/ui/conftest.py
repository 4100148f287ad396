"""Qt tests run offscreen, with their own config, data and cache folders (never the user's)."""

from __future__ import annotations

import os
import tempfile

# Before any QApplication exists: the platform plugin is chosen when it is created.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Session-wide because QSettings caches its folder on first use; the translation cache is
# then compiled once per run.
_ROOT = tempfile.mkdtemp(prefix="smm-ui-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_ROOT, _name.lower())

import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@dataclass
class MessageBoxes:
    """QMessageBox calls captured instead of blocking the test in a modal loop."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for shown_kind, _title, text in self.shown if kind in (None, shown_kind)]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()

    def recorder(kind: str) -> Callable[..., object]:
        def record(_parent: object, title: str, text: str, *_args: object) -> object:
            boxes.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return record

    for kind in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return boxes


# Qt objects a test made without a parent (contexts, executors) stay referenced until the run
# ends: left to Python's garbage collector they could be deleted inside a later test's event
# loop while a queued signal still points at them, which crashes Qt.
KEEP_ALIVE: list[object] = []


def retire(*objects: object) -> None:
    KEEP_ALIVE.extend(objects)


@pytest.fixture(autouse=True)
def fresh_window_settings() -> Iterator[None]:
    """Each test starts with no remembered window state (last page, geometry): one test leaving
    the desk page open must not change where the next test's window opens."""
    from PySide6.QtCore import QSettings

    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-test user data folder (demo workspace, logs)."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "event.sqlite3"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def start_desk(
    qapp: object, tmp_path: Path, user_dirs: Path, message_boxes: MessageBoxes
) -> Iterator[Callable[..., object]]:
    """start_desk(workspace, language=None, demo=False) -> DeskApplication, shut down after."""
    from ui.app import start

    started: list[object] = []

    def launch(workspace: Path | None, language: str | None = None, demo: bool = False) -> object:
        desk = start(qapp, workspace, demo, language, station_path=tmp_path / "station.toml")  # type: ignore[arg-type]
        started.append(desk)
        return desk

    yield launch
    from ui.background import default_executor

    default_executor().default_on_error = None
    for desk in started:
        desk.window.close()  # type: ignore[attr-defined]
        desk.shutdown()  # type: ignore[attr-defined]
        desk.window.deleteLater()  # type: ignore[attr-defined]
        desk.context.deleteLater()  # type: ignore[attr-defined]
        desk.deleteLater()  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def english_by_default(qapp: object) -> None:
    """Tests read English texts unless they start the app in a language of their own; a test
    that started the whole app before may have left the Russian catalogue installed."""
    from ui.i18n import current_language, install_translators

    if current_language() != "en":
        install_translators(qapp, "en")  # type: ignore[arg-type]
