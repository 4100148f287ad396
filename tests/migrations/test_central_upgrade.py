"""Central databases made by older releases' own code (fixtures/make_central.py: a pg_dump of a
central database with data, and the organizer's laptop that synced into it) upgrade with
today's code: every row kept, the reporting views count the verified records, and sync keeps
working for the old organizer's laptop and for a laptop enrolled after the upgrade."""

from __future__ import annotations

import lzma
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from smm_event.services import stations
from smm_event.services import sync as sync_service
from smm_event.services.checkin import check_in_manual
from smm_event.services.participants import list_participants
from smm_event.storage import migrate
from smm_event.sync import central
from smm_event.workspace import open_workspace

pytestmark = pytest.mark.postgres

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DUMPS = sorted(FIXTURES.glob("central-*.sql.xz"))


def _restore(dump: Path, url: str) -> None:
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        [psql, "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--dbname", plain],
        input=lzma.decompress(dump.read_bytes()),
        check=True,
        capture_output=True,
    )


def _keys(url: str) -> dict[str, set[tuple[Any, ...]]]:
    """Every public table's primary keys (the whole row where a table has none)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = list(
                connection.scalars(
                    text(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        " 'public' AND table_type = 'BASE TABLE'"
                        " AND table_name != 'alembic_version'"
                    )
                )
            )
            found = {}
            for table in tables:
                key = list(
                    connection.scalars(
                        text(
                            "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                            " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                            " WHERE i.indrelid = CAST(:t AS regclass) AND i.indisprimary"
                            " ORDER BY a.attname"
                        ),
                        {"t": f"public.{table}"},
                    )
                )
                selected = ", ".join(f'"{name}"' for name in key) if key else "*"
                rows = connection.execute(text(f'SELECT {selected} FROM public."{table}"'))
                found[table] = {tuple(row) for row in rows}
            return found
    finally:
        engine.dispose()


def _scalar(url: str, sql: str) -> Any:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text(sql))
    finally:
        engine.dispose()


def test_every_old_central_schema_has_a_dump() -> None:
    assert {path.name.split("-")[1].split(".")[0] for path in DUMPS} >= {"0003", "0006"}


@pytest.mark.parametrize("dump", DUMPS, ids=lambda path: path.name.split(".")[0])
def test_an_old_central_upgrades_keeping_every_row_and_still_syncs(
    dump: Path, postgres_url: str, tmp_path: Path
) -> None:
    label = dump.name.split("-")[1].split(".")[0]
    _restore(dump, postgres_url)
    assert _scalar(postgres_url, "SELECT version_num FROM alembic_version") == label
    before = _keys(postgres_url)
    assert len(before["participant"]) == 210 and len(before["checkin"]) == 8  # made WITH data

    laptop = tmp_path / "organizer.sqlite3"
    laptop.write_bytes(
        lzma.decompress((FIXTURES / f"central-{label}-organizer.sqlite3.xz").read_bytes())
    )
    with open_workspace(laptop) as organizer:
        first = sync_service.sync_with_central(organizer, postgres_url)
        engine, _ = central.central_engine(postgres_url)
        try:
            with engine.connect() as connection:
                assert central.schema_revision(connection) == migrate.head_revision()
        finally:
            engine.dispose()
        after = _keys(postgres_url)
        for table, keys in before.items():
            assert keys <= after[table], f"rows lost from {table}"
        assert first.verified > 600  # the organizer's laptop vouches for its whole log
        assert _scalar(postgres_url, "SELECT count(*) FROM report_checkins") == 8

        person = list_participants(organizer, stream_number=2)[0]
        check_in_manual(organizer, person.id)
        assert sync_service.sync_with_central(organizer, postgres_url).pushed >= 1
        assert _scalar(postgres_url, "SELECT count(*) FROM report_checkins") == 9

        newcomer_path = tmp_path / f"{uuid.uuid4().hex[:8]}.sqlite3"
        with open_workspace(newcomer_path, device_name="Стойка 2") as newcomer:
            stations.enroll(organizer, newcomer, "Стойка 2", ("desk",))
            sync_service.sync_with_central(newcomer, postgres_url)
            assert len(list_participants(newcomer)) == 210
