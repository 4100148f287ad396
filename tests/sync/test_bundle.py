"""Bundles: everything a laptop knows in one file; imported by the same merge rules, twice
without effect; anything damaged, forged or foreign refused whole."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

import smm_event.cli.sync_commands  # noqa: F401  (registers the sync lines)
from smm_event.cli.messages import message_for
from smm_event.errors import UserError
from smm_event.services import checkin
from smm_event.services import sync as sync_service
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.sync import bundle as bundles
from smm_event.sync.bundle import MANIFEST, RECORDS
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, at, dump, roster, stream_days


def _changes(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(ChangeRecord)) or 0


def test_new_laptop_from_a_file_imported_twice(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    exported = sync_service.export_changes(organizer, tmp_path / "event.smm")
    assert exported.records == _changes(organizer) and exported.event_name
    desk = laptops.empty("Стойка 3")
    first = sync_service.import_changes(desk, tmp_path / "event.smm")
    assert first.imported == exported.records and first.already_present == 0
    with desk.reading() as session:
        assert session.get_one(LocalState, 1).event_id == exported.event_id
    state, count = dump(desk), _changes(desk)
    second = sync_service.import_changes(desk, tmp_path / "event.smm")
    assert (second.imported, second.already_present) == (0, exported.records)
    assert dump(desk) == state and _changes(desk) == count
    assert dump(desk)["participant"] == dump(organizer)["participant"]


def test_files_relay_every_devices_changes(laptops: Laptops, tmp_path: Path) -> None:
    """Desk 1 → organizer → desk 2 by USB stick: desk 2 gets desk 1's check-ins too."""
    organizer = laptops.organizer()
    desk1, desk2 = laptops.empty("Стойка 1"), laptops.empty("Стойка 2")
    sync_service.export_changes(organizer, tmp_path / "o1.smm")
    sync_service.import_changes(desk1, tmp_path / "o1.smm")
    sync_service.import_changes(desk2, tmp_path / "o1.smm")
    people, first_day = roster(organizer)[1], stream_days(organizer)[1][0]
    for pid in people[:10]:
        checkin.check_in_manual(desk1, pid, now=at(first_day))
    sync_service.export_changes(desk1, tmp_path / "d1.smm")
    sync_service.import_changes(organizer, tmp_path / "d1.smm")
    sync_service.export_changes(organizer, tmp_path / "o2.smm")
    sync_service.import_changes(desk2, tmp_path / "o2.smm")
    sync_service.export_changes(desk2, tmp_path / "d2.smm")
    for ws in (organizer, desk1):
        sync_service.import_changes(ws, tmp_path / "d2.smm")
    assert dump(organizer) == dump(desk1) == dump(desk2)
    assert len(dump(desk2)["checkin"]) == 10


def _rewrite(source: Path, target: Path, edit: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    edit(members)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _rehash(members: dict[str, bytes]) -> None:
    manifest = json.loads(members[MANIFEST])
    manifest["files"][RECORDS]["sha256"] = hashlib.sha256(members[RECORDS]).hexdigest()
    members[MANIFEST] = json.dumps(manifest).encode()


def _edit_first_record(members: dict[str, bytes], change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    lines = members[RECORDS].decode().splitlines(keepends=True)
    record = json.loads(lines[0])
    change(record)
    lines[0] = json.dumps(record, ensure_ascii=False) + "\n"
    members[RECORDS] = "".join(lines).encode()


def _newer_version(members: dict[str, bytes]) -> None:
    manifest = json.loads(members[MANIFEST])
    manifest["version"] = bundles.VERSION + 1
    members[MANIFEST] = json.dumps(manifest).encode()


def _tampered(members: dict[str, bytes]) -> None:
    _edit_first_record(members, lambda r: r["payload"].update(name="Чужое событие"))


def _forged(members: dict[str, bytes]) -> None:
    _tampered(members)
    _rehash(members)


def _restamped(members: dict[str, bytes]) -> None:
    """Another record under a held (device, seq), as a copied workspace would write."""
    _edit_first_record(members, lambda r: r.update(hlc=r["hlc"][:13] + "-999999-" + r["hlc"][21:]))
    _rehash(members)


def _bad_shape(members: dict[str, bytes]) -> None:
    _edit_first_record(members, lambda r: r.update(seq="first"))
    _rehash(members)


def _no_manifest(members: dict[str, bytes]) -> None:
    del members[MANIFEST]


DAMAGE = {
    "newer format": (_newer_version, "bundle_newer_version"),
    "record changed, hash not": (_tampered, "bundle_damaged"),
    "other record under a held key": (_restamped, "bundle_conflicts"),
    "record of the wrong shape": (_bad_shape, "bundle_damaged"),
    "no manifest": (_no_manifest, "bundle_not_a_bundle"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_or_forged_bundles_change_nothing(
    laptops: Laptops, tmp_path: Path, damage: str
) -> None:
    organizer = laptops.organizer()
    good = tmp_path / "good.smm"
    sync_service.export_changes(organizer, good)
    edit, code = DAMAGE[damage]
    bad = tmp_path / "bad.smm"
    _rewrite(good, bad, edit)
    before, count = dump(organizer), _changes(organizer)
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(organizer, bad)
    assert refused.value.code == code
    assert dump(organizer) == before and _changes(organizer) == count


def test_forged_payload_of_a_held_record_changes_nothing(laptops: Laptops, tmp_path: Path) -> None:
    """A record this laptop already holds is never applied again, whatever the file says."""
    organizer = laptops.organizer()
    good, bad = tmp_path / "good.smm", tmp_path / "bad.smm"
    sync_service.export_changes(organizer, good)
    _rewrite(good, bad, _forged)
    before = dump(organizer)
    assert sync_service.import_changes(organizer, bad).imported == 0
    assert dump(organizer) == before


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really", b"name;phone\n"])
def test_other_files_are_refused(
    empty_workspace: Workspace, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "other.smm"
    path.write_bytes(content)
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(empty_workspace, path)
    assert refused.value.code == "bundle_not_a_bundle"
    assert _changes(empty_workspace) == 1  # only its own device row


def test_truncated_bundle_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    good = tmp_path / "good.smm"
    sync_service.export_changes(organizer, good)
    cut = tmp_path / "cut.smm"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    desk = laptops.empty("Стойка 1")
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(desk, cut)
    assert refused.value.code in ("bundle_not_a_bundle", "bundle_damaged")
    assert _changes(desk) == 2  # its device and station records


def test_bundle_of_another_event_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    from smm_event.services.demo import create_demo
    from smm_event.workspace import open_workspace

    organizer = laptops.organizer()
    other = tmp_path / "other.sqlite3"
    create_demo(other, seed=3)
    with open_workspace(other) as ws:
        sync_service.export_changes(ws, tmp_path / "other.smm")
    before = dump(organizer)
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(organizer, tmp_path / "other.smm")
    assert refused.value.code == "bundle_other_event"
    assert dump(organizer) == before
    # Both demos have the same title: the message tells them apart by dates and id.
    theirs, ours = str(refused.value.params["event"]), str(refused.value.params["ours"])
    assert theirs.startswith("«Центр компетенций по SMM для НКО», id ")
    assert ours.startswith("«Центр компетенций по SMM для НКО», 2026-")
    assert theirs.split("id ")[1] != ours.split("id ")[1]
    line = message_for(refused.value)
    assert "not this laptop's (" in line and theirs in line


def test_bytes_damaged_anywhere_in_the_file_are_refused_not_a_crash(
    laptops: Laptops, tmp_path: Path
) -> None:
    """A USB stick's bit rot lands anywhere; inside the compressed records zlib itself fails."""
    organizer = laptops.organizer()
    good = tmp_path / "good.smm"
    sync_service.export_changes(organizer, good)
    original = good.read_bytes()
    desk = laptops.empty("Стойка 1")
    bad = tmp_path / "damaged.smm"
    for offset in range(64, len(original) - 2, max(1, len(original) // 60)):
        data = bytearray(original)
        data[offset : offset + 2] = b"XX"
        if bytes(data) == original:
            continue
        bad.write_bytes(bytes(data))
        with pytest.raises(UserError) as refused:
            sync_service.import_changes(desk, bad)
        assert refused.value.code in {"bundle_damaged", "bundle_not_a_bundle"}, offset
    assert _changes(desk) == 2  # its device and station records
