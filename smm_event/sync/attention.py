"""The needs-attention list: what merging several offline laptops' records made visible and an
organizer should look at. Nothing here changes data: a scan happened and is never re-judged.

Computed from the replicated tables and the change log, so every laptop (and central) that holds
the same records shows the same list; the one exception is the clock skew this laptop measured
against the central server at its last sync. Rules (docs/sync.md, "Needs attention"):

- an admitted scan of a badge version older than the participant's current one, made after the
  reissue by the clocks (the desk had not heard of it yet), and refused scans of replaced badges;
- the same person admitted on the same day by two laptops or desks;
- a walk-in sharing a phone, an e-mail or a folded name with another person;
- clocks: check-ins scanned outside the event's dates ± 1 day by the desk's clock; a laptop
  whose wall clock ran behind stamps it had already seen; a laptop whose wall clock is in this
  laptop's future;
- one session and participant marked differently on different laptops (a manual mark that
  overrides an automatic one, desk pre-fill or session close, is deliberate and not listed).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, ColumnElement, and_, cast, distinct, func, or_, select, tuple_
from sqlalchemy.orm import Session

from smm_event.domain.checkin import CheckinResult
from smm_event.domain.sync import AttentionItem, AttentionKind
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.storage.models import AttendanceMark, Checkin, Device, Event, Participant
from smm_event.sync.selection_attention import selection_attention
from smm_event.sync.state import measured_skew_ms
from smm_event.text.folding import fold, fold_phone_digits
from smm_event.text.names import full_name

ADMITTED = CheckinResult.ADMITTED.value
REPLACED = CheckinResult.BADGE_REPLACED.value
EVENT_MARGIN = dt.timedelta(days=1)
CLOCK_TOLERANCE_MS = 10 * 60 * 1000
AUTOMATIC_SOURCES = frozenset({"desk", "close"})


class _Names:
    def __init__(self, session: Session) -> None:
        self.devices = {row.id: row.name for row in session.scalars(select(Device))}
        self.people: dict[uuid.UUID, str] = {}
        query = select(
            Participant.id, Participant.surname, Participant.first_name, Participant.patronymic
        )
        for pid, surname, first, patronymic in session.execute(query):
            self.people[pid] = full_name(surname, first, patronymic)

    def item(
        self,
        kind: AttentionKind,
        participant: uuid.UUID | None = None,
        devices: Iterable[uuid.UUID] = (),
        **extra: Any,
    ) -> AttentionItem:
        ids = tuple(sorted(set(devices), key=str))
        return AttentionItem(
            kind=kind,
            participant_id=participant,
            participant_name=self.people.get(participant) if participant else None,
            device_ids=ids,
            device_names=tuple(self.devices.get(d, str(d)[:8]) for d in ids),
            **extra,
        )


def needs_attention(session: Session, now: dt.datetime | None = None) -> list[AttentionItem]:
    names = _Names(session)
    items: list[AttentionItem] = []
    items += _badges(session, names)
    items += _duplicate_admissions(session, names)
    items += _walk_ins(session, names)
    items += _clocks(session, names, now or changes.utc_now())
    items += _marks(session, names)
    items += selection_attention(session, names.item)
    items += _quarantined(session, names)
    return items


def _quarantined(session: Session, names: _Names) -> list[AttentionItem]:
    """Received records this laptop did not apply, by station and reason (local knowledge,
    like the clock skew: another laptop may have judged the same records already)."""
    from smm_event.storage.trust_models import QuarantinedRecord as Held

    query = (
        select(Held.device_id, Held.reason, func.count(), func.min(Held.seq), func.max(Held.seq))
        .group_by(Held.device_id, Held.reason)
        .order_by(Held.device_id, Held.reason)
    )
    items = []
    for device, reason, count, low, high in session.execute(query):
        entities = sorted(
            set(
                session.scalars(
                    select(Held.entity)
                    .where(Held.device_id == device, Held.reason == reason)
                    .distinct()
                )
            )
        )
        details = {"reason": reason, "count": count, "seqs": [low, high], "entities": entities}
        items.append(names.item(AttentionKind.QUARANTINED, devices=[device], details=details))
    return items


def _stamp(clocks: dict[str, str] | None) -> str:
    """The stamp an insert-only row was written with (every field carries it)."""
    return max((clocks or {}).values(), default="")


def _badges(session: Session, names: _Names) -> list[AttentionItem]:
    outdated = and_(Checkin.result == ADMITTED, Checkin.badge_version < Participant.badge_version)
    query = (
        select(Checkin, Participant.badge_version, Participant.clocks)
        .join(Checkin, Checkin.participant_id == Participant.id)
        # Only a reissued badge (version 2 and up) can be replaced: few people, found by index.
        .where(Participant.badge_version > 1, or_(Checkin.result == REPLACED, outdated))
        .order_by(Checkin.scanned_at, Checkin.id)
    )
    items = []
    for scan, current, clocks in session.execute(query):
        reissued = (clocks or {}).get("badge_version", "")
        if scan.result == REPLACED:
            kind = AttentionKind.REPLACED_BADGE_SCANNED
        elif (
            scan.badge_version is not None
            and scan.badge_version < current
            and _stamp(scan.clocks) > reissued
        ):
            kind = AttentionKind.ADMITTED_WITH_REPLACED_BADGE
        else:
            continue
        items.append(
            names.item(
                kind,
                scan.participant_id,
                [scan.device_id],
                day=scan.local_day,
                record_ids=(str(scan.id),),
                details={
                    "badge_version": scan.badge_version,
                    "current_version": current,
                    "desk": scan.desk,
                    "scanned_at": scan.scanned_at,
                },
            )
        )
    return items


def _duplicate_admissions(session: Session, names: _Names) -> list[AttentionItem]:
    admitted = and_(Checkin.result == ADMITTED, Checkin.participant_id.is_not(None))
    twice = (
        select(Checkin.participant_id, Checkin.local_day)
        .where(admitted)
        .group_by(Checkin.participant_id, Checkin.local_day)
        .having(
            or_(func.count(distinct(Checkin.device_id)) > 1, func.count(distinct(Checkin.desk)) > 1)
        )
    )
    query = (
        select(
            Checkin.participant_id,
            Checkin.local_day,
            Checkin.device_id,
            Checkin.desk,
            Checkin.scanned_at,
            Checkin.id,
        )
        .where(admitted, tuple_(Checkin.participant_id, Checkin.local_day).in_(twice))
        .order_by(Checkin.scanned_at, Checkin.id)
    )
    groups: dict[tuple[uuid.UUID, dt.date], list[Any]] = defaultdict(list)
    for row in session.execute(query):
        groups[(row.participant_id, row.local_day)].append(row)
    return [
        names.item(
            AttentionKind.DUPLICATE_ADMISSION,
            participant,
            [s.device_id for s in scans],
            day=day,
            record_ids=tuple(str(s.id) for s in scans),
            details={"scans": [{"desk": s.desk, "scanned_at": s.scanned_at} for s in scans]},
        )
        for (participant, day), scans in groups.items()
    ]


def _walk_ins(session: Session, names: _Names) -> list[AttentionItem]:
    people = list(session.scalars(select(Participant).where(Participant.deleted.is_(False))))
    index: dict[tuple[str, str], list[Participant]] = defaultdict(list)
    for person in people:
        for key in _identity_keys(person):
            index[key].append(person)
    items = []
    for person in sorted((p for p in people if p.walk_in), key=lambda p: p.sort_key):
        matches: dict[uuid.UUID, set[str]] = defaultdict(set)
        for key in _identity_keys(person):
            for other in index[key]:
                if other.id != person.id and _same_patronymic(person, other, key[0]):
                    matches[other.id].add(key[0])
        for other_id, how in sorted(matches.items(), key=lambda m: str(m[0])):
            items.append(
                names.item(
                    AttentionKind.POSSIBLE_DUPLICATE_WALK_IN,
                    person.id,
                    record_ids=(str(person.id), str(other_id)),
                    details={
                        "other_participant_id": other_id,
                        "other_name": names.people.get(other_id),
                        "matched_by": sorted(how),
                    },
                )
            )
    return items


def _identity_keys(person: Participant) -> list[tuple[str, str]]:
    keys = [("name", f"{fold(person.surname)}|{fold(person.first_name)}")]
    digits = fold_phone_digits(person.phone or "")
    if len(digits) >= 10:
        keys.append(("phone", digits[-10:]))
    if person.email and "@" in person.email:
        keys.append(("email", person.email.strip().casefold()))
    return keys


def _same_patronymic(one: Participant, other: Participant, how: str) -> bool:
    """Names match when the patronymics do, or when either is missing."""
    if how != "name" or not one.patronymic or not other.patronymic:
        return True
    return fold(one.patronymic) == fold(other.patronymic)


def _lag_ms(dialect: str) -> ColumnElement[int]:
    """A change's HLC wall time minus its recording laptop's wall clock, in milliseconds."""
    stamp = cast(func.substr(ChangeRecord.hlc, 1, 13), BigInteger)
    if dialect == "postgresql":
        wall = cast(func.extract("epoch", ChangeRecord.recorded_at) * 1000, BigInteger)
    else:
        wall = cast((func.julianday(ChangeRecord.recorded_at) - 2440587.5) * 86400000.0, BigInteger)
    return stamp - wall


def _clocks(session: Session, names: _Names, now: dt.datetime) -> list[AttentionItem]:
    state = session.get(LocalState, 1)  # None on central
    lag = _lag_ms(session.get_bind().dialect.name)
    behind = select(ChangeRecord.device_id, func.count(), func.max(lag)).where(
        lag > CLOCK_TOLERANCE_MS
    )
    items = [
        names.item(
            AttentionKind.CLOCK_BEHIND,
            None,
            [device],
            details={"records": count, "max_minutes": int(most) // 60000},
        )
        for device, count, most in session.execute(behind.group_by(ChangeRecord.device_id))
    ]
    future = now + dt.timedelta(milliseconds=CLOCK_TOLERANCE_MS)
    ahead = select(ChangeRecord.device_id, func.count(), func.max(ChangeRecord.recorded_at)).where(
        ChangeRecord.recorded_at > future
    )
    items += [
        names.item(
            AttentionKind.CLOCK_AHEAD,
            None,
            [device],
            details={"records": count, "max_minutes": int((latest - now).total_seconds()) // 60},
        )
        for device, count, latest in session.execute(ahead.group_by(ChangeRecord.device_id))
    ]
    items += _outside_event(session, names, state)
    skew = measured_skew_ms(session) if state else None
    if state is not None and skew is not None and abs(skew) > CLOCK_TOLERANCE_MS:
        items.append(
            names.item(
                AttentionKind.CLOCK_SKEW_AT_SYNC,
                None,
                [state.device_id],
                details={"minutes": skew // 60000},
            )
        )
    return sorted(items, key=lambda i: (i.kind.value, i.device_names))


def _outside_event(
    session: Session, names: _Names, state: LocalState | None
) -> list[AttentionItem]:
    """Check-ins scanned, by the desk's clock, outside the event's dates ± a margin."""
    event = session.get(Event, state.event_id) if state and state.event_id else None
    event = event or session.scalars(select(Event).order_by(Event.id)).first()
    if event is None:
        return []
    zone = ZoneInfo(event.timezone)
    start = dt.datetime.combine(event.starts_on - EVENT_MARGIN, dt.time(), zone)
    end = dt.datetime.combine(event.ends_on + EVENT_MARGIN + dt.timedelta(days=1), dt.time(), zone)
    start_utc, end_utc = (moment.astimezone(dt.UTC).replace(tzinfo=None) for moment in (start, end))
    query = (
        select(
            Checkin.device_id,
            func.count(),
            func.min(Checkin.scanned_at),
            func.max(Checkin.scanned_at),
        )
        .where(or_(Checkin.scanned_at < start_utc, Checkin.scanned_at >= end_utc))
        .group_by(Checkin.device_id)
    )
    return [
        names.item(
            AttentionKind.CLOCK_OUTSIDE_EVENT,
            None,
            [device],
            details={"records": count, "earliest": earliest, "latest": latest},
        )
        for device, count, earliest, latest in session.execute(query)
    ]


def _marks(session: Session, names: _Names) -> list[AttentionItem]:
    table = AttendanceMark
    shared = (
        select(table.session_id, table.participant_id)
        .group_by(table.session_id, table.participant_id)
        .having(func.count(distinct(table.device_id)) > 1)  # marked on one laptop: no conflict
    )
    query = (
        select(table)
        .where(tuple_(table.session_id, table.participant_id).in_(shared))
        .order_by(table.hlc)
    )
    versions: dict[tuple[uuid.UUID, uuid.UUID], list[AttendanceMark]] = defaultdict(list)
    for mark in session.scalars(query):
        versions[(mark.session_id, mark.participant_id)].append(mark)
    items = []
    for (session_id, participant), marks in versions.items():
        latest = {mark.device_id: mark for mark in marks}  # hlc order: the last one per device
        if len(latest) < 2 or len({m.status for m in latest.values()}) < 2:
            continue
        current = marks[-1]
        others = [
            m
            for m in latest.values()
            if m.device_id != current.device_id and m.status != current.status
        ]
        if current.source not in AUTOMATIC_SOURCES and all(
            m.source in AUTOMATIC_SOURCES for m in others
        ):
            continue
        items.append(
            names.item(
                AttentionKind.CONFLICTING_MARKS,
                participant,
                latest.keys(),
                record_ids=tuple(str(m.id) for m in latest.values()),
                details={
                    "session_id": session_id,
                    "current_status": current.status,
                    "statuses": {str(m.device_id): m.status for m in latest.values()},
                },
            )
        )
    return items
