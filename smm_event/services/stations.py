"""Stations: enrolling laptops by file, listing and revoking them (docs/trust.md)."""

from __future__ import annotations

import json
import os
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from smm_event.errors import UserError
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.trust_models import Station
from smm_event.trust import enrollment
from smm_event.trust.roles import Role
from smm_event.workspace import Workspace

APPROVAL_MEMBER = "approval.json"
MAX_FILE_BYTES = 100_000


@dataclass(frozen=True)
class StationInfo:
    device_id: uuid.UUID
    name: str
    roles: tuple[str, ...]
    revoked_after_seq: int | None
    revoked_reason: str | None
    records: int  # how many of its records this laptop holds
    is_anchor: bool


@dataclass(frozen=True)
class StationOverview:
    """What the «Станции» page shows: whether this laptop is its event's trust anchor (only
    then may it enroll and revoke), whether it is enrolled at all, and the stations."""

    is_anchor: bool
    enrolled: bool
    stations: tuple[StationInfo, ...]


@dataclass(frozen=True)
class JoinResult:
    station: StationInfo
    imported: int


def write_join_request(ws: Workspace, out: Path, name: str) -> Path:
    with ws.reading() as session:
        data = enrollment.make_request(session, name)
    _write_private(out, json.dumps(data, ensure_ascii=False, indent=1).encode())
    return out


def proposed_name(request: Path) -> str:
    """The name a join request proposes (checked as the approval will check it)."""
    return enrollment.parse_request(_read_json(request, "join_request_invalid"))[2]


def add_station(
    ws: Workspace, request: Path, name: str, roles: Iterable[str], out: Path, data: bool = True
) -> StationInfo:
    """Approve a request on the organizer's laptop; the approval file also carries the event's
    records (a bundle), so the new laptop starts with everything."""
    wanted = _roles(roles)
    parsed = _read_json(request, "join_request_invalid")
    with ws.transaction() as session:
        approval = enrollment.approve(session, parsed, name.strip(), wanted)
    body = json.dumps(approval, ensure_ascii=False, indent=1).encode()
    if data:
        from smm_event.sync.bundle import export_bundle

        export_bundle(ws, out)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(APPROVAL_MEMBER, body)
        os.chmod(out, 0o600)
    else:
        _write_private(out, body)
    return _info(ws, uuid.UUID(hex=approval["device_id"]))


def join(ws: Workspace, approval_path: Path) -> JoinResult:
    """On the new laptop: check the approval is for this laptop, pin the anchor, import."""
    bundled = zipfile.is_zipfile(approval_path)
    if bundled:
        try:
            with zipfile.ZipFile(approval_path) as archive:
                info = archive.getinfo(APPROVAL_MEMBER)
                if info.file_size > MAX_FILE_BYTES:
                    raise UserError("join_approval_invalid")
                parsed = json.loads(archive.read(APPROVAL_MEMBER))
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
            raise UserError("join_approval_invalid") from error
    else:
        parsed = _read_json(approval_path, "join_approval_invalid")
    with ws.transaction() as session:
        enrollment.accept_approval(session, parsed)
    imported = 0
    if bundled:
        from smm_event.services.sync import import_changes

        imported = import_changes(ws, approval_path).imported
    return JoinResult(_info(ws, ws.device_id), imported)


def enroll(organizer: Workspace, laptop: Workspace, name: str, roles: Iterable[str]) -> None:
    """Request, approval and join in one go, without files or data (tests, demos)."""
    with laptop.reading() as session:
        request = enrollment.make_request(session, name)
    with organizer.transaction() as session:
        approval = enrollment.approve(session, request, name, _roles(roles))
    with laptop.transaction() as session:
        enrollment.accept_approval(session, approval)


def station_overview(ws: Workspace) -> StationOverview:
    with ws.reading() as session:
        state = changes.local_state(session)
        is_anchor, enrolled = enrollment.is_trust_root(state), state.anchor_key is not None
    return StationOverview(is_anchor, enrolled, list_stations(ws))


def request_to_join(workspace: Path, name: str, out: Path) -> Path:
    """On a new laptop with no workspace yet (the start screen): create it, write a request."""
    from smm_event.workspace import open_workspace

    with open_workspace(workspace, device_name=name or None) as ws:
        return write_join_request(ws, out, name)


def join_workspace(workspace: Path, approval: Path) -> JoinResult:
    from smm_event.workspace import open_workspace

    with open_workspace(workspace) as ws:
        return join(ws, approval)


def list_stations(ws: Workspace) -> tuple[StationInfo, ...]:
    with ws.reading() as session:
        ids = list(session.scalars(select(Station.id).order_by(Station.name)))
    return tuple(_info(ws, station) for station in ids)


def revoke_station(ws: Workspace, station_id: str, reason: str) -> StationInfo:
    """Refuse, everywhere, the station's records above the highest seq this laptop holds
    from it (a sequence number, so no clock is involved)."""
    with ws.transaction() as session:
        if not enrollment.is_trust_root(changes.local_state(session)):
            raise UserError("station_not_organizer")
        station = _find(session, station_id)
        if station.id == ws.device_id:
            raise UserError("station_revoke_self")
        held = session.scalar(
            select(func.max(ChangeRecord.seq)).where(ChangeRecord.device_id == station.id)
        )
        changes.record(
            session,
            "station",
            station.id,
            {"revoked_after_seq": int(held or 0), "revoked_reason": reason.strip() or None},
        )
        found = station.id
    return _info(ws, found)


def _find(session: Any, text: str) -> Station:
    matches = [
        row
        for row in session.scalars(select(Station))
        if str(row.id).startswith(text.strip().lower()) or row.id.hex.startswith(text.lower())
    ]
    if len(matches) != 1 or not text.strip():
        raise UserError("station_not_found", station=text)
    station: Station = matches[0]
    return station


def _info(ws: Workspace, device_id: uuid.UUID) -> StationInfo:
    with ws.reading() as session:
        row = session.get(Station, device_id)
        if row is None:
            raise UserError("station_not_found", station=str(device_id))
        count = session.scalar(
            select(func.count())
            .select_from(ChangeRecord)
            .where(ChangeRecord.device_id == device_id)
        )
        anchor = changes.local_state(session).anchor_device
        return StationInfo(
            device_id=row.id,
            name=row.name,
            roles=tuple(row.roles.split()),
            revoked_after_seq=row.revoked_after_seq,
            revoked_reason=row.revoked_reason,
            records=int(count or 0),
            is_anchor=row.id == anchor,
        )


def _roles(roles: Iterable[str]) -> list[str]:
    try:
        wanted = sorted({Role(role).value for role in roles})
    except ValueError as error:
        raise UserError("station_bad_role", role=str(error)) from error
    if not wanted:
        raise UserError("station_bad_role", role="")
    return wanted


def _read_json(path: Path, code: str) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(code)
        return json.loads(path.read_bytes())
    except FileNotFoundError as error:
        raise UserError("file_not_found", path=str(path)) from error
    except (OSError, ValueError) as error:
        raise UserError(code) from error


def _write_private(out: Path, body: bytes) -> None:
    try:
        descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(body)
    except OSError as error:
        raise UserError("file_unwritable", path=str(out), reason=str(error)) from error
