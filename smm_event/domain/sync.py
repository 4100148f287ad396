"""Sync as the UI and the CLI see it: results, progress, status and the needs-attention list."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SyncPhase(StrEnum):
    CONNECTING = "connecting"
    PUSHING = "pushing"
    PULLING = "pulling"
    IMPORTING = "importing"
    CHECKING = "checking"  # computing the needs-attention list
    DONE = "done"


@dataclass(frozen=True)
class SyncProgress:
    """Reported after every batch. ``total`` counts the records of the current phase."""

    phase: SyncPhase
    done: int
    total: int
    pushed: int = 0
    pulled: int = 0


@dataclass(frozen=True)
class SyncResult:
    central: str  # the central database's address, without the password
    pushed: int  # records central lacked and got from this laptop
    pulled: int  # records this laptop lacked and got from central
    attention: int  # items on the needs-attention list after the sync
    cancelled: bool
    started_at: dt.datetime  # naive UTC
    finished_at: dt.datetime
    clock_skew_ms: int | None = None  # this laptop's clock minus the central server's
    skipped_unknown: int = 0  # records of kinds this version does not know (kept, not applied)
    verified: int = 0  # records the organizer's laptop added to central's verified copy


@dataclass(frozen=True)
class ConnectionCheck:
    central: str
    server_version: str
    schema_revision: str | None  # None: an empty database, the first sync creates the schema
    schema_current: bool
    event_names: tuple[str, ...]
    devices: int
    changes: int
    clock_skew_ms: int


@dataclass(frozen=True)
class BundleSummary:
    """What an exported (or about to be imported) bundle holds."""

    path: str
    format_version: int
    records: int
    devices: Mapping[str, int]  # device id (hex) -> highest sequence number in the bundle
    event_id: uuid.UUID | None
    event_name: str | None
    exported_by: uuid.UUID
    created_at: dt.datetime
    sha256: str  # of the records file inside the bundle


@dataclass(frozen=True)
class ImportResult:
    bundle: BundleSummary
    imported: int  # records this laptop did not have
    already_present: int
    attention: int
    cancelled: bool
    skipped_unknown: int = 0


@dataclass(frozen=True)
class PeerStatus:
    peer: str  # the central address, or "file" for bundles
    last_success_at: dt.datetime | None  # naive UTC
    last_attempt_at: dt.datetime | None
    last_error: str | None  # an error code
    pushed: int
    pulled: int
    clock_skew_ms: int | None


@dataclass(frozen=True)
class SyncStatus:
    device_id: uuid.UUID
    unsynced: int  # records central did not have at the last successful sync
    last_success_at: dt.datetime | None  # with any central database, naive UTC
    last_central: str | None
    peers: tuple[PeerStatus, ...] = ()


class AttentionKind(StrEnum):
    # An admitted scan of a badge older than the participant's current one (the desk did not
    # know about the reissue yet): possibly a lost badge in someone else's hands.
    ADMITTED_WITH_REPLACED_BADGE = "admitted_with_replaced_badge"
    # A refused scan of a replaced badge.
    REPLACED_BADGE_SCANNED = "replaced_badge_scanned"
    # The same person admitted the same day at two desks or laptops (offline duplicates).
    DUPLICATE_ADMISSION = "duplicate_admission"
    # A walk-in with the phone, e-mail or name of someone else on the roster.
    POSSIBLE_DUPLICATE_WALK_IN = "possible_duplicate_walk_in"
    # Check-ins or marks stamped outside the event's dates by a laptop's clock.
    CLOCK_OUTSIDE_EVENT = "clock_outside_event"
    # A laptop's wall clock was behind the stamps it had already seen from others.
    CLOCK_BEHIND = "clock_behind"
    # A laptop recorded changes with wall-clock times in this laptop's future.
    CLOCK_AHEAD = "clock_ahead"
    # Measured at sync: this laptop's clock differs from the central server's.
    CLOCK_SKEW_AT_SYNC = "clock_skew_at_sync"
    # Different statuses for one session and participant set on different laptops.
    CONFLICTING_MARKS = "conflicting_marks"
    # Different accelerator decisions for one person on different laptops.
    CONFLICTING_SELECTION = "conflicting_selection"
    # After merging, the accelerator has more people than places (in all, in a track or from
    # one NGO): laptops saved or accepted different people offline.
    SELECTION_OVER_LIMIT = "selection_over_limit"
    # Records received but not applied (docs/trust.md): unknown or revoked station, forged
    # signature, broken chain, a station writing what its role may not, an invalid payload, a
    # far-future field edit. One item per station and reason; details: reason, count, entities.
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class AttentionItem:
    kind: AttentionKind
    participant_id: uuid.UUID | None = None
    participant_name: str | None = None
    day: dt.date | None = None
    device_ids: tuple[uuid.UUID, ...] = ()
    device_names: tuple[str, ...] = ()
    record_ids: tuple[str, ...] = ()  # check-in, mark or participant ids, as text
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VerifyReport:
    """This laptop's replicated tables against central's (derived local columns left out)."""

    central: str
    identical: bool
    different_tables: tuple[str, ...]
    local_rows: int
    central_rows: int
