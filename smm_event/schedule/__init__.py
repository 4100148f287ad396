"""The programme's schedule: a human-edited TOML file (docs/schedule-format.md) read into frozen
specs that storage turns into rows."""

from smm_event.schedule.model import (
    SESSION_KINDS,
    DaySpec,
    EventSpec,
    SessionSpec,
    StreamSpec,
    shift_schedule,
)
from smm_event.schedule.parser import (
    DEFAULT_CAPACITY,
    DEFAULT_TIMEZONE,
    load_schedule,
    parse_schedule,
)

__all__ = [
    "DEFAULT_CAPACITY",
    "DEFAULT_TIMEZONE",
    "SESSION_KINDS",
    "DaySpec",
    "EventSpec",
    "SessionSpec",
    "StreamSpec",
    "load_schedule",
    "parse_schedule",
    "shift_schedule",
]
