"""Feedback surveys: import a form export matched to participants, then per stream, day,
session and trainer the mean of every rating question, the free-text answers, and who has not
answered (with phones, for a reminder). A question is a rating when every answer to it in the
survey is a whole number from 1 to 10; anything else is free text."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from smm_event.domain.participants import ImportIssue
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.outcomes.form_rows import FormRow, parse_form
from smm_event.roster.store import find_participants
from smm_event.services.outcome_scores import as_score_row, label
from smm_event.services.scores import ParticipantMatcher
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.outcome_models import SurveyResponse
from smm_event.workspace import Workspace

MAX_ANSWER = 4000


@dataclass(frozen=True)
class SurveyImportReport:
    survey: str
    matched: int
    added: int
    questions: tuple[str, ...]
    unmatched: tuple[ImportIssue, ...]
    invalid: tuple[ImportIssue, ...]
    applied: bool


def _response_id(event_id: uuid.UUID, survey: str, row: FormRow) -> uuid.UUID:
    """The same form row imported twice (or on two laptops) is one response."""
    digest = hashlib.sha256(repr(sorted(row.answers.items())).encode()).hexdigest()[:16]
    return uuid.uuid5(event_id, f"survey:{survey}:{label(row)}:{row.submitted_at}:{digest}")


def _stream(text: str | None, default: int | None) -> int | None:
    digits = "".join(ch for ch in text or "" if ch.isdigit())
    return int(digits) if digits and len(digits) < 4 else default


def import_survey(
    ws: Workspace,
    path: Path,
    survey: str | None = None,
    stream_number: int | None = None,
    dry_run: bool = False,
) -> SurveyImportReport:
    name = (survey or path.stem).strip()[:200]
    if not name:
        raise UserError("bad_survey_name")
    parsed = parse_form(path)
    if not parsed.questions:
        raise UserError("unreadable_file", path=str(path), reason="no_questions")
    invalid = tuple(ImportIssue(e.row_number, e.column, e.reason, e.value) for e in parsed.errors)
    unmatched: list[ImportIssue] = []
    added = 0
    with ws.transaction() as session:
        event = current_event(session)
        matcher = ParticipantMatcher(session, event.id)
        known = set(session.scalars(select(SurveyResponse.id).where(SurveyResponse.survey == name)))
        for row in parsed.rows:
            person = matcher.match(as_score_row(row))
            if person is None:
                unmatched.append(
                    ImportIssue(row.row_number, None, "no_such_participant", label(row))
                )
            key = _response_id(event.id, name, row)
            if key in known:
                continue
            known.add(key)
            added += 1
            if dry_run:
                continue
            fields = {
                "event_id": event.id,
                "survey": name,
                "participant_id": person.id if person else None,
                "stream_number": _stream(row.context.get("stream"), stream_number),
                "day": _day(row.context.get("day"))
                or (row.submitted_at.date() if row.submitted_at else None),
                "session_title": (row.context.get("session") or None),
                "trainer": (row.context.get("trainer") or None),
                "answers": {q[:300]: a[:MAX_ANSWER] for q, a in row.answers.items()},
                "submitted_at": row.submitted_at,
            }
            changes.record(session, "survey_response", key, fields, new=True)
    matched = len(parsed.rows) - len(unmatched)
    return SurveyImportReport(
        name, matched, added, parsed.questions, tuple(unmatched), invalid, not dry_run
    )


def _day(text: str | None) -> dt.date | None:
    try:
        return normalize.date(text or "")
    except normalize.BadValue:
        return None


def _rating(text: str) -> int | None:
    stripped = text.strip().split(" ")[0].rstrip(".,")
    return int(stripped) if stripped.isdigit() and 1 <= int(stripped) <= 10 else None


@dataclass(frozen=True)
class RatingSummary:
    question: str
    group: str  # a stream number, a day (ISO), a session title, a trainer; "" for all
    kind: str  # "all", "stream", "day", "session", "trainer"
    answers: int
    mean: float


@dataclass(frozen=True)
class NonRespondent:
    participant_id: uuid.UUID
    full_name: str
    stream_number: int | None
    phone: str | None


@dataclass(frozen=True)
class SurveySummary:
    survey: str
    responses: int
    ratings: tuple[RatingSummary, ...]
    comments: tuple[tuple[str, str], ...]  # (question, answer)
    not_answered: tuple[NonRespondent, ...]


def survey_names(ws: Workspace) -> tuple[str, ...]:
    with ws.reading() as session:
        return tuple(sorted(set(session.scalars(select(SurveyResponse.survey)))))


def survey_summary(ws: Workspace, survey: str) -> SurveySummary:
    with ws.reading() as session:
        rows = list(session.scalars(select(SurveyResponse).where(SurveyResponse.survey == survey)))
        if not rows:
            raise UserError("no_such_survey", survey=survey)
        people = find_participants(session)
    questions: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for question, answer in row.answers.items():
            questions[question].append(answer)
    rating_questions = [
        q for q, answers in questions.items() if all(_rating(a) is not None for a in answers)
    ]
    ratings: list[RatingSummary] = []
    for question in rating_questions:
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for row in rows:
            value = _rating(row.answers.get(question, ""))
            if value is None:
                continue
            groups[("all", "")].append(value)
            if row.stream_number is not None:
                groups[("stream", str(row.stream_number))].append(value)
            if row.day is not None:
                groups[("day", row.day.isoformat())].append(value)
            if row.session_title:
                groups[("session", row.session_title)].append(value)
            if row.trainer:
                groups[("trainer", row.trainer)].append(value)
        for (kind, group), values in sorted(groups.items()):
            ratings.append(
                RatingSummary(
                    question, group, kind, len(values), round(statistics.fmean(values), 2)
                )
            )
    comments = tuple(
        (q, a) for q, answers in questions.items() if q not in rating_questions for a in answers
    )
    answered = {row.participant_id for row in rows if row.participant_id}
    streams = {row.stream_number for row in rows if row.stream_number is not None}
    expected = [
        p
        for p in people
        if p.stream_number is not None and (not streams or p.stream_number in streams)
    ]
    missing = tuple(
        NonRespondent(p.id, p.full_name, p.stream_number, p.phone)
        for p in expected
        if p.id not in answered
    )
    return SurveySummary(survey, len(rows), tuple(ratings), comments, missing)
