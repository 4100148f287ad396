"""Laptops sync through the least-privilege station role of docs/central-setup.md: no DDL, no
deletes, no schema changes, and the sync works (push, pull, a second laptop)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from smm_event.sync import central
from smm_event.sync.central_roles import create_station_role
from tests.sync.conftest import Laptops, central_dump, dump, roster, sync

pytestmark = pytest.mark.postgres


@pytest.fixture
def station_url(postgres_url: str) -> Iterator[str]:
    """``postgres_url``'s database prepared by its owner, and a URL for a station role."""
    engine, _ = central.central_engine(postgres_url)
    central.prepare_central(engine)
    engine.dispose()
    owner = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    role = f"smm_station_{uuid.uuid4().hex[:8]}"
    database = make_url(postgres_url).database or ""
    with owner.connect() as connection:
        create_station_role(connection, role, database)
    try:
        yield make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
    finally:
        with owner.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


def test_laptops_sync_through_the_station_role(laptops: Laptops, station_url: str) -> None:
    organizer = laptops.organizer()
    assert sync(organizer, station_url).pushed > 600
    desk = laptops.empty("Стойка 1", roles=("desk",))
    assert sync(desk, station_url).pulled > 600
    from smm_event.services import checkin

    checkin.check_in_manual(desk, roster(organizer)[1][0])
    sync(desk, station_url)
    sync(organizer, station_url)
    assert dump(organizer)["checkin"] == central_dump(station_url)["checkin"]


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE sneaky (id int)",
        "DROP VIEW report_participants",
        "ALTER TABLE participant ADD COLUMN x int",
        "DELETE FROM change_log",
        "UPDATE alembic_version SET version_num = '9999'",
    ],
)
def test_the_station_role_cannot_change_the_schema_or_delete(
    station_url: str, statement: str
) -> None:
    engine = create_engine(station_url)
    try:
        with engine.connect() as connection, pytest.raises(ProgrammingError) as refused:
            connection.execute(text(statement))
        assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value)
    finally:
        engine.dispose()
