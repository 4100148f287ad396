"""A bundle is checked whole before anything is applied, and applied whole or not at all:
invalid records anywhere, a manifest that hides its event, a failure half-way."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from smm_event.errors import UserError
from smm_event.services import sync as sync_service
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.storage.models import Event
from smm_event.sync import apply
from smm_event.sync.bundle import MANIFEST, RECORDS
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, dump


def _rewrite(
    source: Path, target: Path, edit: Callable[[list[dict[str, Any]], dict[str, Any]], None]
) -> None:
    """Edit the records and the manifest, then re-hash: a forger's file, not a damaged one."""
    with zipfile.ZipFile(source) as archive:
        records = [json.loads(line) for line in archive.read(RECORDS).splitlines()]
        manifest = json.loads(archive.read(MANIFEST))
    edit(records, manifest)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    manifest["files"][RECORDS]["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["records"] = len(records)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(RECORDS, data)
        archive.writestr(MANIFEST, json.dumps(manifest))


def _files(ws: Workspace) -> dict[str, bytes]:
    """The workspace's bytes on disk, WAL included."""
    return {
        path.name: path.read_bytes()
        for path in ws.path.parent.glob(ws.path.name + "*")
        if path.is_file()
    }


def _count(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(ChangeRecord)) or 0


def _scans(ws: Workspace, count: int) -> None:
    """``count`` refused scans at a desk: cheap, valid records to make a bundle long."""
    from smm_event.storage import changes

    now = dt.datetime(2026, 3, 2, 7, 0)
    rows = [
        (
            uuid.uuid4(),
            {
                "device_id": ws.device_id,
                "desk": "Стойка 1",
                "operator": None,
                "scanned_at": now,
                "local_day": now.date(),
                "method": "scanner",
                "raw_text": f"junk {n}",
                "participant_id": None,
                "badge_version": None,
                "result": "forged_or_unreadable",
            },
        )
        for n in range(count)
    ]
    with ws.transaction() as session:
        changes.record_new_rows(session, "checkin", rows)


def test_a_bad_record_at_position_1501_changes_nothing(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    _scans(organizer, 1200)
    good, bad = tmp_path / "good.smm", tmp_path / "bad.smm"
    sync_service.export_changes(organizer, good)

    def wrong_type(records: list[dict[str, Any]], _manifest: dict[str, Any]) -> None:
        assert len(records) > 1501
        payload = records[1500]["payload"]
        payload[next(iter(payload))] = ["not", "a", "value"]

    _rewrite(good, bad, wrong_type)
    desk = laptops.empty("Стойка 1")
    before, files = dump(desk), _files(desk)
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(desk, bad, batch_size=500)
    assert refused.value.code == "bundle_invalid_record"
    assert refused.value.params["record"] == 1501
    assert dump(desk) == before and _count(desk) == 2  # its device and station rows
    assert _files(desk) == files


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("surname", "Иванов\u202eавонави", "bidi"),
        ("surname", "Ф" * 201, "too_long"),
        ("badge_version", 2**40, "out_of_range"),
        ("walk_in", "yes", "bad_type"),
    ],
)
def test_hostile_participant_values_are_refused(
    laptops: Laptops, tmp_path: Path, field: str, value: object, problem: str
) -> None:
    organizer = laptops.organizer()
    good, bad = tmp_path / "good.smm", tmp_path / "bad.smm"
    sync_service.export_changes(organizer, good)

    def poison(records: list[dict[str, Any]], _manifest: dict[str, Any]) -> None:
        last = max(i for i, r in enumerate(records) if r["entity"] == "participant")
        records[last]["payload"][field] = value

    _rewrite(good, bad, poison)
    desk = laptops.empty("Стойка 1")
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(desk, bad)
    assert refused.value.code == "bundle_invalid_record"
    assert (refused.value.params["field"], refused.value.params["problem"]) == (field, problem)
    assert _count(desk) == 2  # its device and station rows


def test_a_failure_half_way_rolls_the_whole_import_back(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever goes wrong while applying (a full disk, a bug), no batch of the file stays."""
    organizer = laptops.organizer()
    path = tmp_path / "event.smm"
    sync_service.export_changes(organizer, path)
    desk = laptops.empty("Стойка 1")
    real = apply.store_and_apply
    calls: list[int] = []

    def failing_third_batch(session: Any, batch: Any, withheld: Any = frozenset()) -> int:
        calls.append(len(batch))
        if len(calls) == 3:
            raise OSError("disk full")
        return real(session, batch, withheld)

    monkeypatch.setattr(apply, "store_and_apply", failing_third_batch)
    before = dump(desk)
    with pytest.raises(OSError):
        sync_service.import_changes(desk, path, batch_size=200)
    assert len(calls) == 3
    assert dump(desk) == before and _count(desk) == 2  # its device and station rows


def test_a_cancelled_import_leaves_nothing(laptops: Laptops, tmp_path: Path) -> None:
    import threading

    organizer = laptops.organizer()
    path = tmp_path / "event.smm"
    sync_service.export_changes(organizer, path)
    desk = laptops.empty("Стойка 1")
    cancel = threading.Event()
    result = sync_service.import_changes(
        desk, path, progress=lambda _p: cancel.set(), cancel=cancel, batch_size=500
    )
    assert (
        result.cancelled and result.imported == 0 and _count(desk) == 2
    )  # its device and station rows


def _other_event_bundle(tmp_path: Path) -> Path:
    from smm_event.services.demo import create_demo
    from smm_event.workspace import open_workspace

    other = tmp_path / "other.sqlite3"
    create_demo(other, seed=3)
    with open_workspace(other) as ws:
        sync_service.export_changes(ws, tmp_path / "other.smm")
    return tmp_path / "other.smm"


def _events(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def test_a_manifest_with_a_null_event_is_still_checked(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    hidden = tmp_path / "hidden.smm"

    def hide_event(_records: list[dict[str, Any]], manifest: dict[str, Any]) -> None:
        manifest["event_id"] = None
        manifest["event_name"] = None

    _rewrite(_other_event_bundle(tmp_path), hidden, hide_event)
    before = dump(organizer)
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(organizer, hidden)
    assert refused.value.code == "bundle_other_event"
    assert dump(organizer) == before and _events(organizer) == 1


def test_a_manifest_that_lies_about_its_event_is_refused_on_an_empty_laptop(
    laptops: Laptops, tmp_path: Path
) -> None:
    """An empty laptop adopts the bundle's event: the manifest must name the one the records
    carry, and every record must belong to that one event."""
    organizer = laptops.organizer()
    good, mixed = tmp_path / "good.smm", tmp_path / "mixed.smm"
    sync_service.export_changes(organizer, good)
    with zipfile.ZipFile(_other_event_bundle(tmp_path)) as archive:
        foreign = [json.loads(line) for line in archive.read(RECORDS).splitlines()]
    foreign_event = next(r for r in foreign if r["entity"] == "event")

    def add_second_event(records: list[dict[str, Any]], _manifest: dict[str, Any]) -> None:
        records.append(foreign_event)

    _rewrite(good, mixed, add_second_event)
    desk = laptops.unenrolled("Стойка 1")  # an enrolled one already knows its event
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(desk, mixed)
    assert refused.value.code == "bundle_damaged"
    assert _count(desk) == 1  # its device row
    with desk.reading() as session:
        assert session.get_one(LocalState, 1).event_id is None
