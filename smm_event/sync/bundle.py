"""Bundles: everything a laptop knows, in one integrity-checked file for a USB stick.

A bundle is a zip archive with two members:

- ``changes.jsonl``: one change record per line (every device's changes this laptop holds), in
  hybrid-logical-clock order;
- ``manifest.json``: format name and version, who exported it and when, the event, the record
  count, per device the highest sequence number, and the SHA-256 of ``changes.jsonl``.

Reading checks everything before anything is applied: the archive, the format and its version,
the hash, every record's shape, the event, and that no record contradicts one this laptop
already has under the same (device, seq). A file that fails is refused whole. The SHA-256
detects damage, not forgery by someone who rewrites the manifest too; the contradiction check
catches a copied workspace's records, or forged ones under keys the laptop already holds
(compared by stamp, entity and id). Applying uses the same merge code as
the network sync, so importing a bundle twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from smm_event.domain.event import event_label
from smm_event.domain.sync import BundleSummary
from smm_event.errors import UserError
from smm_event.private_files import make_private
from smm_event.safety import BUNDLE_LIMITS, check_zip
from smm_event.storage.changes import local_state, utc_now
from smm_event.storage.changeset import COLUMNS, Change, change_from_row, stamps
from smm_event.storage.models import Event
from smm_event.storage.validation import problem_of
from smm_event.workspace import Workspace

FORMAT = "smm-event-changes"
# 2: records carry their chain hash and signature (docs/trust.md).
VERSION = 2
MANIFEST = "manifest.json"
RECORDS = "changes.jsonl"
_ENTITY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_HLC = re.compile(r"^\d{13}-\d{6}-[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")
MAX_MANIFEST_BYTES = 1_000_000


@dataclass(frozen=True)
class Bundle:
    summary: BundleSummary
    changes: list[Change]


def export_bundle(ws: Workspace, out: Path) -> BundleSummary:
    """Write every change record this laptop holds; the file appears only once complete."""
    out = out.expanduser().resolve()
    temporary = out.with_name(out.name + ".partial")
    digest = hashlib.sha256()
    devices: dict[str, int] = {}
    count = 0
    with ws.reading() as session:
        state = local_state(session)
        event = session.get(Event, state.event_id) if state.event_id else None
        try:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                with archive.open(RECORDS, "w") as member:
                    for change in _all_changes(session.connection()):
                        line = (
                            json.dumps(_encode(change), ensure_ascii=False, sort_keys=True) + "\n"
                        ).encode()
                        digest.update(line)
                        member.write(line)
                        count += 1
                        devices[change.device_id.hex] = max(
                            devices.get(change.device_id.hex, 0), change.seq
                        )
                summary = BundleSummary(
                    path=str(out),
                    format_version=VERSION,
                    records=count,
                    devices=devices,
                    event_id=state.event_id,
                    event_name=event.name if event else None,
                    exported_by=state.device_id,
                    created_at=utc_now(),
                    sha256=digest.hexdigest(),
                )
                archive.writestr(
                    MANIFEST, json.dumps(_manifest(summary), ensure_ascii=False, indent=1)
                )
            make_private(temporary)
            os.replace(temporary, out)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise UserError("bundle_unwritable", path=str(out), reason=str(error)) from error
    return summary


def _all_changes(connection: Connection) -> Iterator[Change]:
    from smm_event.storage.local_models import ChangeRecord

    query = select(*COLUMNS).order_by(ChangeRecord.hlc, ChangeRecord.device_id, ChangeRecord.seq)
    for row in connection.execute(query.execution_options(yield_per=2000)):
        yield change_from_row(row)


def _encode(change: Change) -> dict[str, Any]:
    return {
        "device_id": change.device_id.hex,
        "seq": change.seq,
        "hlc": change.hlc,
        "entity": change.entity,
        "entity_id": change.entity_id,
        "payload": change.payload,
        "recorded_at": change.recorded_at.isoformat(),
        "chain_hash": change.chain_hash,
        "signature": change.signature,
    }


def _manifest(summary: BundleSummary) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": summary.format_version,
        "created_at": summary.created_at.isoformat(),
        "exported_by": summary.exported_by.hex,
        "event_id": str(summary.event_id) if summary.event_id else None,
        "event_name": summary.event_name,
        "records": summary.records,
        "devices": summary.devices,
        "files": {RECORDS: {"sha256": summary.sha256}},
    }


def read_bundle(path: Path) -> Bundle:
    """Open and verify a bundle; raises UserError with a ``bundle_*`` code if anything is off."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise UserError("file_not_found", path=str(path)) from error
    except (zipfile.BadZipFile, OSError) as error:
        raise UserError("bundle_not_a_bundle", path=str(path)) from error
    with archive:
        check_zip(archive, BUNDLE_LIMITS, path)
        manifest = _read_manifest(archive, path)
        try:
            changes, sha256 = _stream_records(archive, path)
        # A bad CRC, a truncated member, or bytes zlib cannot inflate (damage inside the data).
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise UserError(
                "bundle_damaged", path=str(path), reason="records unreadable"
            ) from error
    if sha256 != manifest["files"][RECORDS]["sha256"]:
        raise UserError("bundle_damaged", path=str(path), reason="SHA-256 mismatch")
    if len(changes) != manifest["records"] or len({c.key for c in changes}) != len(changes):
        raise UserError("bundle_damaged", path=str(path), reason="record count mismatch")
    return Bundle(_summary(manifest, path), changes)


# Records are inflated, hashed and decoded this many bytes at a time: the whole member is
# never in memory as bytes, only as the Change records it decodes to.
_CHUNK_BYTES = 4 * 1024 * 1024


def _stream_records(archive: zipfile.ZipFile, path: Path) -> tuple[list[Change], str]:
    digest = hashlib.sha256()
    changes: list[Change] = []
    devices: dict[str, uuid.UUID] = {}
    rest = b""
    with archive.open(RECORDS) as member:
        while chunk := member.read(_CHUNK_BYTES):
            digest.update(chunk)
            lines, _, rest = (rest + chunk).rpartition(b"\n")
            _decode_lines(lines, path, devices, changes)
    _decode_lines(rest, path, devices, changes)
    return changes, digest.hexdigest()


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            raise ValueError("manifest too large")
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise UserError("bundle_not_a_bundle", path=str(path)) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("bundle_not_a_bundle", path=str(path))
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise UserError("bundle_damaged", path=str(path), reason="bad format version")
    if version > VERSION:
        raise UserError("bundle_newer_version", path=str(path), version=version)
    try:
        _summary(manifest, path)
        if not isinstance(manifest["files"][RECORDS]["sha256"], str) or not isinstance(
            manifest["records"], int
        ):
            raise TypeError
    except (KeyError, TypeError, ValueError) as error:
        raise UserError("bundle_damaged", path=str(path), reason="bad manifest") from error
    return manifest


def _summary(manifest: dict[str, Any], path: Path) -> BundleSummary:
    event_id = manifest.get("event_id")
    return BundleSummary(
        path=str(path),
        format_version=int(manifest["version"]),
        records=int(manifest["records"]),
        devices={str(k): int(v) for k, v in dict(manifest["devices"]).items()},
        event_id=uuid.UUID(event_id) if event_id else None,
        event_name=manifest.get("event_name"),
        exported_by=uuid.UUID(manifest["exported_by"]),
        created_at=dt.datetime.fromisoformat(manifest["created_at"]),
        sha256=str(manifest["files"][RECORDS]["sha256"]),
    )


def _decode_lines(
    data: bytes, path: Path, devices: dict[str, uuid.UUID], changes: list[Change]
) -> None:
    if not data.strip():
        return
    try:  # one JSON array instead of a parser call per line: several times faster
        records = json.loads(b"[" + b",".join(data.splitlines()) + b"]")
    except ValueError as error:
        raise UserError("bundle_damaged", path=str(path), reason="records unreadable") from error
    first = len(changes) + 1
    changes.extend(_decode(raw, number, path, devices) for number, raw in enumerate(records, first))


def _decode(raw: Any, number: int, path: Path, devices: dict[str, uuid.UUID]) -> Change:
    try:
        device_hex = raw["device_id"]
        device = devices.get(device_hex) or devices.setdefault(
            device_hex, uuid.UUID(hex=device_hex)
        )
        change = Change(
            device_id=device,
            seq=raw["seq"],
            hlc=raw["hlc"],
            entity=raw["entity"],
            entity_id=raw["entity_id"],
            payload=raw["payload"],
            recorded_at=dt.datetime.fromisoformat(raw["recorded_at"]),
            chain_hash=raw.get("chain_hash"),
            signature=raw.get("signature"),
        )
        valid = (
            type(change.seq) is int
            and change.seq > 0
            and isinstance(change.hlc, str)
            and _HLC.match(change.hlc) is not None
            and change.hlc[21:] == device.hex
            and isinstance(change.entity, str)
            and _ENTITY.match(change.entity) is not None
            and isinstance(change.entity_id, str)
            and 0 < len(change.entity_id) <= 40
            and isinstance(change.payload, dict)
            and change.recorded_at.tzinfo is None
            and (change.chain_hash is None or _matches(_HEX64, change.chain_hash))
            and (change.signature is None or _matches(_HEX128, change.signature))
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise UserError("bundle_damaged", path=str(path), reason=f"record {number}") from error
    if not valid:
        raise UserError("bundle_damaged", path=str(path), reason=f"record {number}")
    problem = problem_of(change.entity, change.entity_id, change.payload)
    if problem is not None:
        raise UserError(
            "bundle_invalid_record",
            path=str(path),
            record=number,
            entity=change.entity,
            field=problem.field or "",
            problem=problem.code,
        )
    return change


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return isinstance(value, str) and pattern.match(value) is not None


def _events_named(bundle: Bundle) -> set[str]:
    """Every event a record of the bundle belongs to: the event rows themselves and the
    ``event_id`` that streams, participants and certificates carry."""
    named: set[str] = set()
    for change in bundle.changes:
        if change.entity == "event":
            named.add(change.entity_id)
        event_id = change.payload.get("event_id")
        if isinstance(event_id, str):
            named.add(event_id)
    return named


def _check_event(bundle: Bundle, mine: uuid.UUID | None, ours: str = "") -> None:
    """One event per bundle, the one its manifest names and the one this laptop holds. The
    manifest alone is not trusted: with ``"event_id": null`` it would skip the comparison and
    leave this workspace holding two events."""
    named = _events_named(bundle)
    declared = bundle.summary.event_id
    claimed = named | ({str(declared)} if declared else set())
    if mine is not None and claimed - {str(mine)}:
        theirs = event_label(
            bundle.summary.event_name, bundle.summary.event_id or min(claimed - {str(mine)})
        )
        raise UserError("bundle_other_event", path=bundle.summary.path, event=theirs, ours=ours)
    if len(named) > 1 or (named and named != {str(declared)}):
        raise UserError("bundle_damaged", path=bundle.summary.path, reason="events mismatch")


def check_against(ws: Workspace, bundle: Bundle) -> list[Change]:
    """The bundle's changes this laptop lacks, after refusing a bundle of another event or one
    whose records contradict this laptop's under the same (device, seq)."""
    with ws.reading() as session:
        state = local_state(session)
        event = session.get(Event, state.event_id) if state.event_id else None
        ours = event_label(event.name, event.id, event.starts_on, event.ends_on) if event else ""
        _check_event(bundle, state.event_id, ours)
        held = stamps(session.connection(), [change.key for change in bundle.changes])
    for change in bundle.changes:
        mine = held.get(change.key)
        if mine is not None and mine != change.stamp:
            raise UserError(
                "bundle_conflicts",
                path=bundle.summary.path,
                device=str(change.device_id),
                seq=change.seq,
            )
    return [change for change in bundle.changes if change.key not in held]
