"""Sync use cases: with the central database, by bundle file, and what to look at afterwards.

Long ones take ``progress`` (a plain callable receiving ``SyncProgress`` after every batch) and
``cancel`` (a ``threading.Event``; the run stops between batches, and everything already
committed stays: the next run continues from there)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from smm_event.domain.sync import (
    AttentionItem,
    BundleSummary,
    ConnectionCheck,
    ImportResult,
    SyncPhase,
    SyncProgress,
    SyncResult,
    SyncStatus,
    VerifyReport,
)
from smm_event.errors import UserError
from smm_event.storage import migrate
from smm_event.storage.changes import utc_now
from smm_event.storage.changeset import VersionVector, version_vector
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Device, Event
from smm_event.sync import bundle as bundles
from smm_event.sync import central as central_db
from smm_event.sync import state
from smm_event.sync.attention import needs_attention
from smm_event.sync.canonical import canonical_state
from smm_event.sync.central_backfill import backfill_chain
from smm_event.sync.central_verify import publish_verified
from smm_event.sync.protocol import BATCH_SIZE, Progress, receive_in, synchronize
from smm_event.trust.verify import Verifier
from smm_event.workspace import Workspace


def resolve_central(ws: Workspace, central: str | None) -> str:
    """The given address, else the one this laptop last synced with."""
    if central:
        return central
    with ws.reading() as session:
        last = state.last_central_url(session)
    if last is None:
        raise UserError("no_central_url")
    return last


def sync_with_central(
    ws: Workspace,
    central: str | None = None,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> SyncResult:
    """Push what central lacks, pull what this laptop lacks, then list what needs attention.
    The password: the argument, the URL, or the OS keyring."""
    engine, display = central_db.central_engine(resolve_central(ws, central), password)
    started = utc_now()
    try:
        central_db.prepare_central(engine)
        outcome = synchronize(ws, engine, progress, cancel, batch_size)
        if not outcome.cancelled:
            backfill_chain(ws, engine)  # records central got before the log was signed
        # The organizer's laptop, logged in as the owner, vouches for what it has verified.
        verified = 0 if outcome.cancelled else publish_verified(ws, engine, batch_size)
    except UserError as error:
        _remember(ws, display, error.code)
        raise
    except DBAPIError as error:
        failure = central_db.connection_error(error)
        _remember(ws, display, failure.code)
        raise failure from error
    finally:
        engine.dispose()
    if progress is not None:
        progress(SyncProgress(SyncPhase.CHECKING, 0, 0, outcome.pushed, outcome.pulled))
    attention = _attention_count(ws)
    with ws.transaction() as session:
        if outcome.cancelled:
            state.record_failure(session, display, "cancelled")
        else:
            state.record_success(
                session,
                display,
                outcome.pushed,
                outcome.pulled,
                outcome.central_vector,
                outcome.clock_skew_ms,
            )
    if progress is not None:
        progress(SyncProgress(SyncPhase.DONE, 1, 1, outcome.pushed, outcome.pulled))
    return SyncResult(
        central=display,
        pushed=outcome.pushed,
        pulled=outcome.pulled,
        attention=attention,
        cancelled=outcome.cancelled,
        started_at=started,
        finished_at=utc_now(),
        clock_skew_ms=outcome.clock_skew_ms,
        skipped_unknown=outcome.skipped_unknown,
        verified=verified,
    )


# Workspace path -> (when, version vector, count): a sync that brought nothing new reuses the
# count for a minute instead of scanning every record again (the list itself is always fresh).
_ATTENTION_COUNTS: dict[str, tuple[float, VersionVector, int]] = {}
ATTENTION_COUNT_TTL_S = 60.0


def _attention_count(ws: Workspace) -> int:
    with ws.reading() as session:
        vector = version_vector(session.connection())
        cached = _ATTENTION_COUNTS.get(str(ws.path))
        if cached and cached[1] == vector and time.monotonic() - cached[0] < ATTENTION_COUNT_TTL_S:
            return cached[2]
        count = len(needs_attention(session))
    _ATTENTION_COUNTS[str(ws.path)] = (time.monotonic(), vector, count)
    return count


def _remember(ws: Workspace, peer: str, code: str) -> None:
    with ws.transaction() as session:
        state.record_failure(session, peer, code)


def check_central(central: str, password: str | None = None) -> ConnectionCheck:
    """«Test connection»: reach the server and describe what is there, changing nothing."""
    engine, display = central_db.central_engine(central, password)
    try:
        with central_db.connected(engine) as connection:
            version = str(connection.scalar(text("SHOW server_version")))
            revision = central_db.schema_revision(connection)
            skew = central_db.server_clock_skew_ms(connection)
            names: tuple[str, ...] = ()
            devices = changes = 0
            if revision is not None:
                names = tuple(connection.scalars(select(Event.name).order_by(Event.name)))
                devices = connection.scalar(select(func.count()).select_from(Device)) or 0
                changes = connection.scalar(select(func.count()).select_from(ChangeRecord)) or 0
    finally:
        engine.dispose()
    return ConnectionCheck(
        central=display,
        server_version=version,
        schema_revision=revision,
        schema_current=revision == migrate.head_revision(),
        event_names=names,
        devices=devices,
        changes=changes,
        clock_skew_ms=skew,
    )


def save_central_password(central: str, password: str) -> None:
    """Keep the password in the OS keyring (never in a file) for later syncs."""
    central_db.store_password(central_db.parse_central_url(central), password)


def forget_central_password(central: str) -> None:
    central_db.forget_password(central_db.parse_central_url(central))


def export_changes(ws: Workspace, out: Path) -> BundleSummary:
    summary = bundles.export_bundle(ws, out)
    with ws.transaction() as session:
        state.record_success(session, state.FILE_PEER, summary.records, 0, None, None)
    return summary


def import_changes(
    ws: Workspace,
    path: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Verify the whole bundle, then merge what this laptop lacks in ONE transaction: a file
    is applied whole or not at all (a failure or a cancel at any batch leaves the workspace as
    it was). Batches only pace the merge and the progress reports."""
    bundle = bundles.read_bundle(path)
    wanted = bundles.check_against(ws, bundle)
    wanted.sort(key=lambda c: (c.hlc, c.device_id.hex, c.seq))
    imported = skipped = 0
    cancelled = False
    verifier = Verifier(bundle.changes, validated=True)  # read_bundle validated every record
    try:
        with ws.transaction() as session:
            for start in range(0, len(wanted), batch_size):
                if cancel is not None and cancel.is_set():
                    raise _Cancelled
                batch = wanted[start : start + batch_size]
                skipped += receive_in(session, batch, verifier, None)
                imported += len(batch)
                if progress is not None:
                    progress(SyncProgress(SyncPhase.IMPORTING, imported, len(wanted), 0, imported))
    except _Cancelled:
        imported = skipped = 0
        cancelled = True
    attention = _attention_count(ws)
    with ws.transaction() as session:
        state.record_success(session, state.FILE_PEER, 0, imported, None, None)
    return ImportResult(
        bundle=bundle.summary,
        imported=imported,
        already_present=len(bundle.changes) - len(wanted),
        attention=attention,
        cancelled=cancelled,
        skipped_unknown=skipped,
    )


class _Cancelled(Exception):
    """Raised inside the import transaction to roll it back."""


def sync_status(ws: Workspace) -> SyncStatus:
    with ws.reading() as session:
        return state.sync_status(session)


def unsynced_changes(ws: Workspace) -> int:
    """For the status bar: records the central database lacked at the last successful sync."""
    with ws.reading() as session:
        return state.unsynced_count(session)


def attention_list(ws: Workspace) -> tuple[AttentionItem, ...]:
    with ws.reading() as session:
        return tuple(needs_attention(session))


def compare_with_central(ws: Workspace, central: str, password: str | None = None) -> VerifyReport:
    """Whether this laptop and central hold the same replicated data (run after a sync)."""
    engine, display = central_db.central_engine(central, password)
    try:
        with central_db.connected(engine) as connection:
            theirs = canonical_state(connection)
    finally:
        engine.dispose()
    with ws.reading() as session:
        mine = canonical_state(session.connection())
    different = tuple(
        name for name in sorted(set(mine) | set(theirs)) if mine.get(name) != theirs.get(name)
    )
    return VerifyReport(
        central=display,
        identical=not different,
        different_tables=different,
        local_rows=sum(map(len, mine.values())),
        central_rows=sum(map(len, theirs.values())),
    )
