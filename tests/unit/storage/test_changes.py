"""The change log: every write is a record; merging records in any order gives one state."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from smm_event.storage import chain, changes
from smm_event.storage.hlc import Hlc, next_stamp, observe
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Checkin, Participant
from smm_event.workspace import Workspace, open_workspace

EVENT_ID = uuid.UUID("00000000-0000-4000-8000-000000000001")


def _seed_event(ws: Workspace) -> None:
    with ws.transaction() as session:
        changes.record(
            session,
            "event",
            EVENT_ID,
            {
                "name": "Тест",
                "timezone": "Europe/Moscow",
                "starts_on": dt.date(2026, 5, 12),
                "ends_on": dt.date(2026, 5, 29),
                "settings": {},
            },
        )


def _log(ws: Workspace) -> list[ChangeRecord]:
    with ws.reading() as session:
        rows = session.scalars(
            select(ChangeRecord).order_by(ChangeRecord.device_id, ChangeRecord.seq)
        )
        return [
            ChangeRecord(
                device_id=r.device_id,
                seq=r.seq,
                hlc=r.hlc,
                entity=r.entity,
                entity_id=r.entity_id,
                payload=dict(r.payload),
                recorded_at=r.recorded_at,
            )
            for r in rows
        ]


def _receive(ws: Workspace, records: list[ChangeRecord]) -> None:
    with ws.transaction() as session:
        for record in sorted(records, key=lambda r: r.hlc):
            if session.get(ChangeRecord, (record.device_id, record.seq)) is None:
                session.add(record)
                changes.observe_remote_stamp(session, record.hlc)
                changes.apply_change(session, record)


def _person(ws: Workspace, person_id: uuid.UUID) -> dict[str, object]:
    with ws.reading() as session:
        row = session.get_one(Participant, person_id)
        return {c: getattr(row, c) for c in ("surname", "phone", "badge_version", "search_key")}


def test_record_numbers_changes_per_device_and_applies_them(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "a.sqlite3", device_name="A") as ws:
        _seed_event(ws)
        person = uuid.uuid4()
        with ws.transaction() as session:
            changes.record(
                session,
                "participant",
                person,
                {
                    "event_id": EVENT_ID,
                    "surname": "Королёва",
                    "first_name": "Алёна",
                    "phone": "+79281234567",
                },
            )
        log = _log(ws)
        assert [r.seq for r in log] == [1, 2, 3]  # device name, event, participant
        assert log[-1].payload["surname"] == "Королёва"
        row = _person(ws, person)
        assert row["surname"] == "Королёва"
        assert "королева" in str(row["search_key"])  # ё folded for search


def test_two_laptops_converge_field_by_field(tmp_path: Path) -> None:
    a = open_workspace(tmp_path / "a.sqlite3", device_name="A")
    b = open_workspace(tmp_path / "b.sqlite3", device_name="B")
    try:
        _seed_event(a)
        person = uuid.uuid4()
        with a.transaction() as session:
            changes.record(
                session,
                "participant",
                person,
                {
                    "event_id": EVENT_ID,
                    "surname": "Иванов",
                    "first_name": "Иван",
                    "badge_version": 1,
                },
            )
        _receive(b, _log(a))
        # Offline, A fixes the surname, B reissues the badge twice and edits the phone.
        with a.transaction() as session:
            changes.record(session, "participant", person, {"surname": "Иванов-Петров"})
        with b.transaction() as session:
            changes.record(
                session, "participant", person, {"badge_version": 3, "phone": "+79280000000"}
            )
        with a.transaction() as session:
            changes.record(session, "participant", person, {"badge_version": 2})
        _receive(a, _log(b))
        _receive(b, _log(a))
        assert _person(a, person) == _person(b, person)
        assert _person(a, person)["surname"] == "Иванов-Петров"
        assert _person(a, person)["phone"] == "+79280000000"
        assert _person(a, person)["badge_version"] == 3  # a badge version only grows
    finally:
        a.close()
        b.close()


def test_insert_only_rows_apply_once(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "a.sqlite3") as ws:
        scan = uuid.uuid4()
        fields = {
            "device_id": ws.device_id,
            "desk": "Стойка 1",
            "scanned_at": dt.datetime(2026, 5, 12, 7),
            "local_day": dt.date(2026, 5, 12),
            "method": "scanner",
            "result": "admitted",
        }
        with ws.transaction() as session:
            record = changes.record(session, "checkin", scan, fields)
            changes.apply_change(session, record)  # applying again changes nothing
        with ws.reading() as session:
            assert len(session.scalars(select(Checkin)).all()) == 1


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(["surname", "phone", "badge_version"]),
            st.integers(1, 9),
        ),
        min_size=1,
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_any_delivery_order_gives_the_same_state(
    edits: list[tuple[int, str, int]], rnd: random.Random
) -> None:
    """Edits made on three laptops, delivered to a fourth in two different orders (and twice)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        laptops = [open_workspace(root / f"{n}.sqlite3", device_name=str(n)) for n in range(3)]
        try:
            _seed_event(laptops[0])
            person = uuid.UUID(int=rnd.getrandbits(128))
            with laptops[0].transaction() as session:
                changes.record(
                    session,
                    "participant",
                    person,
                    {
                        "event_id": EVENT_ID,
                        "surname": "Start",
                        "first_name": "X",
                        "badge_version": 1,
                    },
                )
            base = _log(laptops[0])
            for laptop in laptops[1:]:
                _receive(laptop, base)
            for index, field, value in edits:
                with laptops[index].transaction() as session:
                    new = value if field == "badge_version" else f"{field}{value}"
                    changes.record(session, "participant", person, {field: new})
            everything = [r for laptop in laptops for r in _log(laptop)]
            results = []
            for attempt in range(2):
                target = open_workspace(root / f"target{attempt}.sqlite3")
                shuffled = everything[:]
                rnd.shuffle(shuffled)
                half = len(shuffled) // 2
                _receive(target, shuffled[:half])
                _receive(target, shuffled)
                results.append(_person(target, person))
                target.close()
            assert results[0] == results[1]
        finally:
            for laptop in laptops:
                laptop.close()


def test_hlc_orders_causally_even_with_a_slow_clock() -> None:
    device = uuid.uuid4()
    first = next_stamp(0, 0, device, wall_ms=1_000)
    # The wall clock goes backwards (a laptop set to yesterday): stamps still grow.
    second = next_stamp(first.wall_ms, first.counter, device, wall_ms=500)
    assert second > first
    remote = Hlc(5_000, 3, "ff")
    wall, counter = observe(second.wall_ms, second.counter, remote, wall_ms=600)
    third = next_stamp(wall, counter, device, wall_ms=600)
    assert third.encode() > remote.encode()
    assert Hlc.parse(third.encode()) == third


def test_bulk_rows_match_what_record_writes(tmp_path: Path) -> None:
    """record_new_rows is only a faster path: the rows and change records equal record()'s,
    including a mark version's hlc taken from its change."""
    with open_workspace(tmp_path / "a.sqlite3") as ws:
        _seed_event(ws)
        mark = uuid.uuid4()
        fields = {
            "session_id": uuid.uuid4(),
            "participant_id": uuid.uuid4(),
            "status": "present",
            "source": "desk",
            "hlc": "",
            "marked_at": dt.datetime(2026, 5, 12, 7),
            "device_id": ws.device_id,
        }
        with ws.transaction() as session:
            changes.record_new_rows(session, "attendance_mark", [(mark, fields)])
        with ws.reading() as session:
            from smm_event.storage.models import AttendanceMark

            row = session.get_one(AttendanceMark, mark)
            change = session.scalars(
                select(ChangeRecord).where(ChangeRecord.entity_id == str(mark))
            ).one()
            assert row.hlc == change.hlc != ""
            assert row.clocks["status"] == change.hlc


def test_writes_in_one_transaction_read_the_chain_head_once(tmp_path: Path) -> None:
    """A scan writes its check-in, flushes (its mark's queries autoflush) and writes the mark:
    the local state row (chain head, clock, counter) must be read once, not per write, and the
    second record must still chain onto the first and carry the transaction's one signature."""
    with open_workspace(tmp_path / "a.sqlite3", device_name="A") as ws:
        _seed_event(ws)
        statements: list[str] = []

        def seen(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
            statements.append(sql)

        event.listen(ws.write_engine, "before_cursor_execute", seen)
        try:
            with ws.transaction() as session:
                for n in range(3):
                    changes.record(
                        session,
                        "participant",
                        uuid.uuid4(),
                        {"event_id": EVENT_ID, "surname": f"Иванов{n}"},
                        new=True,
                    )
                    session.flush()
        finally:
            event.remove(ws.write_engine, "before_cursor_execute", seen)
        reads = [
            s
            for s in statements
            if s.lstrip().upper().startswith("SELECT") and "FROM local_state" in s
        ]
        assert len(reads) == 1, reads
        with ws.reading() as session:
            rows = list(session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq)))
            state = changes.local_state(session)
            assert state.chain_hash == rows[-1].chain_hash
            signed = [r.signature is not None for r in rows[-3:]]
        for previous, current in itertools.pairwise(rows):
            record_bytes = chain.canonical_bytes(
                current.device_id,
                current.seq,
                current.hlc,
                current.entity,
                current.entity_id,
                current.payload,
                current.recorded_at,
            )
            assert current.chain_hash == chain.next_hash(previous.chain_hash, record_bytes)
        assert signed == [False, False, True]
