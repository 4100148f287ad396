"""What the funnel and the planned-against-actual table read but nothing else records: the
stages' planned (and, where no record shows it, actual) dates, and who received the six months
of consultations. Both live in the event's settings (``outcomes.plan`` and
``outcomes.consulted``), written by the organizer as one replicated event change."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from smm_event.errors import UserError
from smm_event.roster.store import load_participant
from smm_event.services.outcomes import SETTINGS_KEY, StageDates, stage_dates
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.workspace import Workspace

# The stages after the streams (a stream's planned days come from the schedule).
PLANNED_STAGES = (
    "selection",
    "baseline",
    "exit_test",
    "accelerator",
    "consultations",
    "report",
)


def plan_stage(
    ws: Workspace,
    stage: str,
    planned_from: dt.date | None,
    planned_to: dt.date | None,
    actual_from: dt.date | None = None,
    actual_to: dt.date | None = None,
) -> StageDates:
    """Set a stage's planned dates (and its actual ones, for stages no record dates)."""
    if stage not in PLANNED_STAGES:
        raise UserError("bad_stage", value=stage, stages=", ".join(PLANNED_STAGES))
    for start, end in ((planned_from, planned_to), (actual_from, actual_to)):
        if start is not None and end is not None and end < start:
            raise UserError("bad_date_range", start=start.isoformat(), end=end.isoformat())
    entry = {
        "from": _iso(planned_from),
        "to": _iso(planned_to),
        "actual_from": _iso(actual_from),
        "actual_to": _iso(actual_to),
    }
    with ws.transaction() as session:
        outcomes = _outcome_settings(session)
        plan = dict(outcomes.get("plan") or {})
        plan[stage] = {key: value for key, value in entry.items() if value is not None}
        outcomes["plan"] = plan
        _save(session, outcomes)
    (dates,) = (row for row in stage_dates(ws) if row.stage == stage)
    return dates


def consulted_people(ws: Workspace) -> tuple[uuid.UUID, ...]:
    """Who is on the consultations list now (read without writing anything)."""
    with ws.reading() as session:
        values = _outcome_settings(session).get("consulted") or ()
    return tuple(uuid.UUID(str(value)) for value in values)


def record_consultations(
    ws: Workspace, add: Iterable[uuid.UUID | str] = (), remove: Iterable[uuid.UUID | str] = ()
) -> tuple[uuid.UUID, ...]:
    """Add people to (or take them off) the list of NGOs' representatives who received the
    consultations; returns the whole list. Unknown ids change nothing."""
    with ws.transaction() as session:
        added = [load_participant(session, value).id for value in add]
        removed = {load_participant(session, value).id for value in remove}
        outcomes = _outcome_settings(session)
        current = [uuid.UUID(str(value)) for value in outcomes.get("consulted") or ()]
        wanted = [pid for pid in dict.fromkeys([*current, *added]) if pid not in removed]
        outcomes["consulted"] = [str(pid) for pid in wanted]
        _save(session, outcomes)
    return tuple(wanted)


def _outcome_settings(session: Session) -> dict[str, Any]:
    settings = current_event(session).settings or {}
    return dict(settings.get(SETTINGS_KEY) or {})


def _save(session: Session, outcomes: dict[str, Any]) -> None:
    event = current_event(session)
    settings = dict(event.settings or {})
    settings[SETTINGS_KEY] = outcomes
    changes.record(session, "event", event.id, {"settings": settings})


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
