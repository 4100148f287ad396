"""Keep a window inside the screen it is on: after leaving full screen and when the saved
geometry comes from another monitor or a larger resolution (a projector at the venue)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fitted(frame: QRect, available: QRect) -> QRect:
    """``frame`` moved and shrunk as little as needed to lie inside ``available``."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() - width + 1)
    top = min(max(frame.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def fit_to_screen(window: QWidget) -> None:
    """Move and shrink a normal (not maximized, not full-screen) window into its screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    target = fitted(frame, available)
    if target != frame:
        window.setGeometry(
            target.left() + (window.geometry().left() - frame.left()),
            target.top() + (window.geometry().top() - frame.top()),
            target.width() - extra_w,
            target.height() - extra_h,
        )


def restore_window_state(window: QWidget, state: Qt.WindowState) -> None:
    """Leave full screen for the state the window had before, inside the screen."""
    if state & Qt.WindowState.WindowMaximized:
        window.showMaximized()
    else:
        window.showNormal()
        fit_to_screen(window)
