"""The push's bulk path on PostgreSQL (sync/central_copy.py): change records COPYed into a
staging table, the rows of insert-only records built by PostgreSQL from the staged payloads.
Those rows must equal what the laptop wrote; a push killed mid-COPY, or a batch pushed twice,
loses and doubles nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from smm_event.services import checkin
from smm_event.storage import changes
from smm_event.storage.changeset import read_batches, version_vector
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Checkin
from smm_event.sync import apply, central, protocol
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, central_dump, dump, roster, sync

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
BATCH = 100


def _count(url: str, model: Any) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(model)) or 0
    finally:
        engine.dispose()


def _local(ws: Workspace, model: Any) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _scans(ws: Workspace, count: int, raw: str = "SMM1:{n}") -> None:
    """``count`` check-ins written the bulk way, as the benchmark and an import do."""
    with ws.reading() as session:
        state = changes.local_state(session)
        device = state.device_id
    people = roster(ws)[1]
    start = dt.datetime.combine(dt.date.today(), dt.time(6, 0))
    rows = []
    for n in range(count):
        at = start + dt.timedelta(seconds=n)
        rows.append(
            (
                uuid.uuid4(),
                {
                    "device_id": device,
                    "desk": "Стойка «1»",
                    "operator": None if n % 2 else "Ёлкина",
                    "scanned_at": at,
                    "local_day": at.date(),
                    "method": "scanner",
                    "raw_text": raw.format(n=n),
                    "participant_id": None if n % 3 == 0 else people[n % len(people)],
                    "badge_version": None if n % 3 == 0 else 1,
                    "result": "forged_or_unreadable" if n % 3 == 0 else "admitted",
                },
            )
        )
    with ws.transaction() as session:
        changes.record_new_rows(session, "checkin", rows)


def test_rows_built_by_postgresql_equal_the_laptops(
    laptops: Laptops, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    organizer = laptops.organizer()
    people = roster(organizer)[1]
    for person in people[:5]:  # a check-in and its attendance mark, through the desk's path
        checkin.check_in_manual(organizer, person)
    # Text COPY and JSON both escape these: tab, backslash, quotes, Cyrillic, a newline.
    _scans(organizer, 120, raw='SMM1:\t\\"ё"\n{n}')
    with organizer.transaction() as session:
        state = changes.local_state(session)
        event_id = state.event_id
        changes.record(  # no "series" in the payload: the column default fills it
            session,
            "certificate_number_block",
            uuid.uuid4(),
            {
                "event_id": event_id,
                "first": 1,
                "last": 50,
                "holder_device_id": state.device_id,
                "granted_by_device_id": state.device_id,
                "granted_at": dt.datetime(2026, 5, 12, 9, 30, 15, 123456),
            },
        )
        changes.record(
            session,
            "badge_print",
            uuid.uuid4(),
            {
                "participant_id": people[0],
                "badge_version": 2,
                "layout": "a4-8",
                "printed_at": dt.datetime(2026, 5, 12, 8, 0),
                "device_id": state.device_id,
            },
        )

    def not_in_python(*_args: Any) -> Any:
        raise AssertionError("an insert-only row was built in Python")

    monkeypatch.setattr(apply, "_bulk_row", not_in_python)
    result = sync(organizer, postgres_url)
    assert result.pushed == _local(organizer, ChangeRecord)
    mine, theirs = dump(organizer), central_dump(postgres_url)
    for table in ("checkin", "attendance_mark", "badge_print", "certificate_number_block"):
        assert theirs[table] == mine[table], table
    assert theirs == mine
    assert _count(postgres_url, Checkin) == 125


def test_a_batch_pushed_twice_is_stored_once(laptops: Laptops, postgres_url: str) -> None:
    organizer = laptops.organizer()
    _scans(organizer, 300)
    sync(organizer, postgres_url)
    before = central_dump(postgres_url)
    records = _count(postgres_url, ChangeRecord)
    engine, _ = central.central_engine(postgres_url)
    try:
        with organizer.reading() as session, central.connected(engine) as connection:
            local = session.connection()
            ranges = {device: (0, top) for device, top in version_vector(local).items()}
            for batch in read_batches(local, ranges, 250):
                protocol.push_batch(connection, batch)
    finally:
        engine.dispose()
    assert _count(postgres_url, ChangeRecord) == records
    assert central_dump(postgres_url) == before


# A push in a child process that SIGKILLs itself while COPY streams the rows of its second
# batch to the server (after ``kill_after`` rows in all).
KILLED_MID_COPY = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import psycopg
    from smm_event.services import sync
    from smm_event.workspace import open_workspace

    workspace, url, kill_after, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    original, rows = psycopg.Copy.write_row, [0]

    def dying(self, row):
        rows[0] += 1
        if rows[0] == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, row)

    psycopg.Copy.write_row = dying
    with open_workspace(Path(workspace)) as ws:
        sync.sync_with_central(ws, url, batch_size=batch)
""")


def test_push_killed_mid_copy_then_pushed_again(laptops: Laptops, postgres_url: str) -> None:
    organizer = laptops.organizer()
    _scans(organizer, 400)
    total = _local(organizer, ChangeRecord)
    path = organizer.path
    organizer.close()
    # Killed after the first batch's rows and half of the second's.
    child = subprocess.run(
        [sys.executable, "-c", KILLED_MID_COPY, str(path), postgres_url, str(BATCH + 50), "100"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr.decode()[-2000:]
    landed = _count(postgres_url, ChangeRecord)
    assert landed == BATCH  # the first batch committed; nothing of the killed one
    organizer = laptops.reopen(path)
    result = sync(organizer, postgres_url)
    assert result.pushed == total - landed
    assert _count(postgres_url, ChangeRecord) == total
    assert _count(postgres_url, Checkin) == _local(organizer, Checkin)
    assert central_dump(postgres_url) == dump(organizer)
