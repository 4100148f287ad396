"""Central's reporting views count only what the trust root verified (docs/central-setup.md):
the station role can neither write nor read the verified copy, rows written into ``public`` by
hand and forged records never become verified, and a genuine desk's scan is counted once the
organizer's laptop (logged in as the owner) has synced after it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from smm_event.services import checkin
from smm_event.sync import central
from smm_event.sync.central_roles import create_station_role
from smm_event.sync.verified_schema import SCHEMA
from tests.sync.conftest import Laptops, roster, sync

pytestmark = pytest.mark.postgres


@pytest.fixture
def station_url(postgres_url: str) -> Iterator[str]:
    engine, _ = central.central_engine(postgres_url)
    central.prepare_central(engine)
    engine.dispose()
    owner = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    role = f"smm_station_{uuid.uuid4().hex[:8]}"
    with owner.connect() as connection:
        create_station_role(connection, role, make_url(postgres_url).database or "")
    try:
        yield make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
    finally:
        with owner.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


def _scalar(url: str, sql: str, **params: Any) -> Any:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text(sql), params)
    finally:
        engine.dispose()


def _execute(url: str, sql: str, **params: Any) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), params)
    finally:
        engine.dispose()


def _reported_checkins(url: str) -> set[uuid.UUID]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(connection.scalars(text("SELECT checkin_id FROM report_checkins")))
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        f"INSERT INTO {SCHEMA}.checkin (id) VALUES (gen_random_uuid())",
        f"UPDATE {SCHEMA}.participant SET surname = 'Подделкин'",
        f"UPDATE {SCHEMA}.change_log SET signature = NULL",
        f"DELETE FROM {SCHEMA}.quarantine",
        f"SELECT count(*) FROM {SCHEMA}.change_log",
        f"CREATE TABLE {SCHEMA}.sneaky (id int)",
    ],
)
def test_the_station_role_can_neither_write_nor_read_the_verified_copy(
    station_url: str, statement: str
) -> None:
    with pytest.raises(ProgrammingError) as refused:
        _execute(station_url, statement)
    assert "permission denied" in str(refused.value)


def test_only_records_the_trust_root_verified_are_reported(
    laptops: Laptops, postgres_url: str, station_url: str
) -> None:
    organizer = laptops.organizer()
    assert sync(organizer, postgres_url).verified > 600  # the owner's login: it vouches
    assert _scalar(postgres_url, "SELECT count(*) FROM report_participants") == 210
    desk = laptops.empty("Стойка 1", roles=("desk",))
    sync(desk, station_url)
    people = roster(organizer)[1]
    checkin.check_in_manual(desk, people[0], desk="Стойка 1")
    result = sync(desk, station_url)
    assert result.pushed >= 1 and result.verified == 0  # a station never vouches
    genuine = _scalar(station_url, "SELECT id FROM checkin WHERE participant_id = :p", p=people[0])
    assert _reported_checkins(postgres_url) == set()  # pushed, not verified yet

    # Someone with the station password and a SQL client: a state row, a forged record at
    # the desk's next seq (real chain position, made-up hash and signature), a renamed person.
    fake_row = uuid.uuid4()
    _execute(
        station_url,
        "INSERT INTO checkin (id, device_id, desk, operator, scanned_at, local_day, method,"
        " raw_text, participant_id, badge_version, result, clocks)"
        " SELECT :new, device_id, desk, operator, scanned_at, local_day, method, raw_text,"
        " :person, badge_version, result, clocks FROM checkin WHERE id = :old",
        new=fake_row,
        person=people[1],
        old=genuine,
    )
    forged = uuid.uuid4()
    _execute(
        station_url,
        "INSERT INTO change_log (device_id, seq, hlc, entity, entity_id, payload, recorded_at,"
        " chain_hash, signature)"
        " SELECT device_id, seq + 1, hlc || 'x', entity, :forged, CAST(:payload AS json),"
        " recorded_at, repeat('a', 64), repeat('b', 128) FROM change_log"
        " WHERE entity = 'checkin' AND entity_id = :old",
        forged=str(forged),
        payload=json.dumps({"participant_id": str(people[2])}),
        old=str(genuine),
    )
    _execute(station_url, "UPDATE participant SET surname = 'Подделкин' WHERE id = :p", p=people[3])

    assert _reported_checkins(postgres_url) == set()
    sync(organizer, postgres_url)  # pulls, verifies, quarantines the forgery, vouches
    assert _reported_checkins(postgres_url) == {genuine}
    assert fake_row not in _reported_checkins(postgres_url)
    assert _scalar(postgres_url, "SELECT count(*) FROM report_checkins") == 1
    surname = _scalar(
        postgres_url,
        "SELECT surname FROM report_participants WHERE participant_id = :p",
        p=people[3],
    )
    assert surname != "Подделкин"
    in_verified = _scalar(
        postgres_url,
        f"SELECT count(*) FROM {SCHEMA}.change_log WHERE entity_id = :f",
        f=str(forged),
    )
    assert in_verified == 0
    not_yet = _scalar(
        postgres_url,
        "SELECT not_verified_yet FROM report_devices WHERE device_id = :d",
        d=desk.device_id,
    )
    assert not_yet == 1  # the forgery stays visible as unverified on central
