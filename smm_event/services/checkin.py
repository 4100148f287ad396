"""Check-in at the registration desk: judge a scan, log it, and say what the desk shows.

Every scan is logged, refusals too (raw text, verdict, device, desk, operator, time), as one
insert-only ``checkin`` change in ONE short write transaction, and the verdict is returned only
after that transaction committed (WAL, synchronous=FULL): an admitted scan is on disk before
the green light shows. The decision itself is ``smm_event.checkin.engine.decide``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from smm_event.checkin import queries, store
from smm_event.checkin.engine import Decision, DeskRules, ScanInput, decide
from smm_event.checkin.identify import scan_fields
from smm_event.domain.checkin import (
    CheckinMethod,
    CheckinOutcome,
    ClockIssue,
    ClockWarning,
    DeskCounts,
    FirstCheckin,
    ScanRecord,
)
from smm_event.domain.participants import ParticipantInfo
from smm_event.roster.store import parse_participant_id, to_info
from smm_event.services.attendance_hooks import on_admitted
from smm_event.storage import changes
from smm_event.storage.event_context import to_local
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace


def check_in_scan(
    ws: Workspace,
    raw_text: str,
    desk: str | None = None,
    operator: str | None = None,
    method: CheckinMethod | str = CheckinMethod.SCANNER,
    now: dt.datetime | None = None,
) -> CheckinOutcome:
    """Judge a scanned text as it arrived (a Russian keyboard layout is undone here) and log
    it. ``desk`` defaults to this laptop's name; ``now`` (naive UTC or aware) to the clock."""
    scan = ScanInput(CheckinMethod(method), text=raw_text)
    with ws.transaction() as session:
        return check_in_in_session(session, ws.device_id, scan, desk, operator, now)


def check_in_manual(
    ws: Workspace,
    participant_id: uuid.UUID | str,
    desk: str | None = None,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> CheckinOutcome:
    """Check in a person found by search (no badge): the same rules, logged as manual."""
    scan = ScanInput(CheckinMethod.MANUAL, participant_id=parse_participant_id(participant_id))
    with ws.transaction() as session:
        return check_in_in_session(session, ws.device_id, scan, desk, operator, now)


def check_in_in_session(
    session: Session,
    device_id: uuid.UUID,
    scan: ScanInput,
    desk: str | None,
    operator: str | None,
    now: dt.datetime | None,
    extra_fields: Mapping[str, object] | None = None,
) -> CheckinOutcome:
    """The check-in inside the caller's write transaction (a walk-in registers first);
    ``extra_fields`` go into the logged record (an override's reason)."""
    at = as_utc(now)
    rules = store.desk_rules(session)
    desk_name = (desk or "").strip() or store.device_name(session, device_id)
    rows: dict[uuid.UUID, tuple[Participant, str | None] | None] = {}

    def person(participant_id: uuid.UUID) -> tuple[Participant, str | None] | None:
        if participant_id not in rows:
            rows[participant_id] = store.participant_row(session, rules, participant_id)
        return rows[participant_id]

    decision = decide(
        scan,
        rules,
        lambda participant_id: store.roster_entry(person(participant_id)),
        lambda participant_id, day: store.admitted_checkins(session, participant_id, day),
        at,
        desk_name,
    )
    checkin_id = uuid.uuid4()
    operator_name = (operator or "").strip()[:100] or None
    found = person(decision.participant_id) if decision.participant_id is not None else None
    row = found[0] if found is not None else None
    fields = scan_fields(
        session,
        device_id,
        method=scan.method,
        result=decision.result,
        at=at,
        raw_text=scan.text,
        desk=desk_name,
        operator=operator_name,
        participant_id=decision.participant_id,
        badge_version=decision.badge_version
        if decision.badge_version is not None
        else (row.badge_version if row is not None else None),
    )
    fields.update(extra_fields or {})
    changes.record_insert(session, "checkin", checkin_id, fields)
    if decision.result.admitted and decision.participant_id is not None:
        store.notify_attendance(session, on_admitted, decision.participant_id, at, operator_name)
    info = _participant_info(rules, found)
    return _outcome(checkin_id, scan, decision, rules, at, operator_name, info)


def as_utc(now: dt.datetime | None) -> dt.datetime:
    """Naive UTC (the stored form) from an aware time, a naive UTC time, or the clock."""
    if now is None:
        return changes.utc_now()
    if now.tzinfo is None:
        return now
    return now.astimezone(dt.UTC).replace(tzinfo=None)


def event_today(ws: Workspace, now: dt.datetime | None = None) -> dt.date:
    """The event-local date of ``now``: what the desk calls today."""
    with ws.reading() as session:
        return store.desk_rules(session).local_day(as_utc(now))


def event_zone_of(ws: Workspace) -> ZoneInfo:
    with ws.reading() as session:
        return store.desk_rules(session).zone


def recent_scans(
    ws: Workspace, limit: int = 20, now: dt.datetime | None = None
) -> tuple[ScanRecord, ...]:
    """Today's latest scans on this workspace (every desk that synced here), newest first."""
    with ws.reading() as session:
        rules = store.desk_rules(session)
        return queries.day_scans(session, rules, rules.local_day(as_utc(now)), limit, True)


def list_scans(
    ws: Workspace, day: dt.date | None = None, now: dt.datetime | None = None
) -> tuple[ScanRecord, ...]:
    """Every scan of an event-local day (default today), oldest first, refusals included."""
    with ws.reading() as session:
        rules = store.desk_rules(session)
        wanted = day if day is not None else rules.local_day(as_utc(now))
        return queries.day_scans(session, rules, wanted, None, False)


def desk_counts(
    ws: Workspace,
    day: dt.date | None = None,
    desk: str | None = None,
    now: dt.datetime | None = None,
    with_absent: bool = True,
) -> DeskCounts:
    """The day's stream(s): arrived / expected, by desk, and (``with_absent``) who has not
    arrived yet. Without the list it is a few milliseconds even with thousands of people."""
    with ws.reading() as session:
        rules = store.desk_rules(session)
        wanted = day if day is not None else rules.local_day(as_utc(now))
        return queries.day_counts(session, rules, wanted, desk, with_absent)


def clock_warning(ws: Workspace, now: dt.datetime | None = None) -> ClockWarning | None:
    """A warning when the laptop's date is outside the event's dates (a wrong clock would
    file every check-in under the wrong day); None when it is inside."""
    with ws.reading() as session:
        rules = store.desk_rules(session)
        starts_on, ends_on = store.event_dates(session)
    today = rules.local_day(as_utc(now))
    if today < starts_on:
        return ClockWarning(ClockIssue.BEFORE_EVENT, today, starts_on, ends_on)
    if today > ends_on:
        return ClockWarning(ClockIssue.AFTER_EVENT, today, starts_on, ends_on)
    return None


def _participant_info(
    rules: DeskRules, found: tuple[Participant, str | None] | None
) -> ParticipantInfo | None:
    if found is None:
        return None
    row, organization = found
    stream = rules.streams.get(row.stream_id) if row.stream_id is not None else None
    return to_info(row, organization, stream.number if stream else None)


def _outcome(
    checkin_id: uuid.UUID,
    scan: ScanInput,
    decision: Decision,
    rules: DeskRules,
    at: dt.datetime,
    operator: str | None,
    info: ParticipantInfo | None,
) -> CheckinOutcome:
    first = decision.first_checkin
    stream = decision.stream
    return CheckinOutcome(
        checkin_id=checkin_id,
        result=decision.result,
        method=scan.method,
        scanned_at=to_local(at, rules.zone),
        local_day=decision.local_day,
        desk=decision.desk,
        operator=operator,
        raw_text=scan.text,
        participant_id=decision.participant_id,
        participant=info,
        badge_version=decision.badge_version,
        token_result=decision.token_result,
        first_checkin=FirstCheckin(first.id, to_local(first.scanned_at, rules.zone), first.desk)
        if first is not None
        else None,
        stream_number=stream.number if stream is not None else None,
        stream_days=tuple(sorted(stream.days)) if stream is not None else (),
        today_streams=tuple(s.number for s in decision.today_streams),
    )
