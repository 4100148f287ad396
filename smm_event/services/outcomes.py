"""The programme at a glance for the grant report: the funnel registered → selected → arrived →
completed → certified → accelerator → consulted (each step with the list of people behind its
number, so every figure traces to names), and planned against actual dates of every stage."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from smm_event.domain.certificates import CertificateStatus
from smm_event.domain.checkin import CheckinResult
from smm_event.domain.participants import ParticipantInfo
from smm_event.roster.store import find_participants
from smm_event.services import certificates, queries
from smm_event.storage.event_context import current_event
from smm_event.storage.models import AttendanceMark, Checkin, Event
from smm_event.storage.outcome_models import ReachAccount
from smm_event.workspace import Workspace

STEPS = (
    "registered",
    "selected",
    "arrived",
    "completed",
    "certified",
    "accelerator",
    "consulted",
)
PRESENT = ("present", "late")
SETTINGS_KEY = "outcomes"


@dataclass(frozen=True)
class FunnelStep:
    step: str
    count: int | None  # None: not recorded in this workspace
    people: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class StageDates:
    stage: str  # "stream 1", "selection", "baseline", "exit_test", …
    planned_from: dt.date | None
    planned_to: dt.date | None
    actual_from: dt.date | None
    actual_to: dt.date | None


def _consulted(settings: Mapping[str, Any] | None) -> tuple[uuid.UUID, ...] | None:
    raw = ((settings or {}).get(SETTINGS_KEY) or {}).get("consulted")
    if not isinstance(raw, list):
        return None
    found = []
    for item in raw:
        try:
            found.append(uuid.UUID(str(item)))
        except ValueError:
            continue
    return tuple(found)


def funnel(ws: Workspace, now: dt.datetime | None = None) -> tuple[FunnelStep, ...]:
    verdicts = certificates.eligibility(ws, now=now)
    register = certificates.certificate_register(ws)
    with ws.reading() as session:
        event = current_event(session)
        people = find_participants(session)
        arrived: set[uuid.UUID] = {
            pid
            for pid in session.scalars(
                select(Checkin.participant_id).where(
                    Checkin.result == CheckinResult.ADMITTED.value,
                    Checkin.participant_id.is_not(None),
                )
            )
            if pid is not None
        }
        arrived |= set(
            session.scalars(
                select(AttendanceMark.participant_id).where(AttendanceMark.status.in_(PRESENT))
            )
        )
        consulted = _consulted(event.settings)
    ids = {p.id for p in people}
    order = [p.id for p in people]  # by surname

    def step(name: str, members: set[uuid.UUID] | None) -> FunnelStep:
        if members is None:
            return FunnelStep(name, None, ())
        chosen = tuple(pid for pid in order if pid in members)
        return FunnelStep(name, len(chosen), chosen)

    certified = {r.participant_id for r in register.records if r.status is CertificateStatus.VALID}
    return (
        step("registered", ids),
        step("selected", {p.id for p in people if p.stream_number is not None}),
        step("arrived", arrived & ids),
        step("completed", {v.participant_id for v in verdicts if v.eligible}),
        step("certified", certified & ids),
        step("accelerator", {p.id for p in people if p.accelerator_track}),
        step("consulted", set(consulted) & ids if consulted is not None else None),
    )


def people_of_step(
    ws: Workspace, name: str, now: dt.datetime | None = None
) -> tuple[ParticipantInfo, ...]:
    from smm_event.errors import UserError

    if name not in STEPS:
        raise UserError("bad_funnel_step", value=name, steps=", ".join(STEPS))
    (found,) = (s for s in funnel(ws, now) if s.step == name)
    with ws.reading() as session:
        by_id = {p.id: p for p in find_participants(session)}
    return tuple(by_id[pid] for pid in found.people)


def _plan(event: Event) -> Mapping[str, Any]:
    raw = ((event.settings or {}).get(SETTINGS_KEY) or {}).get("plan")
    return raw if isinstance(raw, Mapping) else {}


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def stage_dates(ws: Workspace) -> tuple[StageDates, ...]:
    streams = queries.list_streams(ws)
    with ws.reading() as session:
        event = current_event(session)
        plan = _plan(event)
        days = [
            (day, pid)
            for day, pid in session.execute(
                select(Checkin.local_day, Checkin.participant_id).where(
                    Checkin.result == CheckinResult.ADMITTED.value
                )
            )
        ]
        stream_of = {p.id: p.stream_number for p in find_participants(session)}
        frozen = [
            at for at in session.scalars(select(ReachAccount.baseline_frozen_at)) if at is not None
        ]
        selection = (event.settings or {}).get("selection") or {}
    result = []
    for stream in streams:
        actual = sorted(
            d for d, pid in days if pid is not None and stream_of.get(pid) == stream.number
        )
        result.append(
            StageDates(
                f"stream {stream.number}",
                min(stream.days, default=None),
                max(stream.days, default=None),
                actual[0] if actual else None,
                actual[-1] if actual else None,
            )
        )
    saved = _day(str(selection.get("saved_at", ""))[:10]) if isinstance(selection, dict) else None
    baseline = min(frozen).date() if frozen else None
    for stage, actual_day in (
        ("selection", saved),
        ("baseline", baseline),
        ("exit_test", None),
        ("accelerator", None),
        ("consultations", None),
        ("report", None),
    ):
        planned = plan.get(stage) or {}
        if not isinstance(planned, Mapping):
            planned = {}
        actual_from = _day(planned.get("actual_from")) or actual_day
        actual_to = _day(planned.get("actual_to")) or actual_day
        result.append(
            StageDates(
                stage, _day(planned.get("from")), _day(planned.get("to")), actual_from, actual_to
            )
        )
    return tuple(result)
