"""Shared set-up for the certificate tests: a demo workspace with a signing key, attendance
marks written the way the attendance service writes them, and change-log exchange between two
workspaces (as in test_changes.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from smm_event.attendance import store as attendance_store
from smm_event.badges import SigningKey
from smm_event.domain.attendance import AttendanceStatus
from smm_event.services import attendance, keys
from smm_event.services.participants import list_participants
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord, SigningKeyBlob
from smm_event.workspace import Workspace, open_workspace

# After the demo's last session (the demo starts on 2026-05-12): every session is held.
NOW = dt.datetime(2026, 6, 1, 9, 0)
PASSPHRASE = "correct horse battery"
P, L, A, E = (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT,
              AttendanceStatus.EXCUSED)  # fmt: skip


def stream_sessions(ws: Workspace, stream_number: int) -> list[uuid.UUID]:
    return [s.id for s in attendance.find_sessions(ws, stream_number)]


def mark(ws: Workspace, participant_id: uuid.UUID, sessions: Sequence[uuid.UUID],
         statuses: Sequence[AttendanceStatus]) -> None:  # fmt: skip
    """One mark per session in order; a shorter list leaves the rest unmarked."""
    with ws.transaction() as session:
        for place, status in zip(sessions, statuses, strict=False):
            attendance_store.write_mark(
                session, place, participant_id, status, None, "cli", None, changes.utc_now()
            )


def set_exit_score(ws: Workspace, participant_id: uuid.UUID, score: float | None) -> None:
    with ws.transaction() as session:
        changes.record(session, "participant", participant_id, {"exit_score": score})


def mark_stream_present(
    ws: Workspace, stream_number: int, exit_score: float = 80.0
) -> list[uuid.UUID]:
    """Everyone of the stream present at every session and through the exit test."""
    people = [p.id for p in list_participants(ws, stream_number)]
    sessions = stream_sessions(ws, stream_number)
    with ws.transaction() as session:
        for person in people:
            for place in sessions:
                attendance_store.write_mark(
                    session, place, person, P, None, "cli", None, changes.utc_now()
                )
            changes.record(session, "participant", person, {"exit_score": exit_score})
    return people


@dataclass(frozen=True)
class Prepared:
    path: Path
    key: SigningKey
    stream1: tuple[uuid.UUID, ...]  # participants of stream 1, all present, exit test taken


@pytest.fixture(scope="module")
def prepared(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    """The demo with a signing key and stream 1 fully attended; tests open copies of it."""
    path = tmp_path_factory.mktemp("certificates") / "prepared.sqlite3"
    shutil.copyfile(demo_template, path)
    with open_workspace(path, device_name="Организатор") as ws:
        keys.init_keys(ws, PASSPHRASE)
        key = keys.unlock_signing_key(ws, PASSPHRASE)
        people = mark_stream_present(ws, 1)
    return Prepared(path, key, tuple(people))


@pytest.fixture
def ws(prepared: Prepared, tmp_path: Path) -> Iterator[Workspace]:
    target = tmp_path / "event.sqlite3"
    shutil.copyfile(prepared.path, target)
    with open_workspace(target) as workspace:
        yield workspace


def _known(ws: Workspace) -> dict[uuid.UUID, int]:
    """The version vector: the highest change number held from each device."""
    with ws.reading() as session:
        rows = session.execute(
            select(ChangeRecord.device_id, func.max(ChangeRecord.seq)).group_by(
                ChangeRecord.device_id
            )
        )
        return {device: seq for device, seq in rows}


def change_log(ws: Workspace, after: dict[uuid.UUID, int] | None = None) -> list[ChangeRecord]:
    """The changes ``ws`` holds beyond the version vector ``after`` (all of them by default)."""
    after = after or {}
    with ws.reading() as session:
        rows = session.scalars(
            select(ChangeRecord).order_by(ChangeRecord.device_id, ChangeRecord.seq)
        )
        return [
            ChangeRecord(device_id=r.device_id, seq=r.seq, hlc=r.hlc, entity=r.entity,
                         entity_id=r.entity_id, payload=dict(r.payload), recorded_at=r.recorded_at)
            for r in rows
            if r.seq > after.get(r.device_id, 0)
        ]  # fmt: skip


def receive(ws: Workspace, records: list[ChangeRecord]) -> None:
    with ws.transaction() as session:
        for record in sorted(records, key=lambda r: r.hlc):
            if session.get(ChangeRecord, (record.device_id, record.seq)) is None:
                session.add(record)
                changes.observe_remote_stamp(session, record.hlc)
                changes.apply_change(session, record)


def exchange(a: Workspace, b: Workspace) -> None:
    """A full sync both ways, sending each side only what it lacks."""
    to_b, to_a = change_log(a, _known(b)), change_log(b, _known(a))
    receive(b, to_b)
    receive(a, to_a)


def second_laptop(source: Path, target: Path, name: str) -> Workspace:
    """A laptop that joined the event and synced everything, without the private key: the same
    data as ``source`` under its own device id (quicker than replaying the whole log)."""
    shutil.copyfile(source, target)
    with open_workspace(target) as ws, ws.transaction() as session:
        changes.local_state(session).device_id = uuid.uuid4()
        session.execute(delete(SigningKeyBlob))
    return open_workspace(target, device_name=name)
