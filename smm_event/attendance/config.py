"""Per-event attendance settings, kept in ``Event.settings["attendance"]``.

Statuses carry weights like Moodle's attendance plugin; a weight of ``None`` means the status
leaves the denominator (excused by default). Weights are relative to the largest one, so
Moodle-style "present 2, late 1" gives the same percentages as "present 1, late 0.5".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from smm_event.domain.attendance import AttendanceStatus
from smm_event.errors import UserError

SETTINGS_KEY = "attendance"
MAX_GRACE_MINUTES = 240

DEFAULT_WEIGHTS: Mapping[AttendanceStatus, float | None] = MappingProxyType(
    {
        AttendanceStatus.PRESENT: 1.0,
        AttendanceStatus.LATE: 0.5,
        AttendanceStatus.ABSENT: 0.0,
        AttendanceStatus.EXCUSED: None,
    }
)


@dataclass(frozen=True)
class AttendanceSettings:
    weights: Mapping[AttendanceStatus, float | None] = field(
        default_factory=lambda: DEFAULT_WEIGHTS
    )
    # Minutes after a session's start during which a scan still marks "present".
    grace_minutes: int = 10
    # A desk check-in marks the person at the first session of their stream that day.
    desk_marks_first_session: bool = True

    def weight(self, status: AttendanceStatus) -> float | None:
        """The status's share of a full attendance (0..1), or None: not counted at all."""
        raw = self.weights.get(status)
        if raw is None:
            return None
        top = max((w for w in self.weights.values() if w is not None), default=0.0)
        return raw / top if top > 0 else 0.0

    def late_after(self, starts_at: dt.datetime) -> dt.datetime:
        return starts_at + dt.timedelta(minutes=self.grace_minutes)

    def arrival_status(self, starts_at: dt.datetime, arrived_at: dt.datetime) -> AttendanceStatus:
        """Present up to the end of the grace period after the start, late afterwards."""
        if arrived_at <= self.late_after(starts_at):
            return AttendanceStatus.PRESENT
        return AttendanceStatus.LATE


DEFAULT_SETTINGS = AttendanceSettings()


def settings_from_event(event_settings: Mapping[str, Any] | None) -> AttendanceSettings:
    """The settings of an event; missing keys take the defaults, wrong values are an error
    (wrong weights would silently change who gets a certificate)."""
    raw = (event_settings or {}).get(SETTINGS_KEY) or {}
    if not isinstance(raw, Mapping):
        raise UserError("bad_attendance_setting", name=SETTINGS_KEY, value=repr(raw))
    return AttendanceSettings(
        weights=_weights(raw.get("weights") or {}),
        grace_minutes=_grace(raw.get("grace_minutes", DEFAULT_SETTINGS.grace_minutes)),
        desk_marks_first_session=_flag(
            raw.get("desk_marks_first_session", DEFAULT_SETTINGS.desk_marks_first_session)
        ),
    )


def settings_to_json(settings: AttendanceSettings) -> dict[str, Any]:
    return {
        "weights": {status.value: settings.weights.get(status) for status in AttendanceStatus},
        "grace_minutes": settings.grace_minutes,
        "desk_marks_first_session": settings.desk_marks_first_session,
    }


def with_settings(
    event_settings: Mapping[str, Any] | None, settings: AttendanceSettings
) -> dict[str, Any]:
    """The whole event settings dict with the attendance part replaced (the dict is one
    last-writer-wins value, so it is always written whole)."""
    merged = dict(event_settings or {})
    merged[SETTINGS_KEY] = settings_to_json(settings)
    return merged


def _weights(raw: Any) -> Mapping[AttendanceStatus, float | None]:
    if not isinstance(raw, Mapping):
        raise UserError("bad_attendance_setting", name="weights", value=repr(raw))
    weights: dict[AttendanceStatus, float | None] = dict(DEFAULT_WEIGHTS)
    for name, value in raw.items():
        try:
            status = AttendanceStatus(name)
        except ValueError as error:
            raise UserError("bad_attendance_setting", name="weights", value=repr(name)) from error
        weights[status] = _weight(status, value)
    if not any(w for w in weights.values()):
        raise UserError("bad_attendance_setting", name="weights", value="all zero")
    return MappingProxyType(weights)


def _weight(status: AttendanceStatus, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UserError("bad_attendance_setting", name=f"weights.{status.value}", value=repr(value))
    if not math.isfinite(value) or value < 0:
        raise UserError("bad_attendance_setting", name=f"weights.{status.value}", value=repr(value))
    return float(value)


def _grace(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_GRACE_MINUTES:
        raise UserError("bad_attendance_setting", name="grace_minutes", value=repr(value))
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise UserError(
            "bad_attendance_setting", name="desk_marks_first_session", value=repr(value)
        )
    return value
