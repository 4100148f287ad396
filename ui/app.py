"""Starting the desktop application: ``smm-event gui`` and the ``smm-event-desk`` launcher."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from smm_event.paths import APP_NAME, default_workspace_path, demo_workspace_path, user_data_dir
from smm_event.private_files import restrict_umask
from smm_event.station import load_station_settings
from ui.background import default_executor
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import install_translators
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

MIN_POINT_SIZE = 11.0  # registration desks are read at arm's length, often in a bright hall


class DeskApplication(QObject):
    """Owns the context (the open workspace) and the main window; rebuilds the window when the
    language changes, so every screen is translated without retranslation code of its own."""

    def __init__(self, app: QApplication, context: AppContext) -> None:
        super().__init__(app)
        self.app = app
        self.context = context
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.context)
        window.language_requested.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        self.context.update_station(language=language)
        install_translators(self.app, language)
        old = self.window
        self.window = self._new_window()
        self.window.restoreGeometry(old.saveGeometry())
        self.window.show_page(old.current_page_key() or "")
        self.window.show()
        old.close()
        old.deleteLater()

    def shutdown(self) -> None:
        self.window.save_settings()
        self.context.shutdown()


def start(
    app: QApplication,
    workspace: Path | None,
    demo: bool,
    language: str | None,
    station_path: Path | None = None,
) -> DeskApplication:
    """Translators first (before any widget), then the window, then open the workspace in the
    background: the window appears at once with a busy indicator."""
    app.setOrganizationName(APP_NAME)  # where QSettings keeps the window's geometry
    app.setApplicationName(APP_NAME)
    station = load_station_settings(station_path)
    install_translators(app, language or station.language)
    _enlarge_font(app)
    executor = default_executor()
    context = AppContext(executor, station, station_path, parent=app)
    desk = DeskApplication(app, context)
    executor.default_on_error = lambda error: show_error(desk.window, error)
    desk.window.show()
    if station.damaged:
        desk.window.status.showMessage(
            QCoreApplication.translate(
                "DeskApplication", "This laptop's settings were damaged; defaults are used."
            ),
            15_000,
        )
    if demo:
        desk.window.open_workspace(demo_workspace_path(), demo=True)
    else:
        desk.window.open_workspace(workspace or _last_workspace(station.last_workspace))
    return desk


def _last_workspace(remembered: str) -> Path:
    if remembered and Path(remembered).is_file():
        return Path(remembered)
    return default_workspace_path()


def _enlarge_font(app: QApplication) -> None:
    font = app.font()
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


def run(workspace: Path | None, demo: bool, language: str | None) -> int:
    """The ``smm-event gui`` command: returns the process exit code."""
    restrict_umask()  # workspaces, keys, exports: owner-only (see private_files)
    _configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    desk = start(app, workspace, demo, language)
    sys.excepthook = lambda *exc: _unexpected(desk, *exc)
    app.aboutToQuit.connect(desk.shutdown)
    return int(app.exec())


def _unexpected(
    desk: DeskApplication,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    """An exception escaping a slot: logged and shown, and the desk keeps working."""
    if issubclass(kind, KeyboardInterrupt):
        desk.app.quit()
        return
    show_error(desk.window, error.with_traceback(trace))


# Libraries that log every routine step at INFO (alembic: each migration context on every
# open); the desk's terminal and log file only need their warnings.
QUIET_LIBRARIES = ("alembic", "sqlalchemy", "PIL", "keyring")


def _configure_logging() -> None:
    """The terminal shows warnings and errors only; the log file keeps our INFO lines too."""
    folder = user_data_dir() / "logs"
    handlers: list[logging.Handler] = []
    if sys.stderr:  # a gui-script on Windows has no console: sys.stderr is None there
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        handlers.append(console)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                folder / "gui.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        pass  # a read-only profile must not stop the desk
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )


def self_check(write: Callable[[str], None] = print) -> int:
    """``--self-check``: the core's steps (smm_event.selfcheck), then Qt's: the platform plugin
    starts and the Russian catalogue translates. Exit 0 only when all passed."""
    from smm_event import selfcheck

    results = list(selfcheck.run_checks())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, "ru")
    sample = QCoreApplication.translate("StartPage", "Open the demo workspace")
    translated = sample != "Open the demo workspace"
    results.append(
        selfcheck.CheckResult(
            "Qt and translations",
            translated,
            f"platform {QApplication.platformName()}, «{sample}»",
            0.0,
        )
    )
    lines: list[str] = []

    def both(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:  # a windowed build on Windows has no stdout
            write(line)

    passed = selfcheck.report(iter(results), both)
    _keep_self_check_log(lines)
    return 0 if passed else 1


def _keep_self_check_log(lines: list[str]) -> None:
    """The last result in the log folder: where a windowed build's output can be read."""
    try:
        folder = user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "self-check.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the exit code still says it all


def main(argv: Sequence[str] | None = None) -> int:
    """The ``smm-event-desk`` launcher and the bundle's executable (a gui-script: no console
    window on Windows)."""
    parser = argparse.ArgumentParser(prog="smm-event-desk", description="SMM Event desktop")
    parser.add_argument("--workspace", type=Path, default=None, help="workspace file (SQLite)")
    parser.add_argument("--demo", action="store_true", help="open (creating if needed) the demo")
    parser.add_argument("--lang", choices=("ru", "en"), default=None)
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation in a temporary folder, print one line a step, exit 0 if fine",
    )
    args = parser.parse_args(argv)
    if args.self_check:
        return self_check()
    return run(workspace=args.workspace, demo=args.demo, language=args.lang)


if __name__ == "__main__":
    raise SystemExit(main())
