"""Search at the desk: ranked, typo-tolerant, Latin finds Cyrillic, and each result's status.

The ranking is ``text.name_search.NameIndex`` over every person of the event, kept in memory
per workspace and rebuilt only when a participant or organization changed: the cache key is the
newest row of the change log for those entities (one index seek, so a change made by another
process or arriving by sync is seen at the next search). The found people are then read by id
with today's first admission of each (time and desk), so the desk shows «уже пришла, 09:12,
Стойка 2» before anyone presses Enter.
"""

from __future__ import annotations

import datetime as dt
import uuid
import weakref
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from smm_event.checkin import store
from smm_event.checkin.queries import not_annulled
from smm_event.domain.checkin import CheckinResult, SearchHit
from smm_event.roster.store import PARTICIPANT_ROW, to_info
from smm_event.services.checkin import as_utc
from smm_event.storage.aliases import with_merged
from smm_event.storage.event_context import current_event, to_local
from smm_event.storage.models import Checkin, Organization, Participant, Stream
from smm_event.text.name_search import NameIndex, Person
from smm_event.workspace import Workspace

DEFAULT_LIMIT = 20
_FINGERPRINT = text(
    "SELECT (SELECT event_id FROM local_state WHERE id = 1),"
    " (SELECT max(rowid) FROM change_log WHERE entity = 'participant'),"
    " (SELECT max(rowid) FROM change_log WHERE entity = 'organization'),"
    " (SELECT max(rowid) FROM change_log WHERE entity = 'participant_merge')"
)


@dataclass(frozen=True)
class _Cached:
    fingerprint: tuple[object, ...]
    index: NameIndex


_INDEXES: weakref.WeakKeyDictionary[Engine, _Cached] = weakref.WeakKeyDictionary()


def search_at_desk(
    ws: Workspace, query: str, limit: int = DEFAULT_LIMIT, now: dt.datetime | None = None
) -> tuple[SearchHit, ...]:
    """The best ``limit`` matches of ``query``, each with today's arrival at the desk."""
    with ws.reading() as session:
        found = name_index(session).search(query, limit)
        if not found:
            return ()
        ids = [person.id for person in found]
        rules = store.desk_rules(session)
        # By primary key only: with the event filter SQLite walks the event index (10,000 rows).
        by_id = (
            select(*PARTICIPANT_ROW)
            .outerjoin(Organization, Participant.organization_id == Organization.id)
            .outerjoin(Stream, Participant.stream_id == Stream.id)
            .where(Participant.id.in_(ids))
        )
        rows = {
            row[0].id: to_info(*row)
            for row in session.execute(by_id)
            if row[0].event_id == rules.event_id and not row[0].deleted and not row[0].merged_into
        }
        arrivals = _first_admissions(session, ids, rules.local_day(as_utc(now)))
        hits = []
        for person_id in ids:
            info = rows.get(person_id)
            if info is None:
                continue
            first = arrivals.get(person_id)
            at = to_local(first[0], rules.zone) if first else None
            hits.append(SearchHit(info, at, first[1] if first else None))
        return tuple(hits)


def name_index(session: Session) -> NameIndex:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    fingerprint = tuple(session.execute(_FINGERPRINT).one())
    cached = _INDEXES.get(engine)
    if cached is None or cached.fingerprint != fingerprint:
        cached = _Cached(fingerprint, _build(session))
        _INDEXES[engine] = cached
    return cached.index


def _build(session: Session) -> NameIndex:
    event = current_event(session)
    query = (
        select(
            Participant.id,
            Participant.surname,
            Participant.first_name,
            Participant.patronymic,
            Organization.name,
            Participant.phone,
            Participant.email,
            Participant.sort_key,
        )
        .outerjoin(Organization, Participant.organization_id == Organization.id)
        .where(
            Participant.event_id == event.id,
            Participant.deleted.is_(False),
            Participant.merged_into.is_(None),
        )
    )
    return NameIndex(Person(*row) for row in session.execute(query))


def _first_admissions(
    session: Session, ids: list[uuid.UUID], day: dt.date
) -> dict[uuid.UUID, tuple[dt.datetime, str]]:
    sources = with_merged(session, ids)
    query = (
        select(Checkin.participant_id, func.min(Checkin.scanned_at), Checkin.desk)
        .where(
            Checkin.participant_id.in_(list(sources)),
            Checkin.local_day == day,
            Checkin.result == CheckinResult.ADMITTED.value,
            not_annulled(),
        )
        .group_by(Checkin.participant_id)
    )
    first: dict[uuid.UUID, tuple[dt.datetime, str]] = {}
    for pid, at, desk in session.execute(query):
        if pid is not None and (sources[pid] not in first or at < first[sources[pid]][0]):
            first[sources[pid]] = (at, desk)
    return first
