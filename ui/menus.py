"""The main window's menu bar: File (workspace, imports, keys, the organizer's tools), View
(language, full screen) and Help. Kept apart from ``ui.main_window`` so the window stays about
pages and workspaces; the texts keep the "MainWindow" translation context they always had."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from smm_event import __version__
from ui.context import AppContext
from ui.i18n import LANGUAGE_NAMES, current_language, fill
from ui.menu_actions import add_action
from ui.organizer_menu import build_organizer_menu

LANGUAGE_MENU_TITLE = "Язык / Language"  # in both languages: findable whatever is active


@dataclass(frozen=True)
class MenuSlots:
    """What the menu entries call on the main window."""

    create_event: Callable[[], None]
    choose_workspace: Callable[[], None]
    open_demo: Callable[[], None]
    join_event: Callable[[], object]
    open_import: Callable[[str], object]
    open_keys: Callable[[], object]
    toggle_fullscreen: Callable[[], None]
    choose_language: Callable[[str], None]


@dataclass(frozen=True)
class Menus:
    import_actions: list[QAction]
    language_actions: dict[str, QAction]
    fullscreen_action: QAction
    organizer_menu: QMenu


def build_menus(window: QMainWindow, context: AppContext, slots: MenuSlots) -> Menus:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Create an event from a schedule file…"),
        slots.create_event,
        QKeySequence.StandardKey.New,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Open workspace…"),
        slots.choose_workspace,
        QKeySequence.StandardKey.Open,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Open the &demo workspace"),
        slots.open_demo,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Join an event…"),
        slots.join_event,
    )
    file_menu.addSeparator()
    import_actions = [
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "&Import the roster…"),
            lambda: slots.open_import("roster"),
        ),
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "Import &entry test scores…"),
            lambda: slots.open_import("entry"),
        ),
        add_action(
            window,
            file_menu,
            QCoreApplication.translate("MainWindow", "Import e&xit test scores…"),
            lambda: slots.open_import("exit"),
        ),
    ]
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Signing &keys…"),
        slots.open_keys,
    )
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "E&xit"),
        window.close,
        QKeySequence("Ctrl+Q"),
    )
    organizer_menu = build_organizer_menu(window, context)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    language_actions = _build_language_menu(window, view_menu.addMenu(LANGUAGE_MENU_TITLE), slots)
    fullscreen_action = add_action(
        window,
        view_menu,
        QCoreApplication.translate("MainWindow", "&Full screen"),
        slots.toggle_fullscreen,
        QKeySequence("F11"),
    )
    fullscreen_action.setCheckable(True)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    add_action(
        window,
        help_menu,
        QCoreApplication.translate("MainWindow", "&About"),
        lambda: show_about(window),
    )
    return Menus(import_actions, language_actions, fullscreen_action, organizer_menu)


def _build_language_menu(window: QMainWindow, menu: QMenu, slots: MenuSlots) -> dict[str, QAction]:
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, window, checkable=True)
        action.setChecked(code == current_language())
        action.triggered.connect(lambda _=False, code=code: slots.choose_language(code))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action
    return actions


def show_about(window: QMainWindow) -> None:
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
