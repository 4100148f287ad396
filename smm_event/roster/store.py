"""Reading participants inside a caller's transaction (functions take a Session, never commit):
the query every list starts from, search that folds Cyrillic case and ё = е, one person by id."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import NotFound, UserError
from smm_event.importing import normalize
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, organization_id
from smm_event.storage.models import Organization, Participant, Stream
from smm_event.text.folding import fold

PARTICIPANT_ROW = (Participant, Organization.name, Stream.number)


def participant_query(
    event_id: uuid.UUID, include_merged: bool = False
) -> Select[Participant, str | None, int | None]:
    """A person merged into another is that other from then on: out of every list."""
    query = (
        select(*PARTICIPANT_ROW)
        .outerjoin(Organization, Participant.organization_id == Organization.id)
        .outerjoin(Stream, Participant.stream_id == Stream.id)
        .where(Participant.event_id == event_id, Participant.deleted.is_(False))
    )
    return query if include_merged else query.where(Participant.merged_into.is_(None))


def to_info(
    row: Participant, organization: str | None, stream_number: int | None
) -> ParticipantInfo:
    return ParticipantInfo(
        id=row.id,
        surname=row.surname,
        first_name=row.first_name,
        patronymic=row.patronymic,
        gender=row.gender,
        organization=organization,
        position=row.position,
        region=row.region,
        phone=row.phone,
        email=row.email,
        consent=row.consent,
        consent_date=row.consent_date,
        entry_score=row.entry_score,
        exit_score=row.exit_score,
        stream_number=stream_number,
        stream_locked=bool(row.stream_locked),
        accelerator_track=row.accelerator_track,
        notes=row.notes,
        walk_in=bool(row.walk_in),
        badge_version=row.badge_version or 1,
        withdrawn=bool(row.withdrawn),
        withdrawal_reason=row.withdrawal_reason,
        stream_reason=row.stream_reason,
        merged_into=row.merged_into,
    )


def search_terms(text: str) -> list[str]:
    """Every whitespace-separated word must match somewhere (surname, name, NGO, phone…)."""
    return [term for term in (fold(word) for word in text.split()) if term]


def apply_search(
    query: Select[Participant, str | None, int | None], text: str | None
) -> Select[Participant, str | None, int | None]:
    for term in search_terms(text or ""):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Participant.search_key.like(f"%{escaped}%", escape="\\"))
    return query


def find_participants(
    session: Session,
    stream_number: int | None = None,
    search: str | None = None,
    limit: int | None = None,
    include_withdrawn: bool = False,
) -> tuple[ParticipantInfo, ...]:
    """People of the event; those who withdrew only when asked for (the roster screen shows
    them; eligibility, certificates, session rosters and counts must not)."""
    event = current_event(session)
    query = apply_search(participant_query(event.id), search)
    if not include_withdrawn:
        query = query.where(Participant.withdrawn.is_(False))
    if stream_number is not None:
        query = query.where(Stream.number == stream_number)
    query = query.order_by(Participant.sort_key, Participant.id).limit(limit)
    return tuple(to_info(*row) for row in session.execute(query))


def participant_counts(session: Session) -> tuple[int, int]:
    """(people in the workspace, those of them in no stream), withdrawn people not counted."""
    people = (
        select(func.count())
        .select_from(Participant)
        .where(
            Participant.deleted.is_(False),
            Participant.withdrawn.is_(False),
            Participant.merged_into.is_(None),
        )
    )
    total = session.scalar(people) or 0
    return total, session.scalar(people.where(Participant.stream_id.is_(None))) or 0


def load_participant(
    session: Session, participant_id: uuid.UUID | str, follow_merge: bool = True
) -> ParticipantInfo:
    """A merged person's id (an old badge, a mark made offline) stands for the person they were
    merged into; ``follow_merge=False`` gives the merged record itself (history, undo)."""
    wanted = parse_participant_id(participant_id)
    event = current_event(session)
    if follow_merge:
        from smm_event.storage.aliases import alias_map

        wanted = alias_map(session).get(wanted, wanted)
    query = participant_query(event.id, include_merged=not follow_merge)
    row = session.execute(query.where(Participant.id == wanted)).first()
    if row is None:
        raise NotFound("participant_not_found", participant=str(participant_id))
    return to_info(*row)


def parse_participant_id(value: uuid.UUID | str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(value.strip())
    except ValueError as error:
        raise UserError("bad_participant_id", value=value) from error


def organization_for_name(
    session: Session, event_id: uuid.UUID, name: str | None
) -> uuid.UUID | None:
    """The NGO by its folded name (the roster import's identity), recorded when new: typed at
    the desk for a walk-in or in the organizer's participant form."""
    clean = normalize.clean_text(name or "")
    if clean is None:
        return None
    org_id = organization_id(event_id, fold(clean))
    if session.get(Organization, org_id) is None:
        changes.record(session, "organization", org_id, {"name": clean, "region": None}, new=True)
    return org_id
