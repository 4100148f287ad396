"""Issue 10's attacks on the replication layer, each as the attacker with a USB stick would try
it: none of them changes what a laptop shows, and each shows up under needs attention."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from smm_event.badges import generate_signing_key, make_token, public_key_of
from smm_event.domain.checkin import CheckinResult
from smm_event.domain.sync import AttentionKind
from smm_event.errors import UserError
from smm_event.services import checkin, stations
from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord, LocalState
from smm_event.storage.models import AttendanceMark, Participant, PublicKey, TrainingSession
from smm_event.storage.trust_models import QuarantinedRecord
from smm_event.sync import bundle as bundles
from smm_event.workspace import Workspace
from tests.support.old_sender import without_sender_checks
from tests.sync.conftest import Laptops, at, dump, roster, stream_days


def _quarantine(ws: Workspace) -> dict[tuple[uuid.UUID, int], str]:
    with ws.reading() as session:
        return {(r.device_id, r.seq): r.reason for r in session.scalars(select(QuarantinedRecord))}


def _attention_reasons(ws: Workspace) -> set[tuple[str, str]]:
    return {
        (item.device_names[0] if item.device_names else "", str(item.details["reason"]))
        for item in sync_service.attention_list(ws)
        if item.kind is AttentionKind.QUARANTINED
    }


def _records(path: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as archive:
        return [json.loads(line) for line in archive.read(bundles.RECORDS).splitlines()]


def _write(path: Path, records: list[dict[str, Any]], template: Path) -> Path:
    """A forger's bundle: these records, a manifest re-hashed to match."""
    with zipfile.ZipFile(template) as archive:
        manifest = json.loads(archive.read(bundles.MANIFEST))
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    manifest["files"][bundles.RECORDS]["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["records"] = len(records)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(bundles.RECORDS, data)
        archive.writestr(bundles.MANIFEST, json.dumps(manifest))
    return path


def _forged(device: uuid.UUID, seq: int, entity: str, entity_id: str, payload: dict[str, Any]):
    stamp = f"{changes.utc_now().timestamp() * 1000:013.0f}-000000-{device.hex}"
    return {
        "device_id": device.hex,
        "seq": seq,
        "hlc": stamp,
        "entity": entity,
        "entity_id": entity_id,
        "payload": payload,
        "recorded_at": changes.utc_now().isoformat(),
        "chain_hash": "ab" * 32,
        "signature": "cd" * 64,
    }


def _export(ws: Workspace, path: Path) -> Path:
    sync_service.export_changes(ws, path)
    return path


def test_a_public_key_from_an_unknown_device_admits_nobody(
    laptops: Laptops, tmp_path: Path
) -> None:
    """Mallory's laptop was never enrolled: its records are well formed and signed with its
    own station key, and still nothing of them is applied."""
    organizer = laptops.organizer()
    mallory = laptops.unenrolled("Чужой ноутбук")
    key = generate_signing_key()
    with mallory.transaction() as session:
        changes.record(
            session,
            "public_key",
            key.key_id,
            {
                "public_key": base64.b64encode(public_key_of(key).raw).decode(),
                "created_at": changes.utc_now(),
                "retired": False,
            },
        )
    sync_service.import_changes(organizer, _export(mallory, tmp_path / "mallory.smm"))
    with organizer.reading() as session:
        assert session.get(PublicKey, key.key_id) is None
        event_id = session.get_one(LocalState, 1).event_id
    person = roster(organizer)[1][0]
    token = make_token(key, event_id, person, 1)  # type: ignore[arg-type]
    day = stream_days(organizer)[1][0]
    outcome = checkin.check_in_scan(organizer, token, now=at(day))
    assert outcome.result is CheckinResult.FORGED_OR_UNREADABLE
    assert set(_quarantine(organizer).values()) == {"unknown_station"}
    # Listed under its device id (its device name was refused with the rest).
    assert (mallory.device_id.hex[:8], "unknown_station") in {
        (name.replace("-", "")[:8], reason) for name, reason in _attention_reasons(organizer)
    }


@pytest.mark.parametrize("seq", [2**63 - 1, 10**12])
def test_a_record_claiming_the_organizers_device_with_a_huge_seq_is_refused(
    laptops: Laptops, tmp_path: Path, seq: int
) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    good = _export(organizer, tmp_path / "good.smm")
    person = roster(organizer)[1][0]
    forged = _forged(organizer.device_id, seq, "participant", str(person), {"surname": "Взлом"})
    bad = _write(tmp_path / "bad.smm", [*_records(good), forged], good)
    sync_service.import_changes(desk, bad)
    with desk.reading() as session:
        assert session.get_one(Participant, person).surname != "Взлом"
        top = session.scalar(
            select(func.max(ChangeRecord.seq)).where(ChangeRecord.device_id == organizer.device_id)
        )
    assert top is not None and top < 10_000
    assert _quarantine(desk)[(organizer.device_id, seq)] == "chain_gap"
    # The organizer's later records still arrive, and the desk still works.
    checkin.check_in_manual(organizer, person, now=at(stream_days(organizer)[1][0]))
    later = sync_service.import_changes(desk, _export(organizer, tmp_path / "later.smm"))
    assert later.imported >= 1
    assert checkin.check_in_manual(desk, person).result is not None


def test_a_forged_record_at_the_organizers_next_seq_changes_nothing(
    laptops: Laptops, tmp_path: Path
) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    good = _export(organizer, tmp_path / "good.smm")
    records = _records(good)
    mine = [r for r in records if r["device_id"] == organizer.device_id.hex]
    person = roster(organizer)[1][0]
    forged = _forged(
        organizer.device_id, len(mine) + 1, "participant", str(person), {"surname": "Взлом"}
    )
    forged["chain_hash"] = None  # a forger can compute the hash; the signature is what fails
    sync_service.import_changes(desk, _write(tmp_path / "bad.smm", [*records, forged], good))
    assert _quarantine(desk)[(organizer.device_id, len(mine) + 1)] == "chain_broken"
    # The real record with that seq arrives later and is applied: no device clash, ever.
    with organizer.transaction() as session:
        changes.record(session, "participant", person, {"notes": "настоящая правка"})
    sync_service.import_changes(desk, _export(organizer, tmp_path / "later.smm"))
    with desk.reading() as session:
        row = session.get_one(Participant, person)
        assert (row.notes, row.surname != "Взлом") == ("настоящая правка", True)


def test_a_valid_chain_with_a_forged_signature_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    """Recomputing the chain hashes is easy; signing the head is not."""
    from smm_event.storage import chain

    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    good = _export(organizer, tmp_path / "good.smm")
    records = _records(good)
    ours = [r for r in records if r["device_id"] == organizer.device_id.hex]
    person = roster(organizer)[1][0]
    forged = _forged(organizer.device_id, len(ours) + 1, "participant", str(person), {})
    forged["payload"] = {"surname": "Взлом"}
    change = bundles._decode(forged, 1, good, {})
    forged["chain_hash"] = chain.next_hash(
        ours[-1]["chain_hash"],
        chain.canonical_bytes(
            change.device_id,
            change.seq,
            change.hlc,
            change.entity,
            change.entity_id,
            change.payload,
            change.recorded_at,
        ),
    )
    sync_service.import_changes(desk, _write(tmp_path / "bad.smm", [*records, forged], good))
    assert _quarantine(desk)[(organizer.device_id, len(ours) + 1)] == "bad_signature"
    with desk.reading() as session:
        assert session.get_one(Participant, person).surname != "Взлом"


def _marks(ws: Workspace, person: uuid.UUID) -> int:
    with ws.reading() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(AttendanceMark)
                .where(AttendanceMark.participant_id == person)
            )
            or 0
        )


def test_a_desk_cannot_mark_attendance_or_raise_badge_versions(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An enrolled desk writes what a desk writes; its marks of 16 sessions and its
    ``badge_version=65535`` are quarantined at the organizer, its check-ins are applied."""
    organizer = laptops.organizer()
    sync_service.import_changes(
        desk := laptops.empty("Стойка 1", roles=("desk",)),
        _export(organizer, tmp_path / "event.smm"),
    )
    people = roster(organizer)[1]
    with desk.reading() as session:
        sessions = list(session.scalars(select(TrainingSession.id)))
    assert len(sessions) >= 16
    # Its own laptop refuses these (test_local_roles); a desk of an older version writes them.
    with without_sender_checks(monkeypatch), desk.transaction() as session:
        for session_id in sessions[:16]:
            changes.record(
                session,
                "attendance_mark",
                uuid.uuid4(),
                {
                    "session_id": session_id,
                    "participant_id": people[0],
                    "status": "present",
                    "note": None,
                    "source": "click",
                    "marked_at": changes.utc_now(),
                    "device_id": desk.device_id,
                    "operator": None,
                },
                new=True,
            )
        for person in people[:5]:
            changes.record(session, "participant", person, {"badge_version": 65535})
    checkin.check_in_manual(desk, people[1], now=at(stream_days(organizer)[1][0]))
    before = _marks(organizer, people[0])
    sync_service.import_changes(organizer, _export(desk, tmp_path / "desk.smm"))
    assert _marks(organizer, people[0]) == before
    with organizer.reading() as session:
        assert {session.get_one(Participant, p).badge_version for p in people[:5]} == {1}
    reasons = set(_quarantine(organizer).values())
    assert reasons == {"not_allowed"}
    assert ("Стойка 1", "not_allowed") in _attention_reasons(organizer)
    with organizer.reading() as session:  # the desk's check-in is what a desk writes
        assert session.scalar(select(func.count()).select_from(QuarantinedRecord)) == 21


def test_a_far_future_surname_edit_is_not_adopted(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a station allowed to edit the roster cannot win with a stamp from next year."""
    organizer = laptops.organizer()
    editor = laptops.empty("Второй организатор", roles=("organizer",))
    sync_service.import_changes(editor, _export(organizer, tmp_path / "event.smm"))
    person = roster(organizer)[1][0]
    next_year = int((changes.utc_now() + dt.timedelta(days=365)).timestamp() * 1000)
    with without_sender_checks(monkeypatch), editor.transaction() as session:
        changes.record(session, "participant", person, {"surname": "Навсегда"}, wall_ms=next_year)
    sync_service.import_changes(organizer, _export(editor, tmp_path / "editor.smm"))
    with organizer.transaction() as session:
        assert session.get_one(Participant, person).surname != "Навсегда"
        changes.record(session, "participant", person, {"surname": "Исправлено"})
    with organizer.reading() as session:
        assert session.get_one(Participant, person).surname == "Исправлено"
    assert ("Второй организатор", "clock_ahead") in _attention_reasons(organizer)


def test_a_revoked_station_is_refused_after_its_revocation_only(
    laptops: Laptops, tmp_path: Path
) -> None:
    organizer = laptops.organizer()
    desk = laptops.empty("Украденный ноутбук", roles=("desk",))
    sync_service.import_changes(desk, _export(organizer, tmp_path / "event.smm"))
    people, day = roster(organizer)[1], stream_days(organizer)[1][0]
    checkin.check_in_manual(desk, people[0], now=at(day))
    sync_service.import_changes(organizer, _export(desk, tmp_path / "before.smm"))
    info = stations.revoke_station(organizer, desk.device_id.hex[:8], "украден")
    assert info.revoked_after_seq is not None and info.revoked_after_seq > 0
    checkin.check_in_manual(desk, people[1], now=at(day))  # the thief scans on
    sync_service.import_changes(organizer, _export(desk, tmp_path / "after.smm"))
    with organizer.reading() as session:
        from smm_event.storage.models import Checkin

        scanned = set(session.scalars(select(Checkin.participant_id)))
    assert people[0] in scanned and people[1] not in scanned
    assert "revoked_station" in set(_quarantine(organizer).values())
    # A third laptop learns of the revocation from the organizer's records and refuses too.
    third = laptops.empty("Стойка 3")
    sync_service.import_changes(third, _export(organizer, tmp_path / "org.smm"))
    sync_service.import_changes(third, _export(desk, tmp_path / "thief.smm"))
    with third.reading() as session:
        scanned = set(session.scalars(select(Checkin.participant_id)))
    assert people[0] in scanned and people[1] not in scanned


def test_a_copied_approval_enrolls_no_other_laptop(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    new, thief = laptops.unenrolled("Стойка 2"), laptops.unenrolled("Стойка 2")
    request = stations.write_join_request(new, tmp_path / "join.request", "Стойка 2")
    approval = tmp_path / "join.approval"
    stations.add_station(organizer, request, "Стойка 2", ["desk"], approval)
    with pytest.raises(UserError) as refused:
        stations.join(thief, approval)
    assert refused.value.code == "join_not_for_this_laptop"
    with thief.reading() as session:
        assert session.get_one(LocalState, 1).anchor_key is None
    joined = stations.join(new, approval)
    assert joined.station.roles == ("desk",) and joined.imported > 600
    assert dump(new)["participant"] == dump(organizer)["participant"]


def test_an_unenrolled_laptop_imports_nothing(laptops: Laptops, tmp_path: Path) -> None:
    organizer = laptops.organizer()
    stranger = laptops.unenrolled("Новый ноутбук")
    with pytest.raises(UserError) as refused:
        sync_service.import_changes(stranger, _export(organizer, tmp_path / "event.smm"))
    assert refused.value.code == "station_not_enrolled"


def test_records_keep_verifying_through_a_relay(laptops: Laptops, tmp_path: Path) -> None:
    """Desk 1's records travel to desk 2 in the organizer's bundle: the relay cannot alter
    them, and desk 2 accepts them because they verify, not because the organizer sent them."""
    organizer = laptops.organizer()
    first, second = laptops.empty("Стойка 1", roles=("desk",)), laptops.empty("Стойка 2")
    sync_service.import_changes(first, _export(organizer, tmp_path / "event.smm"))
    person, day = roster(organizer)[1][0], stream_days(organizer)[1][0]
    checkin.check_in_manual(first, person, now=at(day))
    sync_service.import_changes(organizer, _export(first, tmp_path / "first.smm"))
    relay = _export(organizer, tmp_path / "relay.smm")
    records = _records(relay)
    for record in records:
        if record["device_id"] == first.device_id.hex and record["entity"] == "checkin":
            record["payload"]["desk"] = "Подмена"
    sync_service.import_changes(second, _write(tmp_path / "altered.smm", records, relay))
    assert "chain_broken" in set(_quarantine(second).values())
    sync_service.import_changes(second, relay)
    with second.reading() as session:
        from smm_event.storage.models import Checkin

        desks = set(session.scalars(select(Checkin.desk).where(Checkin.participant_id == person)))
    assert desks and "Подмена" not in desks


def test_a_trainers_refused_door_scans_and_a_desks_consent_are_what_they_may_write(
    laptops: Laptops, tmp_path: Path
) -> None:
    """The trainer's laptop logs a forged badge at the hall's door as a refused check-in, and a
    desk records a consent signed at the entrance: both arrive at the organizer unquarantined."""
    from smm_event.domain.checkin import CheckinMethod
    from smm_event.services import attendance, walkins
    from smm_event.storage.models import Checkin

    organizer = laptops.organizer()
    event_file = _export(organizer, tmp_path / "event.smm")
    trainer = laptops.empty("Зал 2", roles=("trainer",))
    desk = laptops.empty("Стойка 1", roles=("desk",))
    sync_service.import_changes(trainer, event_file)
    sync_service.import_changes(desk, event_file)
    with trainer.reading() as session:
        hall = session.scalars(select(TrainingSession.id)).first()
    attendance.mark_by_scan(trainer, hall, "SMM1:FORGED-AT-THE-DOOR")
    person = roster(organizer)[1][0]
    walkins.record_consent(desk, person)
    sync_service.import_changes(organizer, _export(trainer, tmp_path / "trainer.smm"))
    sync_service.import_changes(organizer, _export(desk, tmp_path / "desk.smm"))
    assert _quarantine(organizer) == {}
    with organizer.reading() as session:
        door = session.scalars(
            select(Checkin).where(Checkin.method == CheckinMethod.DOOR.value)
        ).all()
        assert [scan.device_id for scan in door] == [trainer.device_id]
        assert session.get_one(Participant, person).consent is True
