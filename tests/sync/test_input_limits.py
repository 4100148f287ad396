"""What a user types is bound by the same limits PostgreSQL enforces, so it can never wedge a
push; an invalid record on central is refused on pull before anything of its batch lands."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select, update

from smm_event.errors import UserError
from smm_event.services.walkins import register_walk_in
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Organization, Participant
from smm_event.storage.trust_models import QuarantinedRecord
from tests.sync.conftest import Laptops, at, stream_days, sync


def _participants(ws: object) -> int:
    with ws.reading() as session:  # type: ignore[attr-defined]
        return session.scalar(select(func.count()).select_from(Participant)) or 0


def test_a_700_character_organization_cannot_wedge_the_push(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer = laptops.organizer()
    day = at(stream_days(organizer)[1][0])
    before = _participants(organizer)
    with pytest.raises(UserError) as refused:
        register_walk_in(organizer, "Петров", "Пётр", organization="О" * 700, now=day)
    assert refused.value.code == "field_too_long"
    assert refused.value.params == {"entity": "organization", "field": "name", "limit": 500}
    assert _participants(organizer) == before  # nothing of the walk-in was saved
    longest = "О" * 500
    register_walk_in(organizer, "Петров", "Пётр", organization=longest, now=day)
    # Invisible characters typed or pasted into a name are removed, not stored.
    person = register_walk_in(organizer, "Сидо\u202eров", "Иван\u200b", now=day).participant
    assert (person.surname, person.first_name) == ("Сидоров", "Иван")
    result = sync(organizer, postgres_url)
    assert result.pushed > 0
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            names = set(connection.scalars(select(Organization.name)))
    finally:
        engine.dispose()
    assert longest in names
    assert sync(laptops.empty("Стойка 1"), postgres_url).pulled == result.pushed


def test_an_invalid_record_on_central_is_quarantined_on_pull(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer = laptops.organizer()
    sync(organizer, postgres_url)
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as connection:
            table = ChangeRecord.__table__
            last = connection.execute(
                select(table.c.device_id, table.c.seq, table.c.payload)
                .where(table.c.entity == "participant")
                .order_by(table.c.seq.desc())
                .limit(1)
            ).one()
            connection.execute(
                update(ChangeRecord)
                .where(table.c.device_id == last.device_id, table.c.seq == last.seq)
                .values(payload={**last.payload, "surname": "Иванов\u202eвонави"})
            )
    finally:
        engine.dispose()
    desk = laptops.empty("Стойка 1")
    # The edited payload no longer matches its chain hash: the record (and the organizer's
    # records after it) are quarantined, not applied, and the rest of the sync goes on.
    sync(desk, postgres_url, batch_size=100_000)
    with desk.reading() as session:
        surnames = set(session.scalars(select(Participant.surname)))
        held = {(r.device_id, r.seq): r.reason for r in session.scalars(select(QuarantinedRecord))}
    assert "Иванов\u202eвонави" not in surnames and len(surnames) > 100
    assert held[(last.device_id, last.seq)] == "chain_broken"
