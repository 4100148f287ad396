"""Sync speed against the PostgreSQL on this machine (issue 5 targets): pushing 100,000 records
from one laptop < 20 s; a sync with nothing new < 1 s; a new laptop pulling the whole programme
< 5 s. Also shown: pulling all 100,000 records, 20,000 field edits (the merge path, not the bulk
insert-only one), and a bundle of everything exported and imported.

The laptop is the demo (the programme: event, schedule, 210 people, keys) plus check-ins written through ``changes.record_new_rows`` up to ``--records``. Each figure
uses a throwaway database, dropped at the end.

In the same run it measures the floor of the push: the rows the push wrote (change records and
the entity rows they carry), copied out of central untimed and then written again with ``COPY``
into tables built ``LIKE`` them (indexes included) in the same database, one transaction.
It prints the push against that floor (target ≤ 4×) and the no-op sync against 0.3 s.

Run: python benchmarks/bench_sync.py [--records N] [--admin-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from floors import limit_line, print_ratio
from sqlalchemy import create_engine, func, select, text

from smm_event.services import keys, stations
from smm_event.services import sync as sync_service
from smm_event.services.demo import create_demo
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace, open_workspace

ADMIN_URL = os.environ.get(
    "SMM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def throwaway_database(admin_url: str) -> Iterator[str]:
    name = f"smm_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


LAST: dict[str, float] = {}  # label → seconds of the last ``timed`` run


def timed(label: str, fn: Callable[[], Any], target: float | None = None) -> Any:
    start = time.perf_counter()
    result = fn()
    elapsed = LAST[label] = time.perf_counter() - start
    verdict = (
        "" if target is None else (" OK" if elapsed < target else f" SLOWER than {target:g} s")
    )
    print(f"{label:<58} {elapsed:7.2f} s{verdict}")
    return result


def copy_floor(url: str, smallest: int = 1000) -> tuple[float, int]:
    """Seconds to COPY again every table of central holding at least ``smallest`` rows (what
    the push wrote) into an indexed twin, and how many rows that was."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as db:
        names = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        dumps: dict[str, bytes] = {}
        for (name,) in names:
            count = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            if count is None or count[0] < smallest:
                continue
            data = bytearray()
            with db.cursor().copy(f'COPY "{name}" TO STDOUT (FORMAT binary)') as out:
                for chunk in out:
                    data += chunk
            dumps[name] = bytes(data)
            db.execute(f'CREATE TABLE "floor_{name}" (LIKE "{name}" INCLUDING ALL)')
        db.commit()
        start = time.perf_counter()
        with db.transaction():
            for name, dump in dumps.items():
                with db.cursor().copy(f'COPY "floor_{name}" FROM STDIN (FORMAT binary)') as into:
                    into.write(dump)
        elapsed = time.perf_counter() - start
        rows = 0
        for name in dumps:
            counted = db.execute(f'SELECT count(*) FROM "floor_{name}"').fetchone()
            rows += counted[0] if counted else 0
    return elapsed, rows


def pull_floor(url: str) -> float:
    """Seconds to read every change record of central through a ``COPY ... TO STDOUT`` (the
    least a pull must fetch), read row by row."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as db:
        start = time.perf_counter()
        rows = 0
        with db.cursor().copy(
            "COPY (SELECT * FROM change_log ORDER BY device_id, seq) TO STDOUT"
        ) as out:
            for _row in out.rows():
                rows += 1
        return time.perf_counter() - start


def fill(ws: Workspace, total: int) -> None:
    """Scans until the laptop holds ``total`` change records (record_new_rows cannot write mark
    versions: it does not fill their ``hlc`` column from the stamp as record() does)."""
    with ws.reading() as session:
        people = list(session.scalars(select(Participant.id)))
        held = session.scalar(select(func.count()).select_from(ChangeRecord)) or 0
    start = dt.datetime(2026, 5, 12, 6, 0)
    n = 0
    while held < total:
        rows: list[tuple[uuid.UUID, dict[str, Any]]] = []
        kind = "checkin"
        for _ in range(min(5000, total - held)):
            n += 1
            pid, at = people[n % len(people)], start + dt.timedelta(seconds=n)
            fields = {
                "device_id": ws.device_id,
                "desk": "Стойка 1",
                "operator": None,
                "scanned_at": at,
                "local_day": at.date(),
                "method": "scanner",
                "raw_text": f"SMM1:{n:032d}",
                "participant_id": pid,
                "badge_version": 1,
                "result": "admitted",
            }
            rows.append((uuid.uuid4(), fields))
        with ws.transaction() as session:
            changes.record_new_rows(session, kind, rows)
        held += len(rows)


def edits(ws: Workspace, count: int) -> None:
    with ws.reading() as session:
        people = list(session.scalars(select(Participant.id)))
    with ws.transaction() as session:
        for n in range(count):
            changes.record(
                session, "participant", people[n % len(people)], {"notes": f"правка {n}"}
            )


@contextmanager
def enrolled(path: Path, name: str, organizer: Path) -> Iterator[Workspace]:
    """A new laptop, enrolled by the organizer's laptop (it trusts nobody before that)."""
    with open_workspace(path, device_name=name) as ws:
        with open_workspace(organizer) as anchor:
            stations.enroll(anchor, ws, name, ["desk"])
        yield ws


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--admin-url", default=ADMIN_URL)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="smm-bench-sync-"))
    programme = folder / "programme.sqlite3"
    create_demo(programme, seed=7, first_day=dt.date(2026, 5, 12))
    with open_workspace(programme) as ws:
        keys.init_keys(ws, "benchmark passphrase")
        programme_records = sync_service.unsynced_changes(ws)
    big = folder / "laptop.sqlite3"
    big.write_bytes(programme.read_bytes())
    with open_workspace(big) as ws:
        timed(
            f"(setup) fill the laptop to {args.records:,} records", lambda: fill(ws, args.records)
        )
    print(f"programme: {programme_records} records; laptop: {args.records:,} records")

    with throwaway_database(args.admin_url) as url:
        with open_workspace(big) as ws:
            sync_service.check_central(url)  # warm the driver and connection once
            result = timed(
                f"push {args.records:,} records to an empty central",
                lambda: sync_service.sync_with_central(ws, url),
                20,
            )
            print(
                f"  pushed {result.pushed:,}, {result.pushed / (result.finished_at - result.started_at).total_seconds():,.0f} records/s"
            )
            noops = []
            for attempt in (1, 2, 3):
                again = timed(
                    f"sync with nothing new (#{attempt})",
                    lambda: sync_service.sync_with_central(ws, url),
                    0.3,
                )
                assert (again.pushed, again.pulled) == (0, 0)
                noops.append(LAST[f"sync with nothing new (#{attempt})"])
        floor, rows = copy_floor(url)
        print(f"{f'(floor) COPY the same {rows:,} rows into indexed twins':<58} {floor:7.2f} s")
        print_ratio(
            f"push {args.records:,} records",
            LAST[f"push {args.records:,} records to an empty central"],
            floor,
            f"COPY of the same {rows:,} rows into the same PostgreSQL",
            "s",
            4,
        )
        print(limit_line("sync with nothing new, best of 3", min(noops), 0.3, "s"))
        with enrolled(folder / "fresh.sqlite3", "Новая стойка", programme) as ws:
            pulled = timed(
                f"new laptop pulls all {args.records:,} records",
                lambda: sync_service.sync_with_central(ws, url),
            )
            print(f"  pulled {pulled.pulled:,}")
        pulling = pull_floor(url)
        print(f"{'(floor) COPY TO of every change record, read as rows':<58} {pulling:7.2f} s")
        print_ratio(
            f"pull {args.records:,} records",
            LAST[f"new laptop pulls all {args.records:,} records"],
            pulling,
            "COPY TO of the same records from the same PostgreSQL",
        )

    with throwaway_database(args.admin_url) as url:
        with open_workspace(programme) as ws:
            sync_service.sync_with_central(ws, url)
        with enrolled(folder / "desk.sqlite3", "Стойка 2", programme) as ws:
            result = timed(
                "new laptop pulls the whole programme",
                lambda: sync_service.sync_with_central(ws, url),
                5,
            )
            print(f"  pulled {result.pulled:,} records (event, schedule, roster, public keys)")
        with open_workspace(programme) as ws:
            timed("(setup) 20,000 participant edits", lambda: edits(ws, 20_000))
            timed(
                "push 20,000 field edits (merged row by row)",
                lambda: sync_service.sync_with_central(ws, url),
            )

    bundle = folder / "everything.smm"
    with open_workspace(big) as ws:
        summary = timed(
            f"export a bundle of {args.records:,} records",
            lambda: sync_service.export_changes(ws, bundle),
        )
        print(f"  {bundle.stat().st_size / 1e6:.1f} MB")
    with enrolled(folder / "usb.sqlite3", "USB", programme) as ws:
        timed("import it into an empty laptop", lambda: sync_service.import_changes(ws, bundle))
        again = timed(
            "import it again (nothing new)", lambda: sync_service.import_changes(ws, bundle)
        )
        assert again.imported == 0 and summary.records == again.already_present


if __name__ == "__main__":
    main()
