"""Lookups every service and feature store needs: the workspace's event, its timezone, ids
derived from it."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from smm_event.domain.event import EventInfo
from smm_event.errors import UserError
from smm_event.storage.changes import local_state
from smm_event.storage.models import Event

# Child ids are derived from their parent and natural key, so re-running `init` with the same
# schedule file updates rows instead of duplicating them.
_NAMESPACE = uuid.UUID("6f2c1a4e-5d1b-4c8e-9b7a-3e0d2f1c9a55")


def child_id(parent: uuid.UUID, natural_key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{parent}:{natural_key}")


def organization_id(event_id: uuid.UUID, folded_name: str) -> uuid.UUID:
    return child_id(event_id, f"organization:{folded_name}")


def current_event(session: Session) -> Event:
    state = local_state(session)
    event = session.get(Event, state.event_id) if state.event_id else None
    if event is None:
        raise UserError("no_event")
    return event


def event_zone(event: Event) -> ZoneInfo:
    return ZoneInfo(event.timezone)


def event_info(event: Event) -> EventInfo:
    return EventInfo(
        id=event.id,
        name=event.name,
        short_name=event.short_name,
        organizer=event.organizer,
        venue=event.venue,
        city=event.city,
        timezone=event.timezone,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        settings=dict(event.settings or {}),
    )


def to_utc(local: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Naive UTC, the stored form, from a wall time at the venue."""
    return local.replace(tzinfo=zone).astimezone(dt.UTC).replace(tzinfo=None)


def to_local(stored_utc: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(zone)
