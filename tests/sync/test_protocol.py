"""Push, pull, idempotency and the checks that refuse to mix data, against the real PostgreSQL."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from smm_event.errors import UserError
from smm_event.services import checkin, keys
from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.changeset import lacking, version_vector
from smm_event.storage.local_models import ChangeRecord, LocalState, SigningKeyBlob
from smm_event.storage.models import Checkin, Device, Event, PublicKey
from smm_event.sync.canonical import LOCAL_COLUMNS
from smm_event.workspace import open_workspace
from tests.sync.conftest import Laptops, at, central_dump, dump, roster, stream_days, sync

pytestmark = pytest.mark.postgres

# Where a check-in's result sits in a dumped row (columns are added at the end by migrations).
RESULT = [
    column.key
    for column in Checkin.__table__.columns
    if column.key not in LOCAL_COLUMNS.get("checkin", frozenset())
].index("result")


def _count(ws: object, model: type) -> int:
    with ws.reading() as session:  # type: ignore[attr-defined]
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_new_laptop_pulls_the_event_and_public_keys_only(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer = laptops.organizer()
    first = sync(organizer, postgres_url)
    assert first.pushed == _count(organizer, ChangeRecord) and first.pulled == 0
    desk = laptops.empty("Стойка 1")
    pulled = sync(desk, postgres_url)
    assert pulled.pulled == first.pushed and pulled.pushed == 2  # its device and station rows
    with desk.reading() as session:
        state = session.get_one(LocalState, 1)
        assert state.event_id == session.scalars(select(Event.id)).one()
        assert {d.name for d in session.scalars(select(Device))} == {"Организатор", "Стойка 1"}
        assert session.scalar(select(func.count()).select_from(PublicKey)) == 1
        assert session.scalar(select(func.count()).select_from(SigningKeyBlob)) == 0
    assert not keys.can_sign(desk)
    assert dump(desk) != dump(organizer)  # the organizer does not know the desk's device yet
    sync(organizer, postgres_url)
    assert dump(desk) == dump(organizer) == central_dump(postgres_url)
    assert len(dump(desk)["participant"]) == 210


def test_sync_again_changes_nothing(laptops: Laptops, postgres_url: str) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    for ws in (organizer, desk, organizer):
        sync(ws, postgres_url)
    before = (dump(organizer), dump(desk), central_dump(postgres_url), _count(desk, ChangeRecord))
    for ws in (desk, organizer, desk):
        again = sync(ws, postgres_url)
        assert (again.pushed, again.pulled) == (0, 0)
    assert (
        dump(organizer),
        dump(desk),
        central_dump(postgres_url),
        _count(desk, ChangeRecord),
    ) == before
    assert sync_service.sync_status(desk).unsynced == 0


def test_offline_laptops_converge_in_either_order(laptops: Laptops, postgres_url: str) -> None:
    """The issue's "done when": apart, both check people in; synced in either order they agree,
    and the person both admitted is one duplicate on the attention list, not lost."""
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    people, first_day = roster(organizer)[1], stream_days(organizer)[1][0]
    for pid in people[:30]:
        checkin.check_in_manual(organizer, pid, desk="Стойка орг.", now=at(first_day, 8, 40))
    for pid in people[25:60]:
        checkin.check_in_manual(desk, pid, desk="Стойка 1", now=at(first_day, 8, 50))
    assert sync_service.sync_status(desk).unsynced > 0
    sync(desk, postgres_url)
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    assert dump(organizer) == dump(desk) == central_dump(postgres_url)
    assert _count(desk, ChangeRecord) == _count(organizer, ChangeRecord)
    admitted = {row[0] for row in dump(desk)["checkin"] if row[RESULT] == "admitted"}
    assert len(dump(desk)["checkin"]) == 65 and len(admitted) == 65
    duplicates = [
        i for i in sync_service.attention_list(desk) if i.kind.value == "duplicate_admission"
    ]
    assert sorted(i.participant_id for i in duplicates) == sorted(people[25:30])


def test_small_batches_interleave_devices_in_clock_order(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer = laptops.organizer()
    result = sync(organizer, postgres_url, batch_size=37)
    desk = laptops.empty("Стойка 2")
    seen: list[int] = []
    pulled = sync(desk, postgres_url, batch_size=37, progress=lambda p: seen.append(p.done))
    assert pulled.pulled == result.pushed
    assert dump(desk)["participant"] == dump(organizer)["participant"]
    assert seen.count(result.pushed) >= 1 and len(seen) > result.pushed // 37


def test_version_vector_counts_only_the_gap_free_prefix(empty_workspace: object) -> None:
    ws = empty_workspace
    other = uuid.uuid4()
    with ws.transaction() as session:  # type: ignore[attr-defined]
        for seq in (1, 2, 3, 5, 6):
            session.add(
                ChangeRecord(
                    device_id=other,
                    seq=seq,
                    hlc=f"{seq:013d}-000000-{other.hex}",
                    entity="device",
                    entity_id=str(other),
                    payload={"name": "x"},
                    recorded_at=changes.utc_now(),
                )
            )
    with ws.reading() as session:  # type: ignore[attr-defined]
        vector = version_vector(session.connection())
    assert vector[other] == 3
    assert vector[ws.device_id] == 1  # type: ignore[attr-defined]
    assert lacking({other: 7}, vector) == {other: (3, 7)}
    assert lacking(vector, {other: 9}) == {ws.device_id: (0, 1)}  # type: ignore[attr-defined]


def test_central_of_another_event_is_refused(
    laptops: Laptops, postgres_url: str, tmp_path: Path
) -> None:
    organizer = laptops.organizer()
    sync(organizer, postgres_url)
    from smm_event.services.demo import create_demo

    other = tmp_path / "other-event.sqlite3"
    create_demo(other, seed=3)
    with open_workspace(other) as ws, pytest.raises(UserError) as refused:
        sync(ws, postgres_url)
    assert refused.value.code == "central_other_event"
    assert len(central_dump(postgres_url)["event"]) == 1


def test_copied_workspace_is_refused(laptops: Laptops, postgres_url: str, tmp_path: Path) -> None:
    """Two laptops with one device id would number different records alike: refused before
    anything is pushed, and nothing of the copy reaches central."""
    organizer = laptops.organizer()
    copy_path = tmp_path / "copy.sqlite3"
    shutil.copyfile(organizer.path, copy_path)
    people, first_day = roster(organizer)[1], stream_days(organizer)[1][0]
    checkin.check_in_manual(organizer, people[0], now=at(first_day))
    sync(organizer, postgres_url)
    with open_workspace(copy_path) as copy:
        checkin.check_in_manual(copy, people[1], now=at(first_day))
        with pytest.raises(UserError) as refused:
            sync(copy, postgres_url)
    assert refused.value.code == "device_clash"
    assert [row[RESULT] for row in central_dump(postgres_url)["checkin"]] == ["admitted"]


def test_restored_backup_takes_back_its_own_records(
    laptops: Laptops, postgres_url: str, tmp_path: Path
) -> None:
    """A laptop restored from an old backup pulls its own later records and numbers new ones
    after them, so nothing it wrote before the restore is shadowed."""
    organizer = laptops.organizer()
    sync(organizer, postgres_url)
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(organizer.path, backup)
    people, first_day = roster(organizer)[1], stream_days(organizer)[1][0]
    checkin.check_in_manual(organizer, people[0], now=at(first_day))
    sync(organizer, postgres_url)
    expected = central_dump(postgres_url)
    organizer.close()
    with open_workspace(backup) as restored:
        assert sync(restored, postgres_url).pulled > 0
        checkin.check_in_manual(restored, people[1], now=at(first_day))
        sync(restored, postgres_url)
        assert len(dump(restored)["checkin"]) == len(expected["checkin"]) + 1
        assert dump(restored) == central_dump(postgres_url)


def test_empty_central_schema_and_views_are_created(
    postgres_url: str, empty_workspace: object
) -> None:
    sync(empty_workspace, postgres_url)  # type: ignore[arg-type]
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            names = set(
                connection.exec_driver_sql(
                    "SELECT viewname FROM pg_views WHERE schemaname = 'public'"
                ).scalars()
            )
    finally:
        engine.dispose()
    assert {"report_participants", "report_first_checkins", "report_attendance"} <= names
