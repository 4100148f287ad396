"""The «Организатор» menu: a way in from the window for every organizer command that has no
screen of its own (docs/organizer-guide.md has the table of CLI command → GUI place)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_organizer_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("OrganizerMenu", "&Organizer"))
    window.organizer_menu = menu
