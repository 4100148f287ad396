"""The accelerator selection as a use case: rank by the stored rule, record manual decisions
with their reasons, save the result into ``participant.accelerator_track`` and print the
protocol. The rule itself is pure (smm_event/outcomes/selection.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select as sql_select
from sqlalchemy.orm import Session

from smm_event.attendance.store import naive_utc
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.outcomes.gains import gain
from smm_event.outcomes.rule_config import SETTINGS_KEY, rule_from_settings, rule_to_json
from smm_event.outcomes.selection import (
    DECISIONS,
    TRACKS,
    Candidate,
    Manual,
    Ranked,
    SelectionResult,
    SelectionRule,
    select,
)
from smm_event.roster.store import find_participants, load_participant
from smm_event.services.attendance import all_attendance
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Device, Participant
from smm_event.storage.outcome_models import SelectionDecision, TopicScore
from smm_event.workspace import Workspace

MOTIVATION = ("motivation", "total")


@dataclass(frozen=True)
class DecisionInfo:
    participant_id: uuid.UUID
    decision: str
    track: str | None
    reason: str
    decided_at: dt.datetime
    device_name: str | None
    operator: str | None


@dataclass(frozen=True)
class SelectionView:
    result: SelectionResult
    people: Mapping[uuid.UUID, ParticipantInfo]
    candidates: Mapping[uuid.UUID, Candidate]
    decisions: tuple[DecisionInfo, ...]  # every decision ever recorded, oldest first
    saved_at: str | None  # when the result was last saved into accelerator_track


def current_decisions(session: Session) -> dict[uuid.UUID, SelectionDecision]:
    """The newest decision per person, by clock (insert-only history: the rest is the audit)."""
    latest: dict[uuid.UUID, SelectionDecision] = {}
    for row in session.scalars(sql_select(SelectionDecision).order_by(SelectionDecision.hlc)):
        latest[row.participant_id] = row
    return latest


def _manual(session: Session) -> dict[uuid.UUID, Manual]:
    return {
        pid: Manual(row.decision == "accept", row.track, row.reason)
        for pid, row in current_decisions(session).items()
        if row.decision != "clear"
    }


def _decision_infos(session: Session) -> tuple[DecisionInfo, ...]:
    devices = {row.id: row.name for row in session.scalars(sql_select(Device))}
    rows = session.scalars(sql_select(SelectionDecision).order_by(SelectionDecision.hlc))
    return tuple(
        DecisionInfo(
            r.participant_id,
            r.decision,
            r.track,
            r.reason,
            r.decided_at,
            devices.get(r.device_id),
            r.operator,
        )
        for r in rows
    )


def _candidates(
    session: Session, attendance: Mapping[uuid.UUID, float | None]
) -> tuple[dict[uuid.UUID, ParticipantInfo], dict[uuid.UUID, Candidate]]:
    people = {p.id: p for p in find_participants(session) if p.stream_number is not None}
    motivation = {
        row.participant_id: row.score
        for row in session.scalars(
            sql_select(TopicScore).where(
                TopicScore.phase == MOTIVATION[0], TopicScore.topic == MOTIVATION[1]
            )
        )
    }
    rows = session.execute(
        sql_select(Participant.id, Participant.organization_id, Participant.sort_key)
    )
    orgs = {pid: org for pid, org, _ in rows}
    sort_keys = {
        pid: key for pid, key in session.execute(sql_select(Participant.id, Participant.sort_key))
    }
    candidates = {
        p.id: Candidate(
            id=p.id,
            sort_key=sort_keys.get(p.id, ""),
            organization_id=orgs.get(p.id),
            stream=p.stream_number,
            region=p.region,
            attendance=attendance.get(p.id),
            exit=p.exit_score,
            gain=gain(p.entry_score, p.exit_score).normalized,
            motivation=motivation.get(p.id),
        )
        for p in people.values()
    }
    return people, candidates


def selection_view(
    ws: Workspace, rule: SelectionRule | None = None, now: dt.datetime | None = None
) -> SelectionView:
    summaries = all_attendance(ws, now)
    attendance = {pid: s.percent for pid, s in summaries.items()}
    with ws.reading() as session:
        event = current_event(session)
        chosen = rule or rule_from_settings(event.settings)
        people, candidates = _candidates(session, attendance)
        result = select(list(candidates.values()), chosen, _manual(session))
        saved = (event.settings or {}).get(SETTINGS_KEY, {})
        return SelectionView(
            result,
            people,
            candidates,
            _decision_infos(session),
            saved.get("saved_at") if isinstance(saved, dict) else None,
        )


def decide(
    ws: Workspace,
    participant_id: uuid.UUID | str,
    decision: str,
    reason: str,
    track: str | None = None,
    operator: str | None = None,
) -> DecisionInfo:
    """Accept (optionally into a track: that is also how a person is moved), exclude or clear
    one person. A written reason is required: the protocol prints it."""
    if decision not in DECISIONS:
        raise UserError("bad_selection_decision", value=decision)
    if track is not None and track not in TRACKS:
        raise UserError("bad_track", value=track)
    if track is not None and decision != "accept":
        raise UserError("track_needs_accept")
    text = (reason or "").strip()
    if not text:
        raise UserError("reason_required")
    if len(text) > 2000:
        raise UserError("reason_too_long", limit=2000)
    with ws.transaction() as session:
        person = load_participant(session, participant_id)
        at = naive_utc(None)
        key = uuid.uuid4()
        fields = {
            "participant_id": person.id,
            "decision": decision,
            "track": track,
            "reason": text,
            "decided_at": at,
            "device_id": ws.device_id,
            "operator": operator,
            "hlc": "",
        }
        changes.record(session, "selection_decision", key, fields, new=True)
        device = session.get(Device, ws.device_id)
        return DecisionInfo(
            person.id, decision, track, text, at, device.name if device else None, operator
        )


@dataclass(frozen=True)
class SaveResult:
    selected: int
    changed: int
    per_track: Mapping[str, int]


def save_selection(
    ws: Workspace, rule: SelectionRule | None = None, now: dt.datetime | None = None
) -> SaveResult:
    """Store the rule and write the ranking's tracks into ``accelerator_track`` (only the
    people whose track changes get a change record)."""
    view = selection_view(ws, rule, now)
    tracks = {r.candidate_id: r.track for r in view.result.ranking}
    changed = 0
    with ws.transaction() as session:
        event = current_event(session)
        for pid, person in view.people.items():
            wanted = tracks.get(pid)
            if person.accelerator_track != wanted:
                changes.record(session, "participant", pid, {"accelerator_track": wanted})
                changed += 1
        stamp = naive_utc(now).replace(microsecond=0).isoformat()
        merged = dict(event.settings or {})
        merged[SETTINGS_KEY] = {"rule": rule_to_json(view.result.rule), "saved_at": stamp}
        changes.record(session, "event", event.id, {"settings": merged})
    return SaveResult(len(view.result.selected), changed, view.result.per_track)


def ranked_by_id(view: SelectionView) -> dict[uuid.UUID, Ranked]:
    return {r.candidate_id: r for r in view.result.ranking}
