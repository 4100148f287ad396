"""Check-in at the registration desk as the UI and CLI see it: result codes and outcomes.

Times in these records are aware datetimes in the event's timezone (what the desk shows);
the database keeps naive UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

from smm_event.domain.badges import TokenResult
from smm_event.domain.participants import ParticipantInfo


class CheckinResult(StrEnum):
    """The verdict on one scan. The values are stored in ``checkin.result``: never rename."""

    ADMITTED = "admitted"
    ALREADY_CHECKED_IN = "already_checked_in"  # admitted earlier today: amber, not a refusal
    BADGE_REPLACED = "badge_replaced"  # an older version of a reissued badge
    FORGED_OR_UNREADABLE = "forged_or_unreadable"  # damaged, forged, unknown key, not ours
    UNKNOWN_PARTICIPANT = "unknown_participant"  # a valid signature for nobody on this laptop
    NOT_ASSIGNED = "not_assigned"  # a participant without a stream
    WRONG_STREAM_DAY = "wrong_stream_day"  # today belongs to another stream
    NO_SESSION_TODAY = "no_session_today"  # no stream has a day today

    @property
    def admitted(self) -> bool:
        return self is CheckinResult.ADMITTED

    @property
    def refused(self) -> bool:
        return self not in (CheckinResult.ADMITTED, CheckinResult.ALREADY_CHECKED_IN)


class CheckinMethod(StrEnum):
    """How the person was identified (``checkin.method``, at most 20 characters)."""

    SCANNER = "scanner"
    CAMERA = "camera"
    MANUAL = "manual"  # found by search, no badge
    WALK_IN = "walk_in"  # registered at the desk
    TYPED = "typed"  # text given on the command line
    DOOR = "door"  # a badge scanned at a session's door (logged when refused)
    OVERRIDE = "override"  # let in by an organizer on a day not their stream's, with a reason


@dataclass(frozen=True)
class FirstCheckin:
    """Today's first admitted check-in of a person: what an amber screen shows."""

    checkin_id: uuid.UUID
    at: dt.datetime
    desk: str


@dataclass(frozen=True)
class CheckinOutcome:
    """One logged scan and its verdict; returned only after the row is durably committed.

    ``token_result`` keeps the badge check's own detail (why a code was refused);
    ``stream_number``/``stream_days`` are the person's stream (for a wrong-day refusal);
    ``today_streams`` are the streams that have a day today.
    """

    checkin_id: uuid.UUID
    result: CheckinResult
    method: CheckinMethod
    scanned_at: dt.datetime
    local_day: dt.date
    desk: str
    operator: str | None
    raw_text: str | None
    participant_id: uuid.UUID | None
    participant: ParticipantInfo | None
    badge_version: int | None
    token_result: TokenResult | None
    first_checkin: FirstCheckin | None
    stream_number: int | None
    stream_days: tuple[dt.date, ...]
    today_streams: tuple[int, ...]

    @property
    def admitted(self) -> bool:
        return self.result.admitted

    @property
    def participant_name(self) -> str | None:
        return self.participant.full_name if self.participant is not None else None


@dataclass(frozen=True)
class WalkInOutcome:
    """A walk-in registered (flagged for review) and checked in in the same transaction."""

    participant: ParticipantInfo
    checkin: CheckinOutcome


@dataclass(frozen=True)
class ScanRecord:
    """A logged scan for lists (``checkin list``, the desk's last scans)."""

    id: uuid.UUID
    scanned_at: dt.datetime
    local_day: dt.date
    desk: str
    device_id: uuid.UUID
    device_name: str | None
    operator: str | None
    method: str
    result: str
    raw_text: str | None
    participant_id: uuid.UUID | None
    participant_name: str | None
    organization: str | None
    stream_number: int | None
    annulled: bool = False  # undone at a desk: shown, but no longer counts
    override_reason: str | None = None  # let in on another stream's day (method "override")
    override_by: str | None = None  # the organizer who allowed it


@dataclass(frozen=True)
class DeskArrivals:
    desk: str
    arrived: int  # people whose first admitted check-in of the day was at this desk


@dataclass(frozen=True)
class StreamArrivals:
    number: int
    title: str
    expected: int
    arrived: int


@dataclass(frozen=True)
class AbsentPerson:
    participant_id: uuid.UUID
    full_name: str
    organization: str | None
    stream_number: int
    phone: str | None


@dataclass(frozen=True)
class DeskCounts:
    """Arrivals of the day's stream(s): overall, per stream, per desk, and who is missing."""

    day: dt.date
    streams: tuple[StreamArrivals, ...]  # empty: no stream has a day on ``day``
    expected: int
    arrived: int
    by_desk: tuple[DeskArrivals, ...]  # most arrivals first
    not_arrived: tuple[AbsentPerson, ...]  # in surname order; empty unless asked for
    desk: str | None
    arrived_at_desk: int | None  # for ``desk``; None when no desk was asked for
    # People of other streams let in today by an organizer's override (not in ``arrived``,
    # which counts today's streams against their expected numbers).
    overridden: int = 0

    @property
    def missing(self) -> int:
        return self.expected - self.arrived


class ClockIssue(StrEnum):
    BEFORE_EVENT = "before_event"
    AFTER_EVENT = "after_event"


@dataclass(frozen=True)
class ClockWarning:
    """The laptop's date lies outside the event: every check-in would get the wrong day."""

    issue: ClockIssue
    today: dt.date
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class AnnulmentResult:
    """A check-in annulled: it stays in the log, marked, and no longer counts. ``mark_withdrawn``
    says whether the attendance mark this admission wrote at the desk was withdrawn (a trainer's
    own mark is never touched)."""

    annulment_id: uuid.UUID
    checkin_id: uuid.UUID
    participant_id: uuid.UUID | None
    participant_name: str | None
    reason: str
    mark_withdrawn: bool


@dataclass(frozen=True)
class SearchHit:
    """A person found at the desk, with what the clerk must see before pressing Enter: here
    today already (first admission's time and desk), a walk-in."""

    person: ParticipantInfo
    arrived_at: dt.datetime | None  # today's first admission, event time; None: not yet
    arrived_desk: str | None

    @property
    def here_today(self) -> bool:
        return self.arrived_at is not None
