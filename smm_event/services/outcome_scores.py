"""Test results with topics: the entry or exit quiz export (total into the participant's
entry/exit score, each «Тема: …» column into ``topic_score``) and the motivation score the
selection rule may weigh. People are matched like the score import (e-mail, phone, name)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from smm_event.domain.participants import ImportIssue
from smm_event.errors import UserError
from smm_event.importing.score_rows import ScoreRow
from smm_event.outcomes.form_rows import FormRow, parse_form
from smm_event.outcomes.gains import Gain, GainSummary, gain, summarize_gains
from smm_event.roster.store import find_participants
from smm_event.services.scores import ParticipantMatcher
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.outcome_models import TopicScore
from smm_event.workspace import Workspace

PHASES = {"entry": "entry_score", "exit": "exit_score", "motivation": None}
TOTAL = "total"


@dataclass(frozen=True)
class QuizImportReport:
    phase: str
    matched: int
    changed: int
    topics: tuple[str, ...]
    unmatched: tuple[ImportIssue, ...]
    invalid: tuple[ImportIssue, ...]
    applied: bool


def as_score_row(row: FormRow) -> ScoreRow:
    return ScoreRow(row.row_number, row.email, row.phone, row.full_name, row.score or 0.0)


def topic_score_id(participant_id: uuid.UUID, phase: str, topic: str) -> uuid.UUID:
    return uuid.uuid5(participant_id, f"topic:{phase}:{topic}")


def label(row: FormRow) -> str:
    return row.email or row.phone or row.full_name or ""


def import_test(ws: Workspace, path: Path, phase: str, dry_run: bool = False) -> QuizImportReport:
    if phase not in PHASES:
        raise UserError("bad_phase", phase=phase)
    parsed = parse_form(path)
    if phase == "motivation" and not any(r.score is not None for r in parsed.rows):
        raise UserError("unreadable_file", path=str(path), reason="no_score_column")
    invalid = tuple(ImportIssue(e.row_number, e.column, e.reason, e.value) for e in parsed.errors)
    column = PHASES[phase]
    changed = 0
    unmatched: list[ImportIssue] = []
    with ws.transaction() as session:
        matcher = ParticipantMatcher(session, current_event(session).id)
        existing = {row.id: row.score for row in session.scalars(select(TopicScore))}
        writes: list[tuple[str, uuid.UUID, dict[str, object]]] = []
        for row in parsed.rows:
            person = matcher.match(as_score_row(row))
            if person is None:
                unmatched.append(
                    ImportIssue(row.row_number, None, "no_such_participant", label(row))
                )
                continue
            if column and row.score is not None and getattr(person, column) != row.score:
                writes.append(("participant", person.id, {column: row.score}))
            scores = dict(row.topics)
            if phase == "motivation":
                scores = {TOTAL: row.score}
            for topic, score in scores.items():
                key = topic_score_id(person.id, phase, topic)
                if key not in existing or existing[key] != score:
                    fields = {
                        "participant_id": person.id,
                        "phase": phase,
                        "topic": topic,
                        "score": score,
                    }
                    writes.append(("topic_score", key, fields))
        changed = len(writes)
        if not dry_run:
            for entity, key, fields in writes:
                changes.record(session, entity, key, fields)
    matched = len(parsed.rows) - len(unmatched)
    return QuizImportReport(
        phase, matched, changed, parsed.topics, tuple(unmatched), invalid, not dry_run
    )


@dataclass(frozen=True)
class PersonGain:
    participant_id: uuid.UUID
    full_name: str
    stream_number: int | None
    phone: str | None
    total: Gain
    topics: dict[str, Gain]


@dataclass(frozen=True)
class GainReport:
    people: tuple[PersonGain, ...]
    by_stream: dict[int, GainSummary]
    by_topic: dict[str, GainSummary]
    overall: GainSummary

    @property
    def without_exit(self) -> tuple[PersonGain, ...]:
        return tuple(p for p in self.people if p.total.exit is None)


def gain_report(ws: Workspace) -> GainReport:
    with ws.reading() as session:
        people = [p for p in find_participants(session) if p.stream_number is not None]
        topic_rows: dict[uuid.UUID, dict[str, dict[str, float | None]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for row in session.scalars(
            select(TopicScore).where(TopicScore.phase.in_(("entry", "exit")))
        ):
            topic_rows[row.participant_id][row.topic][row.phase] = row.score
    result = []
    for person in people:
        topics = {
            topic: gain(phases.get("entry"), phases.get("exit"))
            for topic, phases in sorted(topic_rows.get(person.id, {}).items())
        }
        result.append(
            PersonGain(
                person.id,
                person.full_name,
                person.stream_number,
                person.phone,
                gain(person.entry_score, person.exit_score),
                topics,
            )
        )
    streams: dict[int, list[Gain]] = defaultdict(list)
    topics_all: dict[str, list[Gain]] = defaultdict(list)
    for item in result:
        streams[item.stream_number or 0].append(item.total)
        for topic, value in item.topics.items():
            topics_all[topic].append(value)
    return GainReport(
        tuple(result),
        {n: summarize_gains(g) for n, g in sorted(streams.items())},
        {t: summarize_gains(g) for t, g in sorted(topics_all.items())},
        summarize_gains(p.total for p in result),
    )
