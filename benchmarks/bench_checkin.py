"""Desk check-in latency: scanned text to committed verdict, with 10,000 participants and
100,000 earlier check-ins (targets: median < 5 ms, p99 < 20 ms, GUIDE §7 and issue 4).

Each timed call is ``check_in_scan``: token check, roster and today's check-ins by index, one
insert-only change, the attendance hook when present, and a durable commit (WAL,
synchronous=FULL: one fsync). The workspace lives on the disk under the temp folder.

In the same run it measures the floor: the same lookups, one insert and a durable commit
through the raw ``sqlite3`` module on a database of the same size in the same folder (WAL,
synchronous=FULL), and prints our admitted scans against it (target: median and p99 ≤ 3×).

Run: python benchmarks/bench_checkin.py [--scans N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from floors import Spread, each_ms, print_ratio

from smm_event.badges import make_token
from smm_event.domain.checkin import CheckinResult
from smm_event.paths import resource_path
from smm_event.schedule import load_schedule, shift_schedule
from smm_event.services import event_setup, keys
from smm_event.services.checkin import check_in_scan
from smm_event.storage import changes
from smm_event.storage.event_context import current_event, organization_id, to_utc
from smm_event.storage.models import Stream, StreamDay
from smm_event.text.folding import fold
from smm_event.workspace import Workspace, open_workspace

PEOPLE = 10_000
EARLIER = 100_000
FIRST_DAY = dt.date(2026, 5, 12)
MEASURED_DAY = FIRST_DAY + dt.timedelta(days=1)  # stream 1's second day
PASSPHRASE = "benchmark passphrase"
RUSSIAN = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")


def build(ws: Workspace, rnd: random.Random) -> dict[str, Any]:
    spec = shift_schedule(load_schedule(resource_path("demo", "schedule.toml")), FIRST_DAY)
    event_setup.init_event(ws, spec)
    keys.init_keys(ws, PASSPHRASE)
    with ws.transaction() as session:
        event = current_event(session)
        streams = {s.number: s.id for s in session.query(Stream)}
        days: dict[uuid.UUID, list[dt.date]] = defaultdict(list)
        for row in session.query(StreamDay):
            days[row.stream_id].append(row.day)
        orgs = [
            (organization_id(event.id, fold(f"АНО «Центр {n}»")), {"name": f"АНО «Центр {n}»"})
            for n in range(500)
        ]
        changes.record_new_rows(session, "organization", orgs)
        people = []
        for n in range(PEOPLE):
            fields = {
                "event_id": event.id,
                "surname": f"Участник{n:05d}",
                "first_name": "Иван",
                "patronymic": "Иванович",
                "organization_id": orgs[n % len(orgs)][0],
                "stream_id": streams[n % 3 + 1],
                "stream_locked": False,
                "walk_in": False,
                "badge_version": 1,
                "deleted": False,
            }
            people.append((uuid.uuid4(), fields))
        changes.record_new_rows(session, "participant", people)
        checkins = _earlier_checkins(ws, people, days, event.timezone, rnd)
        for start in range(0, len(checkins), 20_000):
            changes.record_new_rows(session, "checkin", checkins[start : start + 20_000])
    return {"event_id": event.id, "people": people, "streams": streams}


def _earlier_checkins(
    ws: Workspace,
    people: list[tuple[uuid.UUID, dict[str, Any]]],
    days: dict[uuid.UUID, list[dt.date]],
    timezone: str,
    rnd: random.Random,
) -> list[tuple[uuid.UUID, dict[str, Any]]]:
    """10 a person: their stream's days, some repeats and refusals. On the measured day only
    the even-numbered people have arrived, so scans meet both first arrivals and repeats."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(timezone)
    rows = []
    for index, (person_id, fields) in enumerate(people):
        stream_days = sorted(days[fields["stream_id"]])
        for k in range(EARLIER // PEOPLE):
            day = stream_days[k % len(stream_days)]
            if day == MEASURED_DAY and index % 2:
                day = stream_days[0]
            local = dt.datetime.combine(day, dt.time(9, 0)) + dt.timedelta(
                seconds=rnd.randrange(7200)
            )
            result = CheckinResult.ADMITTED if k < 4 else rnd.choice(list(CheckinResult))
            rows.append(
                (
                    uuid.uuid4(),
                    {
                        "device_id": ws.device_id,
                        "desk": f"Стойка {rnd.randint(1, 4)}",
                        "operator": None,
                        "scanned_at": to_utc(local, zone),
                        "local_day": day,
                        "method": "scanner",
                        "raw_text": "SMM1:" + "A" * 144,
                        "participant_id": person_id,
                        "badge_version": 1,
                        "result": result.value,
                    },
                )
            )
    return rows


def scans(ws: Workspace, data: dict[str, Any], count: int, rnd: random.Random) -> list[str]:
    """Stream 1 people on its second day (first arrivals and repeats), every tenth a forged
    code, a Russian-layout code or someone of another stream."""
    key = keys.unlock_signing_key(ws, PASSPHRASE)
    stream_1 = data["streams"][1]
    ours = [pid for pid, fields in data["people"] if fields["stream_id"] == stream_1]
    others = [pid for pid, fields in data["people"] if fields["stream_id"] != stream_1]
    texts = []
    for n in range(count):
        kind = n % 10
        person = rnd.choice(others if kind == 9 else ours)
        token = make_token(key, data["event_id"], person, 1)
        if kind == 7:
            token = token[:60] + ("B" if token[60] != "B" else "C") + token[61:]
        if kind == 8:
            token = token.translate(RUSSIAN)
        texts.append(token)
    return texts


def report(label: str, values: list[float]) -> Spread:
    spread = Spread.of(values)
    print(spread.line(label))
    return spread


ROW_TAIL = ("t", "admitted", "SMM1:" + "A" * 144, "Стойка 1")


def raw_sqlite_floor(folder: Path, count: int, rnd: random.Random) -> list[float]:
    """Per scan: the person by primary key, their check-ins of the day by index, one insert,
    one durable commit; tables as big as the benchmark's (10,000 people, 100,000 check-ins)."""
    path = folder / "floor.sqlite3"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE person (id TEXT PRIMARY KEY, surname TEXT, stream INTEGER)")
    db.execute(
        "CREATE TABLE checkin (id TEXT PRIMARY KEY, person_id TEXT, local_day TEXT,"
        " scanned_at TEXT, result TEXT, raw_text TEXT, desk TEXT)"
    )
    db.execute("CREATE INDEX checkin_day ON checkin (person_id, local_day)")
    people = [str(uuid.uuid4()) for _ in range(PEOPLE)]
    db.execute("BEGIN")
    db.executemany("INSERT INTO person VALUES (?, ?, ?)", [(p, "Иванов", 1) for p in people])
    db.executemany(
        "INSERT INTO checkin VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (str(uuid.uuid4()), people[n % PEOPLE], f"2026-05-{12 + n % 4}", *ROW_TAIL)
            for n in range(EARLIER)
        ],
    )
    db.execute("COMMIT")
    chosen = [rnd.choice(people) for _ in range(count)]

    def scan(index: int) -> None:
        person = chosen[index]
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT id, surname, stream FROM person WHERE id = ?", (person,)).fetchone()
        db.execute(
            "SELECT result FROM checkin WHERE person_id = ? AND local_day = ?",
            (person, "2026-05-13"),
        ).fetchall()
        db.execute(
            "INSERT INTO checkin VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), person, "2026-05-13", *ROW_TAIL),
        )
        db.execute("COMMIT")

    scan(0)
    timings = each_ms(count, scan)
    db.close()
    return timings


CHANGE_SQL = (
    "INSERT INTO change_log (device_id, seq, hlc, entity, entity_id, payload, recorded_at,"
    " chain_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
CHECKIN_SQL = (
    "INSERT INTO checkin (id, device_id, desk, operator, scanned_at, local_day, method,"
    " raw_text, participant_id, badge_version, result, clocks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
MARK_SQL = (
    "INSERT INTO attendance_mark (id, session_id, participant_id, status, note, source, hlc,"
    " marked_at, device_id, operator, clocks) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def same_rows_floor(workspace: Path, count: int, people: list[uuid.UUID]) -> list[float]:
    """The admitted scan's own writes through raw ``sqlite3`` on a copy of the benchmark's
    workspace (same tables, indexes, sizes): the person and their day's check-ins read, two
    chained change records, the check-in, the mark and the local state row written, one
    Ed25519 signature, one durable commit. What no Python layer can go under."""
    import hashlib
    import json
    import shutil

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = workspace.with_name("floor_rows.sqlite3")
    shutil.copyfile(workspace, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    state = db.execute("SELECT device_id, last_seq, chain_hash FROM local_state").fetchone()
    device, seq, head = state
    key = Ed25519PrivateKey.generate()
    session_id = uuid.uuid4().hex

    def change(entity: str, entity_id: str, payload: dict[str, Any]) -> None:
        nonlocal seq, head
        seq += 1
        text = json.dumps(payload, ensure_ascii=False)
        hlc = f"{time.time_ns() // 1_000_000:015d}-{seq:08d}-{device}"
        record = json.dumps([device, seq, hlc, entity, entity_id, payload], sort_keys=True)
        head = hashlib.sha256(bytes.fromhex(head or "00" * 32) + record.encode()).hexdigest()
        db.execute(
            CHANGE_SQL,
            (device, seq, hlc, entity, entity_id, text, "2026-05-13 06:30:00.000000", head, None),
        )

    def scan(index: int) -> None:
        person = people[index % len(people)].hex
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT * FROM participant WHERE id = ?", (person,)).fetchone()
        db.execute(
            "SELECT id, scanned_at, desk FROM checkin WHERE participant_id = ? AND local_day = ?"
            " AND result = 'admitted'",
            (person, "2026-05-13"),
        ).fetchall()
        checkin_id, mark_id = uuid.uuid4(), uuid.uuid4()
        fields = {"desk": "Стойка 1", "raw_text": ROW_TAIL[2], "participant_id": str(person)}
        change("checkin", str(checkin_id), fields)
        db.execute(
            CHECKIN_SQL,
            (
                checkin_id.hex,
                device,
                "Стойка 1",
                None,
                "2026-05-13 06:30:00.000000",
                "2026-05-13",
                "scanner",
                ROW_TAIL[2],
                person,
                1,
                "admitted",
                '{"desk": "x"}',
            ),
        )
        db.execute(
            "SELECT id FROM attendance_mark WHERE session_id = ? AND participant_id = ? LIMIT 1",
            (session_id, person),
        ).fetchone()
        change("attendance_mark", str(mark_id), {"status": "present", "session_id": session_id})
        db.execute(
            MARK_SQL,
            (
                mark_id.hex,
                session_id,
                person,
                "present",
                None,
                "desk",
                "x" * 40,
                "2026-05-13 06:30:00.000000",
                device,
                None,
                '{"status": "x"}',
            ),
        )
        signature = key.sign(head.encode()).hex()
        db.execute(
            "UPDATE change_log SET signature = ? WHERE device_id = ? AND seq = ?",
            (signature, device, seq),
        )
        db.execute(
            "UPDATE local_state SET last_seq = ?, chain_hash = ?, hlc_wall_ms = ? WHERE id = 1",
            (seq, head, index),
        )
        db.execute("COMMIT")

    scan(0)
    timings = each_ms(count, scan)
    db.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=2000)
    parser.add_argument("--keep", type=Path, default=None, help="build the workspace in DIR")
    parser.add_argument(
        "--without-attendance",
        action="store_true",
        help="leave out the attendance hook (issue 6) to see the check-in's own cost",
    )
    args = parser.parse_args()
    if args.without_attendance:
        from smm_event.checkin import store

        store._attendance_hook = lambda: None  # type: ignore[assignment]
    rnd = random.Random(4)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-checkin-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.sqlite3"
    path.unlink(missing_ok=True)
    with open_workspace(path, device_name="Стойка 1") as ws:
        started = time.perf_counter()
        data = build(ws, rnd)
        print(
            f"setup: {PEOPLE} people, {EARLIER} earlier check-ins in {time.perf_counter() - started:.1f} s ({path})"
        )
        texts = scans(ws, data, args.scans, rnd)
        at = to_utc(dt.datetime.combine(MEASURED_DAY, dt.time(9, 30)), current_zone(ws))
        check_in_scan(ws, texts[0], desk="Стойка 1", now=at)  # warm the caches
        by_result: dict[str, list[float]] = defaultdict(list)
        every: list[float] = []
        for n, text in enumerate(texts):
            started = time.perf_counter()
            outcome = check_in_scan(ws, text, desk="Стойка 1", now=at + dt.timedelta(seconds=n))
            elapsed = (time.perf_counter() - started) * 1000
            every.append(elapsed)
            by_result[outcome.result.value].append(elapsed)
    report("all scans", every)
    spreads = {result: report(result, values) for result, values in sorted(by_result.items())}
    floor = report("floor: raw sqlite3", raw_sqlite_floor(folder, args.scans, rnd))
    ids = [person for person, _fields in data["people"]]
    rows_floor = report("floor: same 5 rows + signature", same_rows_floor(path, args.scans, ids))
    admitted = spreads.get(CheckinResult.ADMITTED.value)
    what = "raw sqlite3 lookup + insert + commit, WAL, synchronous=FULL"
    what_rows = "raw sqlite3, the scan's 5 rows, its lookups and an Ed25519 signature"
    if admitted is not None:
        print_ratio("admitted scan median", admitted.median, floor.median, what, "ms", 3)
        print_ratio("admitted scan p99", admitted.p99, floor.p99, what, "ms", 3)
        print_ratio("admitted scan median", admitted.median, rows_floor.median, what_rows, "ms")
        print_ratio("admitted scan p99", admitted.p99, rows_floor.p99, what_rows, "ms")
    everything = Spread.of(every)
    print_ratio("any scan median", everything.median, floor.median, what, "ms")


def current_zone(ws: Workspace) -> Any:
    from zoneinfo import ZoneInfo

    with ws.reading() as session:
        return ZoneInfo(current_event(session).timezone)


if __name__ == "__main__":
    main()
