"""Creating (or updating) the event and its schedule from the TOML schedule file."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from smm_event.domain.event import EventInfo
from smm_event.errors import UserError
from smm_event.schedule import EventSpec, StreamSpec, load_schedule
from smm_event.storage import changes
from smm_event.storage.event_context import child_id, event_info, to_utc
from smm_event.storage.models import Event
from smm_event.workspace import Workspace, open_workspace


def init_event_from_file(ws: Workspace, path: Path) -> EventInfo:
    return init_event(ws, load_schedule(path))


def create_event_workspace(
    workspace_path: Path, schedule_path: Path, device_name: str | None = None
) -> EventInfo:
    """A new workspace holding the event of ``schedule_path`` (the start screen's «create»).
    The schedule is read first, so a file with a mistake leaves no half-made workspace; a
    workspace that already holds an event is refused, never overwritten."""
    spec = load_schedule(schedule_path)
    existed = workspace_path.exists()
    with open_workspace(workspace_path, device_name=device_name) as ws:
        with ws.reading() as session:
            event_id = changes.local_state(session).event_id
        if existed and event_id is not None:
            raise UserError("workspace_not_empty", path=str(workspace_path))
        return init_event(ws, spec)


def init_event(ws: Workspace, spec: EventSpec) -> EventInfo:
    """Create the workspace's event, or update the schedule of the event it already has."""
    with ws.transaction() as session:
        state = changes.local_state(session)
        event_id = state.event_id or uuid.uuid4()
        existing = session.get(Event, event_id)
        if existing is not None and existing.name != spec.name:
            raise UserError("other_event_in_workspace", existing=existing.name, new=spec.name)
        changes.record(session, "event", event_id, _event_fields(spec))
        state.event_id = event_id
        zone = ZoneInfo(spec.timezone)
        for stream in spec.streams:
            _write_stream(session, event_id, stream, zone)
        session.flush()
        return event_info(session.get_one(Event, event_id))


def _event_fields(spec: EventSpec) -> dict[str, object]:
    return {
        "name": spec.name,
        "short_name": spec.short_name,
        "organizer": spec.organizer,
        "venue": spec.venue,
        "city": spec.city,
        "timezone": spec.timezone,
        "starts_on": spec.starts_on,
        "ends_on": spec.ends_on,
        "settings": dict(spec.settings),
    }


def _write_stream(
    session: Session, event_id: uuid.UUID, stream: StreamSpec, zone: ZoneInfo
) -> None:
    stream_id = child_id(event_id, f"stream:{stream.number}")
    changes.record(
        session,
        "stream",
        stream_id,
        {
            "event_id": event_id,
            "number": stream.number,
            "level": stream.level,
            "title": stream.title,
            "capacity": stream.capacity,
            "colour": stream.colour,
        },
    )
    for day in stream.days:
        day_id = child_id(stream_id, f"day:{day.date.isoformat()}")
        changes.record(session, "stream_day", day_id, {"stream_id": stream_id, "day": day.date})
        for session_spec in day.sessions:
            starts = dt.datetime.combine(day.date, session_spec.start)
            changes.record(
                session,
                "session",
                child_id(day_id, f"session:{session_spec.start.isoformat()}"),
                {
                    "stream_day_id": day_id,
                    "starts_at": to_utc(starts, zone),
                    "ends_at": to_utc(dt.datetime.combine(day.date, session_spec.end), zone),
                    "kind": session_spec.kind,
                    "title": session_spec.title,
                    "room": session_spec.room,
                    "trainer": session_spec.trainer,
                },
            )
