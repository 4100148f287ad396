"""Locally derived columns: folded search keys and Russian sort keys (SQLite's LIKE and upper()
fold ASCII only, so Cyrillic search goes through these)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.storage.base import Base
from smm_event.storage.models import Organization, Participant
from smm_event.text.folding import fold_phone_digits, search_key, sort_key


def participant_keys(participant: Participant, organization_name: str | None) -> tuple[str, str]:
    digits = fold_phone_digits(participant.phone or "")
    key = search_key(
        participant.surname,
        participant.first_name,
        participant.patronymic,
        organization_name,
        participant.email,
        digits,
    )
    order = sort_key(f"{participant.surname} {participant.first_name} {participant.patronymic or ''}")
    return key, order


def derive_participant(session: Session, row: Base, _new: bool) -> None:
    assert isinstance(row, Participant)
    organization = session.get(Organization, row.organization_id) if row.organization_id else None
    row.search_key, row.sort_key = participant_keys(row, organization.name if organization else None)


def derive_organization(session: Session, row: Base, new: bool) -> None:
    assert isinstance(row, Organization)
    row.search_key = search_key(row.name)
    if new:
        return
    members = session.scalars(select(Participant).where(Participant.organization_id == row.id))
    for participant in members:
        participant.search_key, participant.sort_key = participant_keys(participant, row.name)
