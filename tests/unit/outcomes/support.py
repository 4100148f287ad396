"""Two laptops of one event and a full sync between them (only what each side lacks)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from sqlalchemy import func, select

from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.workspace import Workspace, open_workspace


def clone_laptop(source: Path, target: Path, name: str) -> Workspace:
    shutil.copyfile(source, target)
    with open_workspace(target) as ws, ws.transaction() as session:
        changes.local_state(session).device_id = uuid.uuid4()
    return open_workspace(target, device_name=name)


def _known(ws: Workspace) -> dict[uuid.UUID, int]:
    with ws.reading() as session:
        rows = session.execute(
            select(ChangeRecord.device_id, func.max(ChangeRecord.seq)).group_by(
                ChangeRecord.device_id
            )
        )
        return {device: seq for device, seq in rows}


def _log(ws: Workspace, after: dict[uuid.UUID, int]) -> list[ChangeRecord]:
    with ws.reading() as session:
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
            for r in session.scalars(select(ChangeRecord))
            if r.seq > after.get(r.device_id, 0)
        ]


def _receive(ws: Workspace, records: list[ChangeRecord]) -> None:
    with ws.transaction() as session:
        for record in sorted(records, key=lambda r: r.hlc):
            if session.get(ChangeRecord, (record.device_id, record.seq)) is None:
                session.add(record)
                changes.observe_remote_stamp(session, record.hlc)
                changes.apply_change(session, record)


def exchange(a: Workspace, b: Workspace) -> None:
    to_b, to_a = _log(a, _known(b)), _log(b, _known(a))
    _receive(b, to_b)
    _receive(a, to_a)
