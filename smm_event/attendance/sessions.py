"""Which session a trainer's screen opens on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from smm_event.domain.event import SessionInfo


def session_at(sessions: Sequence[SessionInfo], now: dt.datetime) -> SessionInfo | None:
    """The session running at ``now`` (aware); else the next one to start that day (the trainer
    comes early to scan at the door); else that day's last one; else None."""
    ordered = sorted(sessions, key=lambda s: s.starts_at)
    running = [s for s in ordered if s.starts_at <= now < s.ends_at]
    if running:
        return running[-1]
    today = [s for s in ordered if s.starts_at.astimezone(now.tzinfo).date() == now.date()]
    upcoming = [s for s in today if s.starts_at > now]
    if upcoming:
        return upcoming[0]
    return today[-1] if today else None
