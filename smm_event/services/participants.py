"""Listing and reading participants, each in its own read transaction (the queries live in
``smm_event.roster.store``)."""

from __future__ import annotations

import uuid

from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.roster.store import find_participants, load_participant
from smm_event.workspace import Workspace


def list_participants(
    ws: Workspace,
    stream_number: int | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> tuple[ParticipantInfo, ...]:
    if stream_number is not None and stream_number < 1:
        raise UserError("bad_stream_number", number=stream_number)
    with ws.reading() as session:
        return find_participants(session, stream_number, search, limit)


def get_participant(ws: Workspace, participant_id: uuid.UUID | str) -> ParticipantInfo:
    with ws.reading() as session:
        return load_participant(session, participant_id)
