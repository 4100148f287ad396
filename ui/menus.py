"""The main window's menu bar: File (workspace, imports, keys, the organizer's tools), View
(language, full screen) and Help. Kept apart from ``ui.main_window`` so the window stays about
pages and workspaces; the texts keep the "MainWindow" translation context they always had."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from smm_event import __version__
from ui.i18n import LANGUAGE_NAMES, current_language, fill

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LANGUAGE_MENU_TITLE = "Язык / Language"  # in both languages: findable whatever is active
Shortcut = QKeySequence | QKeySequence.StandardKey | None


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    from ui.organizer_menu import build_organizer_menu

    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Create an event from a schedule file…"),
        window.create_event,
        QKeySequence.StandardKey.New,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Open workspace…"),
        window.choose_workspace,
        QKeySequence.StandardKey.Open,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Open the &demo workspace"),
        window.open_demo,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Join an event…"),
        window.join_event,
    )
    file_menu.addSeparator()
    window.import_actions = [
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "&Import the roster…"),
            window.open_import,
        ),
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "Import &entry test scores…"),
            lambda: window.open_import("entry"),
        ),
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "Import e&xit test scores…"),
            lambda: window.open_import("exit"),
        ),
    ]
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Signing &keys…"),
        window.open_keys,
    )
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "E&xit"),
        window.close,
        QKeySequence("Ctrl+Q"),
    )
    build_organizer_menu(window)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    _build_language_menu(window, view_menu.addMenu(LANGUAGE_MENU_TITLE))
    window.fullscreen_action = add_action(
        window,
        view_menu,
        QCoreApplication.translate("MainWindow", "&Full screen"),
        window.toggle_fullscreen,
        QKeySequence("F11"),
    )
    window.fullscreen_action.setCheckable(True)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    add_action(
        window,
        help_menu,
        QCoreApplication.translate("MainWindow", "&About"),
        lambda: show_about(window),
    )


def _build_language_menu(window: MainWindow, menu: QMenu) -> None:
    group = QActionGroup(window)
    window.language_actions = {}
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, window, checkable=True)
        action.setChecked(code == current_language())
        action.triggered.connect(lambda _=False, code=code: _choose_language(window, code))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action


def _choose_language(window: MainWindow, code: str) -> None:
    if code != current_language():
        window.language_requested.emit(code)


def show_about(window: MainWindow) -> None:
    text = QCoreApplication.translate(
        "MainWindow",
        "SMM Event {version}\n\nCheck-in, attendance and certificates for an in-person "
        "training programme. Works without the Internet; laptops are synchronized "
        "afterwards.",
    )
    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "About SMM Event"),
        fill(text, version=__version__),
    )
