"""Demo data: the real-looking programme and a fictional roster of 210 NGO staff."""

from __future__ import annotations

import datetime as dt

from smm_event.demo_data.participants import (
    DEMO_FIRST_DAY,
    DemoParticipant,
    generate_demo_participants,
)
from smm_event.paths import resource_path
from smm_event.schedule import EventSpec, load_schedule, shift_schedule


def load_demo_schedule(first_day: dt.date | None = None) -> EventSpec:
    """The demo programme, moved so that stream 1 starts on ``first_day`` when given."""
    spec = load_schedule(resource_path("demo", "schedule.toml"))
    return spec if first_day is None else shift_schedule(spec, first_day)


__all__ = [
    "DEMO_FIRST_DAY",
    "DemoParticipant",
    "generate_demo_participants",
    "load_demo_schedule",
]
