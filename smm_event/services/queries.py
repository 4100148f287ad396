"""Read use cases about the workspace as a whole: its streams and sessions, and the summary the
start page and ``smm-event info`` show. The queries live in the features' stores."""

from __future__ import annotations

from smm_event.checkin.queries import checkin_count
from smm_event.domain.event import DeviceInfo, SessionInfo, StreamInfo, WorkspaceSummary
from smm_event.roster.store import participant_counts
from smm_event.schedule.store import session_count, sessions_of, streams_of
from smm_event.storage.changes import local_state
from smm_event.storage.event_context import current_event, event_info
from smm_event.storage.models import Device, Event
from smm_event.sync.state import unsynced_count
from smm_event.workspace import Workspace


def list_streams(ws: Workspace) -> tuple[StreamInfo, ...]:
    with ws.reading() as session:
        return streams_of(session, current_event(session).id)


def list_sessions(ws: Workspace, stream_number: int | None = None) -> tuple[SessionInfo, ...]:
    with ws.reading() as session:
        return sessions_of(session, current_event(session), stream_number)


def workspace_summary(ws: Workspace) -> WorkspaceSummary:
    with ws.reading() as session:
        state = local_state(session)
        device = session.get_one(Device, state.device_id)
        event = session.get(Event, state.event_id) if state.event_id else None
        participants, unassigned = participant_counts(session)
        return WorkspaceSummary(
            path=str(ws.path),
            device=DeviceInfo(device.id, device.name),
            event=event_info(event) if event else None,
            streams=streams_of(session, event.id) if event else (),
            participants=participants,
            unassigned=unassigned,
            sessions=session_count(session),
            checkins=checkin_count(session),
            # Records central lacked at the last successful sync (all of them before the first).
            unsynced_changes=unsynced_count(session),
        )
