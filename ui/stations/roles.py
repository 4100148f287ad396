"""The station roles as people read them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smm_event.trust.roles import Role


def role_names() -> dict[Role, str]:
    # Spelled out call by call: lupdate only sees literal translate() calls.
    return {
        Role.ORGANIZER: QCoreApplication.translate("StationRoles", "organizer"),
        Role.DESK: QCoreApplication.translate("StationRoles", "registration desk"),
        Role.TRAINER: QCoreApplication.translate("StationRoles", "trainer"),
        Role.REGISTRAR: QCoreApplication.translate("StationRoles", "certificate registrar"),
    }
