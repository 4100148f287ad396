"""Participants and the results of importing and assigning them."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from smm_event.text.names import full_name


@dataclass(frozen=True)
class ParticipantInfo:
    id: uuid.UUID
    surname: str
    first_name: str
    patronymic: str | None
    gender: str | None
    organization: str | None
    position: str | None
    region: str | None
    phone: str | None
    email: str | None
    consent: bool | None
    consent_date: dt.date | None
    entry_score: float | None
    exit_score: float | None
    stream_number: int | None
    stream_locked: bool
    accelerator_track: str | None
    notes: str | None
    walk_in: bool
    badge_version: int
    withdrawn: bool = False
    withdrawal_reason: str | None = None
    stream_reason: str | None = None
    # Set when this record was merged into another person (only on the merged record itself).
    merged_into: uuid.UUID | None = None

    @property
    def full_name(self) -> str:
        return full_name(self.surname, self.first_name, self.patronymic)


@dataclass(frozen=True)
class ImportIssue:
    """A row the importer refused, with the spreadsheet row number and the column."""

    row_number: int
    column: str | None
    reason: str
    value: str | None


@dataclass(frozen=True)
class RosterImportReport:
    created: int
    updated: int
    unchanged: int
    invalid: tuple[ImportIssue, ...]
    ignored_columns: tuple[str, ...]
    applied: bool  # False for a dry run or a file refused because of invalid rows


@dataclass(frozen=True)
class ScoreImportReport:
    phase: str
    matched: int
    changed: int
    unmatched: tuple[ImportIssue, ...]
    invalid: tuple[ImportIssue, ...]
    applied: bool


@dataclass(frozen=True)
class StreamLoad:
    number: int
    title: str
    capacity: int
    size: int
    locked: int
    min_score: float | None
    max_score: float | None


@dataclass(frozen=True)
class AssignmentSummary:
    streams: tuple[StreamLoad, ...]
    moved: int
    without_score: int
    over_capacity: int  # people who fit no stream: every stream is full
    kept: int = 0  # people placed by hand (locked), left where they are


@dataclass(frozen=True)
class ParticipantDraft:
    """What the organizer typed in the participant form; the service cleans and checks it
    the way the roster import does (names re-cased, phones to +7…, e-mails lower-case)."""

    surname: str
    first_name: str
    patronymic: str | None = None
    gender: str | None = None  # "male", "female" or None
    organization: str | None = None
    position: str | None = None
    region: str | None = None
    phone: str | None = None
    email: str | None = None
    consent: bool | None = None
    consent_date: dt.date | None = None
    entry_score: float | None = None
    exit_score: float | None = None
    notes: str | None = None


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: ``field`` is a participant column, except that the
    organization and the stream are given by name and number (``organization``, ``stream``)."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class HistoryEntry:
    """One change to a person, read from the change log: when, on which laptop, what."""

    at: dt.datetime  # UTC
    device: str
    # "created", "changed", "withdrawn", "reinstated"; for merges "merged" (this record was
    # merged into the other), "merged_in" (the other was merged into this one), "unmerged"
    kind: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who may be one; ``reasons``: "phone", "email", "name", "walk_in_name"."""

    first: ParticipantInfo
    second: ParticipantInfo
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MergePreview:
    """What merging ``merged`` into ``kept`` moves: the counts the confirmation shows."""

    kept: ParticipantInfo
    merged: ParticipantInfo
    checkins: int  # admitted, not annulled
    marks: int  # sessions with a mark
    badges: int  # badge prints
    certificate: str | None  # the merged person's valid certificate number, if any


@dataclass(frozen=True)
class MergeInfo:
    """One merge record: ``merged_id`` counts as ``kept_id`` while it is in effect (not undone,
    and not overtaken by an earlier merge of the same person made on another laptop)."""

    id: uuid.UUID
    kept_id: uuid.UUID
    kept_name: str
    merged_id: uuid.UUID
    merged_name: str
    reason: str
    device: str
    undone: bool
    in_effect: bool
