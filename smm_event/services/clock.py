"""This laptop's own clock: is it believable now, and "the date and time are right" from the
user (storage/clock_guard.py has the rule; docs/sync.md "Clocks")."""

from __future__ import annotations

from smm_event.domain.clock import ClockAlert
from smm_event.storage import clock_guard
from smm_event.storage.changes import local_state
from smm_event.workspace import Workspace


def clock_status(ws: Workspace) -> ClockAlert | None:
    """The clock's problem, if any, judged as the next write would judge it."""
    with ws.reading() as session:
        return clock_guard.status(local_state(session))


def confirm_clock(ws: Workspace) -> None:
    """The user checked: the clock is right. Later writes take its readings again."""
    with ws.transaction() as session:
        clock_guard.confirm(local_state(session))


def watch_clock(listener: clock_guard.Listener) -> None:
    """``listener(alert)`` runs before a write is stamped whenever the clock's problem changes
    (in the thread that writes: a GUI hands it to its own thread)."""
    clock_guard.add_listener(listener)


def unwatch_clock(listener: clock_guard.Listener) -> None:
    clock_guard.remove_listener(listener)
