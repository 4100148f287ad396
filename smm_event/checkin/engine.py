"""The one check-in decision: a pure function of the scan, the roster, the schedule, the earlier
check-ins, the time and the desk.

Every way into the desk (USB scanner, camera, search, walk-in form, CLI) ends here, so the
rules live in one place (pretix keeps them in four languages and they drift). The function does
no I/O: the caller passes lookups, which the service backs with indexed queries and the tests
with dictionaries.

Order of the rules, and why:

1. The badge itself (signature, CRC, event, key, version): a code that is not a valid current
   badge is refused whatever the day, so a forged code never learns anything about a person.
2. The day: no stream meets today → NO_SESSION_TODAY; the person has no stream →
   NOT_ASSIGNED; their stream does not meet today → WRONG_STREAM_DAY (with their days).
   An organizer's override (method ``override``, with a reason) lets a person in on a day
   that is not their stream's; everything else still applies.
3. Repeats: an admitted check-in earlier the same local day → ALREADY_CHECKED_IN with the
   first one's time and desk (amber, not a refusal).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from smm_event.badges import PublicKey, TokenCheck, verify_token
from smm_event.domain.badges import TokenResult
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.scanning.keyboard_layout import normalize_scan

# Every refusal of the token check is one desk verdict; a valid token admits (so far).
TOKEN_VERDICTS = {
    TokenResult.VALID: CheckinResult.ADMITTED,
    TokenResult.REPLACED: CheckinResult.BADGE_REPLACED,
    TokenResult.FORGED_OR_DAMAGED: CheckinResult.FORGED_OR_UNREADABLE,
    TokenResult.UNKNOWN_KEY: CheckinResult.FORGED_OR_UNREADABLE,
    TokenResult.NOT_OURS: CheckinResult.FORGED_OR_UNREADABLE,
    TokenResult.UNKNOWN_PARTICIPANT: CheckinResult.UNKNOWN_PARTICIPANT,
}


@dataclass(frozen=True)
class ScanInput:
    """A scanned text (``text``, as it arrived), or a person picked by hand (``participant_id``)."""

    method: CheckinMethod
    text: str | None = None
    participant_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RosterEntry:
    id: uuid.UUID
    badge_version: int
    stream_id: uuid.UUID | None


@dataclass(frozen=True)
class StreamDays:
    id: uuid.UUID
    number: int
    days: frozenset[dt.date]
    title: str = ""


@dataclass(frozen=True)
class DeskRules:
    """What rarely changes: the event, its timezone, the badge keys and the stream days."""

    event_id: uuid.UUID
    zone: ZoneInfo
    public_keys: Mapping[str, PublicKey]
    streams: Mapping[uuid.UUID, StreamDays] = field(default_factory=dict)

    def local_day(self, at: dt.datetime) -> dt.date:
        """The event-local date of an instant (naive = UTC, the stored form)."""
        aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
        return aware.astimezone(self.zone).date()

    def streams_on(self, day: dt.date) -> tuple[StreamDays, ...]:
        return tuple(
            sorted((s for s in self.streams.values() if day in s.days), key=lambda s: s.number)
        )


@dataclass(frozen=True)
class EarlierCheckin:
    id: uuid.UUID
    scanned_at: dt.datetime  # naive UTC
    desk: str
    result: CheckinResult


@dataclass(frozen=True)
class Decision:
    result: CheckinResult
    local_day: dt.date
    desk: str
    text: str | None  # the scanned text with the keyboard layout undone
    participant_id: uuid.UUID | None
    badge_version: int | None  # the version printed on the scanned badge
    token_result: TokenResult | None
    first_checkin: EarlierCheckin | None
    stream: StreamDays | None  # the person's stream
    today_streams: tuple[StreamDays, ...]


@dataclass(frozen=True)
class ScanIdentity:
    """Whom a scanned text names, or why it names nobody (``checkin.identify``)."""

    text: str  # with the keyboard layout undone
    check: TokenCheck

    @property
    def valid(self) -> bool:
        return self.check.result is TokenResult.VALID and self.check.participant_id is not None

    @property
    def verdict(self) -> CheckinResult:
        return TOKEN_VERDICTS[self.check.result]


CurrentVersion = Callable[[uuid.UUID], int | None]


def identify(raw_text: str, rules: DeskRules, current_version: CurrentVersion) -> ScanIdentity:
    """The one identification of scanned text: the keyboard layout undone, the token verified
    against the event and its keys; ``current_version`` gives a person's current badge version
    (None for nobody on this laptop). The desk, the trainer's door and ``badges verify`` all
    come here."""
    text = normalize_scan(raw_text)
    check = verify_token(text, rules.event_id, rules.public_keys, current_version)
    return ScanIdentity(text, check)


Roster = Callable[[uuid.UUID], RosterEntry | None]
EarlierCheckins = Callable[[uuid.UUID, dt.date], Iterable[EarlierCheckin]]


def decide(
    scan: ScanInput,
    rules: DeskRules,
    roster: Roster,
    earlier: EarlierCheckins,
    now: dt.datetime,
    desk: str,
) -> Decision:
    """Judge one scan; ``now`` is naive UTC or aware, ``earlier(person, day)`` may return any
    check-ins of that person and day (only admitted ones count)."""
    day = rules.local_day(now)
    today = rules.streams_on(day)
    base = Decision(CheckinResult.ADMITTED, day, desk, None, None, None, None, None, None, today)
    identified = _identify(scan, rules, roster, base)
    if identified.result is not CheckinResult.ADMITTED or identified.participant_id is None:
        return identified
    person = roster(identified.participant_id)
    if person is None:
        return _with(identified, CheckinResult.UNKNOWN_PARTICIPANT)
    stream = rules.streams.get(person.stream_id) if person.stream_id is not None else None
    identified = _with(identified, CheckinResult.ADMITTED, stream=stream)
    if not today:
        return _with(identified, CheckinResult.NO_SESSION_TODAY)
    if stream is None:
        return _with(identified, CheckinResult.NOT_ASSIGNED)
    if day not in stream.days and scan.method is not CheckinMethod.OVERRIDE:
        return _with(identified, CheckinResult.WRONG_STREAM_DAY)
    first = first_admission(earlier(person.id, day))
    if first is not None:
        return _with(identified, CheckinResult.ALREADY_CHECKED_IN, first_checkin=first)
    return identified


def first_admission(checkins: Iterable[EarlierCheckin]) -> EarlierCheckin | None:
    """The earliest admitted check-in; ties (two offline laptops) broken by id, as at sync."""
    admitted = [c for c in checkins if c.result is CheckinResult.ADMITTED]
    return min(admitted, key=lambda c: (c.scanned_at, str(c.id)), default=None)


def _identify(scan: ScanInput, rules: DeskRules, roster: Roster, base: Decision) -> Decision:
    """Who the scan names, or the refusal of the badge."""
    if scan.text is None:
        if scan.participant_id is None:
            raise ValueError("a scan needs a text or a participant id")
        return _with(base, CheckinResult.ADMITTED, participant_id=scan.participant_id)

    def current_version(participant_id: uuid.UUID) -> int | None:
        person = roster(participant_id)
        return person.badge_version if person is not None else None

    identity = identify(scan.text, rules, current_version)
    return _with(
        base,
        identity.verdict,
        text=identity.text,
        participant_id=identity.check.participant_id,
        badge_version=identity.check.badge_version,
        token_result=identity.check.result,
    )


def _with(decision: Decision, result: CheckinResult, **changes: object) -> Decision:
    return replace(decision, result=result, **changes)  # type: ignore[arg-type]
