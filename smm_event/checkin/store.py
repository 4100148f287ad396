"""What a check-in reads and writes inside its transaction (functions take a Session, never
commit).

A scan must be fast with 10,000 people and 100,000 earlier check-ins, so nothing here loads the
roster: the person is read by primary key, today's check-ins through the (participant, day)
index, and the slow-changing rest (event, timezone, badge keys, stream days) is cached per
workspace. The cache is checked on every scan against a fingerprint of those small tables, so a
key rotation or a schedule change arriving by sync is seen at the next scan.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine, bindparam, event, select, text
from sqlalchemy.orm import Session

from smm_event.badges.store import public_keys
from smm_event.checkin.engine import DeskRules, EarlierCheckin, RosterEntry, StreamDays
from smm_event.domain.checkin import CheckinResult
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, event_zone
from smm_event.storage.local_models import LocalState
from smm_event.storage.models import (
    Checkin,
    CheckinAnnulment,
    Device,
    Organization,
    Participant,
    Stream,
    StreamDay,
)

log = logging.getLogger(__name__)

# group_concat of the clocks maps: every change of a row gives it a new clock stamp, and a
# missing or added row changes the string too. These tables hold a few dozen rows.
_FINGERPRINT_SQL = text(
    "SELECT (SELECT event_id FROM local_state WHERE id = 1),"
    " (SELECT group_concat(id || clocks, '|') FROM event),"
    " (SELECT group_concat(id || clocks, '|') FROM public_key),"
    " (SELECT group_concat(id || clocks, '|') FROM stream),"
    " (SELECT group_concat(id || clocks, '|') FROM stream_day),"
    " (SELECT group_concat(id || clocks, '|') FROM device),"
    # Sessions are not desk rules, but the attendance hook caches a day's sessions by this
    # fingerprint too (a closed or moved session must be seen at the next scan).
    " (SELECT group_concat(id || clocks, '|') FROM training_session)"
)
# The fingerprint of this transaction, kept until the session flushes a change to a state row
# (or commits, or rolls back): a scan asks for the rules three times and its hook once more.
_MEMO = changes.MEMO_PREFIX + "checkin_fingerprint"
# Built once: constructing a statement costs more than running it (0.38 -> 0.15 ms a scan).
_PERSON = (
    select(Participant, Organization.name)
    .outerjoin(Organization, Participant.organization_id == Organization.id)
    .where(Participant.id == bindparam("participant_id"))
)
_ADMITTED = select(Checkin.id, Checkin.scanned_at, Checkin.desk).where(
    Checkin.participant_id == bindparam("participant_id"),
    Checkin.local_day == bindparam("day"),
    Checkin.result == CheckinResult.ADMITTED.value,
    # An admission annulled at a desk does not count (the right person may come next).
    ~select(CheckinAnnulment.id).where(CheckinAnnulment.checkin_id == Checkin.id).exists(),
)


@dataclass(frozen=True)
class _CachedRules:
    fingerprint: tuple[Any, ...]
    rules: DeskRules
    starts_on: dt.date
    ends_on: dt.date
    device_names: dict[uuid.UUID, str]


_RULES: weakref.WeakKeyDictionary[Engine, _CachedRules] = weakref.WeakKeyDictionary()


def desk_rules(session: Session) -> DeskRules:
    return _cached(session).rules


def event_dates(session: Session) -> tuple[dt.date, dt.date]:
    cached = _cached(session)
    return cached.starts_on, cached.ends_on


def device_name(session: Session, device_id: uuid.UUID) -> str:
    return _cached(session).device_names.get(device_id, str(device_id))


def rules_fingerprint(session: Session) -> tuple[Any, ...]:
    """What the cached rules (and the caches keyed like them) were built from; read once per
    transaction until it writes a state row."""
    if session.autoflush and _writes_state_rows(session):
        session.flush()  # as session.execute would; the flush drops the memo
    fingerprint: tuple[Any, ...] | None = session.info.get(_MEMO)
    if fingerprint is None:
        fingerprint = tuple(session.connection().execute(_FINGERPRINT_SQL).one())
        session.info[_MEMO] = fingerprint
    return fingerprint


def _writes_state_rows(session: Session) -> bool:
    # The local state row changes with every record (its counter and chain), never the rules;
    # scans and marks are written by Core INSERTs (changes.record_insert), not flushed here.
    return any(
        not isinstance(row, LocalState) for row in (*session.new, *session.dirty, *session.deleted)
    )


@event.listens_for(Session, "after_flush")
def _forget_after_write(session: Session, _context: object) -> None:
    if _writes_state_rows(session):
        session.info.pop(_MEMO, None)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_MEMO, None)


def _cached(session: Session) -> _CachedRules:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    fingerprint = rules_fingerprint(session)
    cached = _RULES.get(engine)
    if cached is None or cached.fingerprint != fingerprint:
        cached = _load_rules(session, fingerprint)
        _RULES[engine] = cached
    return cached


def _load_rules(session: Session, fingerprint: tuple[Any, ...]) -> _CachedRules:
    event = current_event(session)
    days: dict[uuid.UUID, set[dt.date]] = defaultdict(set)
    for stream_id, day in session.execute(select(StreamDay.stream_id, StreamDay.day)):
        days[stream_id].add(day)
    streams = {
        row.id: StreamDays(row.id, row.number, frozenset(days[row.id]), row.title)
        for row in session.scalars(select(Stream).where(Stream.event_id == event.id))
    }
    rules = DeskRules(event.id, event_zone(event), public_keys(session), streams)
    devices = dict(session.execute(select(Device.id, Device.name)).all())
    return _CachedRules(fingerprint, rules, event.starts_on, event.ends_on, devices)


def participant_row(
    session: Session, rules: DeskRules, participant_id: uuid.UUID
) -> tuple[Participant, str | None] | None:
    """The person (not deleted, of this event) and the name of their organization."""
    found = session.execute(_PERSON, {"participant_id": participant_id}).first()
    if found is None or found[0].deleted or found[0].event_id != rules.event_id:
        return None
    return found[0], found[1]


def roster_entry(found: tuple[Participant, str | None] | None) -> RosterEntry | None:
    if found is None:
        return None
    row = found[0]
    return RosterEntry(row.id, row.badge_version or 1, row.stream_id)


def admitted_checkins(
    session: Session, participant_id: uuid.UUID, day: dt.date
) -> list[EarlierCheckin]:
    rows = session.connection().execute(_ADMITTED, {"participant_id": participant_id, "day": day})
    return [
        EarlierCheckin(checkin_id, at, desk, CheckinResult.ADMITTED)
        for checkin_id, at, desk in rows
    ]


class AdmittedHook(Protocol):
    """What else happens, in the check-in's transaction, when a person is admitted (the service
    passes attendance's desk mark): check-in itself knows nothing of attendance."""

    def __call__(
        self,
        session: Session,
        participant_id: uuid.UUID,
        scanned_at: dt.datetime,
        operator: str | None,
    ) -> object: ...


def notify_attendance(
    session: Session,
    hook: AdmittedHook,
    participant_id: uuid.UUID,
    scanned_at: dt.datetime,
    operator: str | None,
) -> None:
    """Let attendance mark the day's first session (issue 6), in this transaction.

    Inside a savepoint: if attendance fails, its mark is rolled back and logged, and the
    check-in still commits. A person at the door must never be refused for a bug elsewhere.
    """
    head = changes.transaction_head(session)
    try:
        with session.begin_nested():
            hook(session, participant_id, scanned_at, operator)
    except Exception:
        changes.restore_head(session, head)  # the check-in's record is signed at commit
        log.exception("attendance hook failed; the check-in is kept")
