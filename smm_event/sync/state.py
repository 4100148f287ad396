"""Local bookkeeping of syncs: when each peer last synced, its last error, and how many of this
laptop's records the central database does not have yet (for the status bar)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.sync import PeerStatus, SyncStatus
from smm_event.storage import clock_guard, hlc
from smm_event.storage.changes import local_state, utc_now
from smm_event.storage.changeset import VersionVector, version_vector
from smm_event.sync.models import SyncState

FILE_PEER = "file"


def _row(session: Session, peer: str) -> SyncState:
    row = session.get(SyncState, peer)
    if row is None:
        row = SyncState(peer=peer, pushed=0, pulled=0, central_vector={})
        session.add(row)
    return row


def record_failure(session: Session, peer: str, error_code: str) -> None:
    row = _row(session, peer)
    row.last_attempt_at = utc_now()
    row.last_error = error_code


def record_success(
    session: Session,
    peer: str,
    pushed: int,
    pulled: int,
    central: Mapping[uuid.UUID, int] | None,
    clock_skew_ms: int | None,
) -> None:
    row = _row(session, peer)
    row.last_attempt_at = row.last_success_at = utc_now()
    row.last_error = None
    row.pushed, row.pulled = pushed, pulled
    row.clock_skew_ms = clock_skew_ms
    if clock_skew_ms is not None:  # central's clock is the event's reference time
        clock_guard.trust(local_state(session), hlc.now_ms() - clock_skew_ms)
    if central is not None:
        row.central_vector = {device.hex: seq for device, seq in central.items()}


def _last_central(session: Session) -> SyncState | None:
    query = (
        select(SyncState)
        .where(SyncState.peer != FILE_PEER, SyncState.last_success_at.is_not(None))
        .order_by(SyncState.last_success_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def last_central_url(session: Session) -> str | None:
    row = _last_central(session)
    return row.peer if row else None


def unsynced_count(session: Session, local: VersionVector | None = None) -> int:
    """Records this laptop holds that the central database lacked at the last successful sync
    (every record, before the first one)."""
    local = version_vector(session.connection()) if local is None else local
    row = _last_central(session)
    central = {
        uuid.UUID(hex_id): int(seq) for hex_id, seq in (row.central_vector if row else {}).items()
    }
    return sum(max(0, top - central.get(device, 0)) for device, top in local.items())


def sync_status(session: Session) -> SyncStatus:
    last = _last_central(session)
    peers = tuple(
        PeerStatus(
            peer=row.peer,
            last_success_at=row.last_success_at,
            last_attempt_at=row.last_attempt_at,
            last_error=row.last_error,
            pushed=row.pushed,
            pulled=row.pulled,
            clock_skew_ms=row.clock_skew_ms,
        )
        for row in session.scalars(select(SyncState).order_by(SyncState.peer))
    )
    return SyncStatus(
        device_id=local_state(session).device_id,
        unsynced=unsynced_count(session),
        last_success_at=last.last_success_at if last else None,
        last_central=last.peer if last else None,
        peers=peers,
    )


def measured_skew_ms(session: Session) -> int | None:
    """This laptop's clock against the central server's at the last successful sync."""
    row = _last_central(session)
    return row.clock_skew_ms if row else None
