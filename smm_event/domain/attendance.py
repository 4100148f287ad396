"""Attendance as the UI, the CLI, the exports and the certificates see it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from smm_event.domain.badges import TokenResult
from smm_event.domain.event import SessionInfo
from smm_event.domain.participants import ParticipantInfo


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"


class MarkSource(StrEnum):
    """How a mark was made; kept in the audit trail."""

    CLICK = "click"
    KEYBOARD = "keyboard"
    SCAN = "scan"
    DESK = "desk"
    CLOSE = "close"  # "mark all unmarked as absent" when a session closes
    CLI = "cli"


class ScanOutcome(StrEnum):
    MARKED = "marked"
    ALREADY_MARKED = "already_marked"  # present or late already: a second scan changes nothing
    NOT_IN_STREAM = "not_in_stream"
    BAD_BADGE = "bad_badge"  # see ScanMarkResult.token_result
    SESSION_CLOSED = "session_closed"


class DeskMarkOutcome(StrEnum):
    MARKED = "marked"
    DISABLED = "disabled"  # the event's settings say desk check-ins do not mark
    NO_SESSION = "no_session"  # no session of the person's stream that day, or no stream
    ALREADY_MARKED = "already_marked"  # a trainer (or an earlier check-in) marked first
    SESSION_OVER = "session_over"  # checked in after the first session ended
    SESSION_CLOSED = "session_closed"


@dataclass(frozen=True)
class MarkInfo:
    """One version of a mark. ``previous_status`` is what the mark was before this version."""

    id: uuid.UUID
    session_id: uuid.UUID
    participant_id: uuid.UUID
    status: AttendanceStatus
    note: str | None
    source: str
    hlc: str
    marked_at: dt.datetime  # local time of the event, timezone-aware
    device_id: uuid.UUID
    device_name: str | None
    operator: str | None
    previous_status: AttendanceStatus | None = None


@dataclass(frozen=True)
class MarkResult:
    """What mark() did: ``changed`` is False when the same status and note were already current
    (nothing is written then, so repeated clicks and scans do not bloat the history)."""

    mark: MarkInfo
    changed: bool


@dataclass(frozen=True)
class RosterEntry:
    participant: ParticipantInfo
    mark: MarkInfo | None  # the current version, None while unmarked
    # The first admitted (not annulled) check-in at a desk on the session's day, local time.
    admitted_at: dt.datetime | None = None
    admitted_desk: str | None = None

    @property
    def status(self) -> AttendanceStatus | None:
        return self.mark.status if self.mark else None


@dataclass(frozen=True)
class SessionRoster:
    session: SessionInfo
    entries: tuple[RosterEntry, ...]  # the session's stream, sorted by surname
    counts: Mapping[str, int]  # status value -> people; "unmarked" too
    late_after: dt.datetime  # local time: scans after it mark "late"


@dataclass(frozen=True)
class ScanMarkResult:
    outcome: ScanOutcome
    token_result: TokenResult
    participant: ParticipantInfo | None = None
    mark: MarkInfo | None = None


@dataclass(frozen=True)
class DeskMarkResult:
    outcome: DeskMarkOutcome
    session_id: uuid.UUID | None = None
    mark: MarkInfo | None = None


@dataclass(frozen=True)
class BulkMarkResult:
    """What mark_many() wrote: the new current marks (people already at that status are left
    alone and only counted)."""

    session_id: uuid.UUID
    status: AttendanceStatus
    marks: tuple[MarkInfo, ...]
    unchanged: int


@dataclass(frozen=True)
class CloseResult:
    session_id: uuid.UUID
    closed: bool
    marked_absent: int


@dataclass(frozen=True)
class AttendanceSummary:
    """A participant's attendance over the held sessions of their own stream.

    ``attended`` is the weighted sum (late counts its weight, 0.5 by default); ``expected`` the
    number of held sessions minus the excused ones; ``percent`` is None while nothing is
    expected. Unmarked held sessions count as expected and not attended.
    """

    participant_id: uuid.UUID
    attended: float
    expected: int
    percent: float | None
    counts: Mapping[str, int] = field(default_factory=dict)  # status value -> sessions
    unmarked: int = 0
    held: int = 0  # held sessions of the stream
    planned: int = 0  # all sessions of the stream, held or not


@dataclass(frozen=True)
class SessionTotals:
    session_id: uuid.UUID
    counts: Mapping[str, int]  # status value -> people
    unmarked: int
    held: bool


@dataclass(frozen=True)
class MatrixRow:
    participant: ParticipantInfo
    cells: tuple[AttendanceStatus | None, ...]  # one per session, in the matrix's session order
    summary: AttendanceSummary


@dataclass(frozen=True)
class AttendanceMatrix:
    stream_number: int
    stream_title: str
    sessions: tuple[SessionInfo, ...]
    rows: tuple[MatrixRow, ...]
    totals: tuple[SessionTotals, ...]  # one per session
