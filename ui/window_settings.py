"""The main window's geometry and last page, kept in QSettings between runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from ui.common.window_geometry import fit_to_screen


def restore_window_settings(window: QMainWindow, show_page: Callable[[str], None]) -> None:
    settings = QSettings()
    geometry = settings.value("main_window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        fit_to_screen(window)  # saved on a larger or another screen
    else:  # first start on this laptop: desks have small screens, use all of it
        window.resize(1280, 760)
        window.setWindowState(Qt.WindowState.WindowMaximized)
    page = settings.value("main_window/page")
    if isinstance(page, str):
        show_page(page)


def save_window_settings(window: QMainWindow, page: str | None) -> None:
    settings = QSettings()
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/page", page or "")
