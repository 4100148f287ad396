"""Locally derived columns: folded search keys and Russian sort keys (SQLite's LIKE and upper()
fold ASCII only, so Cyrillic search goes through these)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.storage.models import Organization, Participant
from smm_event.text.folding import fold_phone_digits, search_key, sort_key


def participant_keys(participant: Any, organization_name: str | None) -> tuple[str, str]:
    digits = fold_phone_digits(participant.phone or "")
    key = search_key(
        participant.surname,
        participant.first_name,
        participant.patronymic,
        organization_name,
        participant.email,
        digits,
    )
    # Surname first as a whole: «Семенов Борис» before «Семенов-Тян-Шанский Андрей».
    order = "\x02".join(
        sort_key(part or "")
        for part in (participant.surname, participant.first_name, participant.patronymic)
    )
    return key, order


def _organization_names(session: Session) -> dict[object, str]:
    """Names of organizations written in this session. Rows added but not yet flushed are not in
    the identity map, and a lookup per participant would cost a query each in bulk imports."""
    names: dict[object, str] = session.info.setdefault("organization_names", {})
    return names


def organization_name(session: Session, organization_id: object) -> str | None:
    if organization_id is None:
        return None
    names = _organization_names(session)
    if organization_id not in names:
        organization = session.get(Organization, organization_id)
        if organization is None:
            return None
        names[organization_id] = organization.name
    return names[organization_id]


def derive_participant(session: Session, row: Any, _new: bool) -> None:
    """Works on ORM rows and on the plain namespaces of ``record_new_rows`` alike."""
    from smm_event.storage.aliases import derive_participant_alias

    name = organization_name(session, row.organization_id)
    row.search_key, row.sort_key = participant_keys(row, name)
    derive_participant_alias(session, row)


def derive_organization(session: Session, row: Any, new: bool) -> None:
    row.search_key = search_key(row.name)
    _organization_names(session)[row.id] = row.name
    if new:
        return
    members = session.scalars(select(Participant).where(Participant.organization_id == row.id))
    for participant in members:
        participant.search_key, participant.sort_key = participant_keys(participant, row.name)
