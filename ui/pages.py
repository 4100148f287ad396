"""The screens of the main window, in navigation order.

A later screen plugs in with one line here: a key, a translated title, a factory that builds
the widget from the ``AppContext`` and an icon file under ``resources/icons``. The window is
rebuilt from this list when the language changes, so a page needs no retranslation code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # called after the translators are installed
    factory: Callable[[AppContext], QWidget]
    icon: str | None = None  # file name under resources/icons
    deferred: bool = False  # built the first time it is shown, not at start-up


def _deferred(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A page class imported when the page is first shown: importing every screen (reportlab,
    OpenCV, numpy, pdfium) at start-up was a third of a cold start (issue 15)."""

    def build(context: AppContext) -> QWidget:
        page: QWidget = getattr(importlib.import_module(module), name)(context)
        return page

    return build


def page_specs() -> tuple[PageSpec, ...]:
    from ui.desk.desk_page import DeskPage
    from ui.roster.participants_page import ParticipantsPage
    from ui.stations.stations_page import StationsPage
    from ui.sync.sync_page import SyncPage

    return (
        PageSpec(
            "participants",
            lambda: QCoreApplication.translate("Pages", "Participants"),
            ParticipantsPage,
            "participants.svg",
        ),
        # Titles of deferred pages are spelled here with their class's context and text (the
        # same catalogue entries as the classes' page_title), so the class is not imported.
        PageSpec(
            "badges",
            lambda: QCoreApplication.translate("BadgesPage", "Badges"),
            _deferred("ui.badges.badges_page", "BadgesPage"),
            "badges.svg",
            deferred=True,
        ),
        PageSpec(
            "attendance",
            lambda: QCoreApplication.translate("AttendancePage", "Roll call"),
            _deferred("ui.attendance.trainer_page", "AttendancePage"),
            "attendance.svg",
            deferred=True,
        ),
        PageSpec(
            "attendance_matrix",
            lambda: QCoreApplication.translate("AttendanceMatrixPage", "Register"),
            _deferred("ui.attendance.matrix_page", "AttendanceMatrixPage"),
            "attendance_matrix.svg",
            deferred=True,
        ),
        PageSpec(
            "certificates",
            lambda: QCoreApplication.translate("CertificatesPage", "Certificates", "navigation"),
            _deferred("ui.certificates.certificates_page", "CertificatesPage"),
            "certificates.svg",
            deferred=True,
        ),
        PageSpec("desk", DeskPage.page_title, DeskPage, "desk.svg"),
        PageSpec(
            "dashboard",
            lambda: QCoreApplication.translate("DashboardPage", "Dashboard"),
            _deferred("ui.dashboard.page", "DashboardPage"),
            "dashboard.svg",
            deferred=True,
        ),
        PageSpec(
            "selection",
            lambda: QCoreApplication.translate("SelectionPage", "Selection"),
            _deferred("ui.selection.page", "SelectionPage"),
            "selection.svg",
            deferred=True,
        ),
        PageSpec("sync", SyncPage.page_title, SyncPage, "sync.svg"),
        PageSpec("stations", StationsPage.page_title, StationsPage, "stations.svg"),
    )
