"""Property: a hostile bundle (genuine records dropped, reordered, replayed, edited, re-signed
with garbage, forged under real or made-up devices, or from a station nobody enrolled) never
puts into a laptop anything an authorized signer did not write."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from smm_event.errors import UserError
from smm_event.services import checkin
from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Participant
from smm_event.sync import bundle as bundles
from tests.support.old_sender import without_sender_checks
from tests.sync.conftest import Laptops, at, dump, roster, stream_days

MARK = "ВЗЛОМ"


def _records(path: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as archive:
        return [json.loads(line) for line in archive.read(bundles.RECORDS).splitlines()]


def _write(path: Path, records: list[dict[str, Any]], template: Path) -> Path:
    with zipfile.ZipFile(template) as archive:
        manifest = json.loads(archive.read(bundles.MANIFEST))
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    manifest["files"][bundles.RECORDS]["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["records"] = len(records)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(bundles.RECORDS, data)
        archive.writestr(bundles.MANIFEST, json.dumps(manifest))
    return path


@pytest.fixture
def material(laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Genuine records (organizer, an enrolled desk with one forbidden edit) and an unknown
    station's well-signed ones."""
    organizer = laptops.organizer()
    desk = laptops.empty("Стойка 1", roles=("desk",))
    sync_service.export_changes(organizer, tmp_path / "org.smm")
    sync_service.import_changes(desk, tmp_path / "org.smm")
    people = roster(organizer)[1]
    checkin.check_in_manual(desk, people[0], now=at(stream_days(organizer)[1][0]))
    # Signed by a real station, but not a desk's to write (a desk of an older version).
    with without_sender_checks(monkeypatch), desk.transaction() as session:
        changes.record(session, "participant", people[1], {"badge_version": 65535})
    mallory = laptops.unenrolled("Чужой")
    with mallory.transaction() as session:
        changes.record(session, "participant", people[2], {"surname": MARK})
    sync_service.export_changes(desk, tmp_path / "desk.smm")
    sync_service.export_changes(mallory, tmp_path / "mallory.smm")
    genuine = _records(tmp_path / "desk.smm")
    stranger = [
        r for r in _records(tmp_path / "mallory.smm") if r["device_id"] == mallory.device_id.hex
    ]
    return {"laptops": laptops, "genuine": genuine, "stranger": stranger, "folder": tmp_path,
            "template": tmp_path / "desk.smm", "devices": [organizer.device_id.hex,
            desk.device_id.hex]}  # fmt: skip


def _hostile(draw: Any, material: dict[str, Any]) -> list[dict[str, Any]]:
    records = [dict(r, payload=dict(r["payload"])) for r in material["genuine"]]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["drop", "shuffle", "replay", "edit", "resign", "forge",
                                     "stranger", "truncate"]))  # fmt: skip
        index = draw(st.integers(0, len(records) - 1))
        if kind == "drop":
            records.pop(index)
        elif kind == "shuffle":
            records = draw(st.permutations(records))
        elif kind == "replay":
            records.append(dict(records[index]))
        elif kind == "edit":
            records[index]["payload"] = {**records[index]["payload"], "surname": MARK}
        elif kind == "resign":
            records[index]["signature"] = draw(st.sampled_from(["00", "ab"])) * 64
        elif kind == "forge":
            device = draw(st.sampled_from([*material["devices"], uuid.uuid4().hex]))
            forged = dict(records[index], device_id=device, payload={"surname": MARK})
            forged["seq"] = draw(st.sampled_from([1, 2, 700, 10**12, 2**63 - 1]))
            forged["hlc"] = forged["hlc"][:21] + device
            records.append(forged)
        elif kind == "stranger":
            records += material["stranger"]
        else:
            records = records[: index + 1]
        if not records:
            records = [dict(material["genuine"][0])]
    return records


@settings(
    max_examples=6,  # each example enrolls a laptop and imports ~650 records
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_bundles_change_nothing_an_authorized_signer_did_not_write(
    material: dict[str, Any], data: st.DataObject
) -> None:
    hostile = _hostile(data.draw, material)
    path = _write(material["folder"] / f"{uuid.uuid4().hex}.smm", hostile, material["template"])
    laptop = material["laptops"].empty("Проверка", roles=("desk",))
    try:
        sync_service.import_changes(laptop, path)
    except UserError as refused:  # a refused file is fine: it must then change nothing
        assert refused.code.startswith("bundle_")
    genuine = {
        (r["device_id"], r["seq"]): (r["chain_hash"], json.dumps(r["payload"], sort_keys=True))
        for r in material["genuine"]
    }
    with laptop.reading() as session:
        for row in session.scalars(select(ChangeRecord)):
            if row.device_id == laptop.device_id:
                continue
            key = (row.device_id.hex, row.seq)
            assert key in genuine, key
            assert genuine[key] == (row.chain_hash, json.dumps(row.payload, sort_keys=True))
        versions = set(session.scalars(select(Participant.badge_version)))
    assert MARK not in json.dumps(dump(laptop), ensure_ascii=False, default=str)
    assert max(versions, default=1) < 65535
