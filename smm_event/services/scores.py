"""Entry and exit test results, matched to participants by e-mail, phone or full name."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.participants import ImportIssue, ScoreImportReport
from smm_event.errors import UserError
from smm_event.importing.score_rows import ScoreParse, ScoreRow, parse_scores
from smm_event.importing.tabular import ReadOptions
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Participant
from smm_event.text.folding import fold
from smm_event.workspace import Workspace

PHASES = {"entry": "entry_score", "exit": "exit_score"}


def import_scores(
    ws: Workspace,
    path: Path,
    phase: str,
    dry_run: bool = False,
    options: ReadOptions | None = None,
) -> ScoreImportReport:
    if phase not in PHASES:
        raise UserError("bad_phase", phase=phase)
    return _run(ws, parse_scores(path, options), phase, dry_run)


def import_parsed_scores(ws: Workspace, parsed: ScoreParse, phase: str) -> ScoreImportReport:
    """Import exactly the scores a preview showed, without reading the file again."""
    if phase not in PHASES:
        raise UserError("bad_phase", phase=phase)
    return _run(ws, parsed, phase, dry_run=False)


def preview_scores(
    ws: Workspace, path: Path, phase: str, options: ReadOptions | None = None
) -> tuple[ScoreParse, ScoreImportReport]:
    """What importing the scores would do, and how the file was read; nothing is written."""
    if phase not in PHASES:
        raise UserError("bad_phase", phase=phase)
    parsed = parse_scores(path, options)
    return parsed, _run(ws, parsed, phase, dry_run=True)


def _run(ws: Workspace, parsed: ScoreParse, phase: str, dry_run: bool) -> ScoreImportReport:
    column = PHASES[phase]
    invalid = tuple(ImportIssue(e.row_number, e.column, e.reason, e.value) for e in parsed.errors)
    with ws.transaction() as session:
        matcher = _Matcher(session, current_event(session).id)
        unmatched: list[ImportIssue] = []
        updates: dict[uuid.UUID, float] = {}
        for row in parsed.rows:
            participant = matcher.match(row)
            if participant is None:
                unmatched.append(
                    ImportIssue(row.row_number, None, "no_such_participant", _label(row))
                )
            elif getattr(participant, column) != row.score:
                updates[participant.id] = row.score
        matched = len(parsed.rows) - len(unmatched)
        applied = not dry_run
        if applied:
            for participant_id, score in updates.items():
                changes.record(session, "participant", participant_id, {column: score})
    return ScoreImportReport(phase, matched, len(updates), tuple(unmatched), invalid, applied)


def _label(row: ScoreRow) -> str:
    return row.email or row.phone or row.full_name or ""


class _Matcher:
    def __init__(self, session: Session, event_id: uuid.UUID) -> None:
        people = session.scalars(
            select(Participant).where(
                Participant.event_id == event_id, Participant.deleted.is_(False)
            )
        ).all()
        self.by_email = {p.email: p for p in people if p.email}
        self.by_phone = {p.phone: p for p in people if p.phone}
        by_name: dict[str, list[Participant]] = {}
        for person in people:
            for key in _name_keys(person.surname, person.first_name, person.patronymic):
                by_name.setdefault(key, []).append(person)
        self.by_name = by_name

    def match(self, row: ScoreRow) -> Participant | None:
        if row.email and row.email in self.by_email:
            return self.by_email[row.email]
        if row.phone and row.phone in self.by_phone:
            return self.by_phone[row.phone]
        if row.full_name:
            candidates = self.by_name.get(fold(row.full_name), [])
            # Two people with one name: matching either would be a guess, so match neither.
            return candidates[0] if len(candidates) == 1 else None
        return None


def _name_keys(surname: str, first_name: str, patronymic: str | None) -> set[str]:
    keys = {fold(f"{surname} {first_name}")}
    if patronymic:
        keys.add(fold(f"{surname} {first_name} {patronymic}"))
    return keys


# The survey and outcome imports match people exactly like the score import does.
ParticipantMatcher = _Matcher
