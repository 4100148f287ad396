"""The screens of the main window, in navigation order.

A later screen plugs in with one line here: a key, a translated title, a factory that builds
the widget from the ``AppContext`` and an icon file under ``resources/icons``. The window is
rebuilt from this list when the language changes, so a page needs no retranslation code.
"""

from __future__ import annotations

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


def page_specs() -> tuple[PageSpec, ...]:
    from ui.attendance.matrix_page import AttendanceMatrixPage
    from ui.attendance.trainer_page import AttendancePage
    from ui.badges.badges_page import BadgesPage
    from ui.certificates.certificates_page import CertificatesPage
    from ui.dashboard.page import DashboardPage
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
        PageSpec("badges", BadgesPage.page_title, BadgesPage, "badges.svg"),
        PageSpec("attendance", AttendancePage.page_title, AttendancePage, "attendance.svg"),
        PageSpec(
            "attendance_matrix",
            AttendanceMatrixPage.page_title,
            AttendanceMatrixPage,
            "attendance_matrix.svg",
        ),
        PageSpec("certificates", CertificatesPage.page_title, CertificatesPage, "certificates.svg"),
        PageSpec("desk", DeskPage.page_title, DeskPage, "desk.svg"),
        PageSpec("dashboard", DashboardPage.page_title, DashboardPage, "dashboard.svg"),
        PageSpec("sync", SyncPage.page_title, SyncPage, "sync.svg"),
        PageSpec("stations", StationsPage.page_title, StationsPage, "stations.svg"),
    )
