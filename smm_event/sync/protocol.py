"""The sync protocol between one laptop and the central database.

1. Both sides' version vectors: per origin device, the highest seq up to which a side holds
   every change (see ``changeset.version_vector``).
2. Push: the changes central lacks, per origin device (this laptop's own and any it relays),
   in HLC order, a batch per central transaction: the change log rows
   (``INSERT ... ON CONFLICT DO NOTHING``) and their merge into central's state tables commit
   together or not at all, so a half-pushed batch cannot exist.
3. Pull: the changes this laptop lacks, the same way, a batch per local transaction.

Nothing else is remembered between runs: a run killed at any moment leaves whole batches on
either side, and the next run's vectors start from there. Order never depends on device clocks
for correctness (the merge rules are order-independent); HLC order only keeps causes first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from smm_event.domain.event import event_label
from smm_event.domain.sync import SyncPhase, SyncProgress
from smm_event.errors import UserError
from smm_event.storage import changes, clock_guard, hlc
from smm_event.storage.changeset import (
    COLUMNS,
    Change,
    Ranges,
    VersionVector,
    change_from_row,
    count_of,
    lacking,
    read_batches,
    version_vector,
)
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Event
from smm_event.storage.validation import refuse_invalid_records
from smm_event.sync import apply
from smm_event.sync.central import connected, connection_error, server_clock_skew_ms
from smm_event.trust import quarantine, ripening
from smm_event.trust.verify import Verifier, far_future
from smm_event.workspace import Workspace

# Records per transaction. Each batch costs a commit (an fsync on either side) and a few round
# trips; 5,000 halved that overhead of a 100,000-record push against 1,000 and still lets
# «Отмена» stop within a second or so.
BATCH_SIZE = 5000
RETRIES = 5
# Deadlock, serialization failure, unique violation: another laptop's concurrent batch won a
# race; the batch is retried from the start in a new transaction.
RETRYABLE = {"40P01", "40001", "23505"}

Progress = Callable[[SyncProgress], None]


@dataclass(frozen=True)
class Outcome:
    pushed: int
    pulled: int
    skipped_unknown: int
    cancelled: bool
    central_vector: VersionVector
    clock_skew_ms: int


@dataclass
class _Run:
    progress: Progress | None
    cancel: threading.Event | None
    batch_size: int
    pushed: int = 0
    pulled: int = 0
    skipped: int = 0

    def report(self, phase: SyncPhase, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(phase, done, total, self.pushed, self.pulled))

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()


def synchronize(
    ws: Workspace,
    engine: Engine,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> Outcome:
    run = _Run(progress, cancel, batch_size)
    run.report(SyncPhase.CONNECTING, 0, 0)
    with connected(engine) as connection:
        central = version_vector(connection)
        skew = server_clock_skew_ms(connection)
        _check_compatible(ws, connection, central)
    local = _local_vector(ws)
    push_ranges = lacking(local, central)
    _push(ws, engine, push_ranges, run, skew)
    if not run.cancelled:
        with connected(engine) as connection:
            central = version_vector(connection)
        _pull(ws, engine, lacking(central, _local_vector(ws)), run, skew)
    return Outcome(run.pushed, run.pulled, run.skipped, run.cancelled, central, skew)


def _local_vector(ws: Workspace) -> VersionVector:
    with ws.reading() as session:
        return version_vector(session.connection())


def _check_compatible(ws: Workspace, connection: Connection, central: VersionVector) -> None:
    """Refuse what would mix or lose data: a central database of another event, or a laptop
    whose device id another laptop also uses (a copied workspace file)."""
    with ws.reading() as session:
        state = changes.local_state(session)
        device, event_id, last_seq = state.device_id, state.event_id, state.last_seq
        central_events = {
            row.id: event_label(row.name, row.id, row.starts_on, row.ends_on)
            for row in connection.execute(
                select(Event.id, Event.name, Event.starts_on, Event.ends_on)
            )
        }
        if event_id is not None and central_events and event_id not in central_events:
            event = session.get(Event, event_id)
            ours = (
                event_label(event.name, event.id, event.starts_on, event.ends_on) if event else ""
            )
            raise UserError(
                "central_other_event", central="; ".join(sorted(central_events.values())), ours=ours
            )
        probe = min(last_seq, central.get(device, 0))
        if probe > 0:
            mine = session.get(ChangeRecord, (device, probe))
            theirs = connection.scalar(
                select(ChangeRecord.hlc).where(
                    ChangeRecord.device_id == device, ChangeRecord.seq == probe
                )
            )
            if mine is not None and theirs is not None and mine.hlc != theirs:
                raise UserError("device_clash", device=str(device))


def _push(ws: Workspace, engine: Engine, ranges: Ranges, run: _Run, skew_ms: int) -> None:
    total = count_of(ranges)
    if not total:
        return
    run.report(SyncPhase.PUSHING, 0, total)
    with ws.reading() as local, connected(engine) as connection:
        for batch in read_batches(local.connection(), ranges, run.batch_size):
            if run.cancelled:
                return
            # What this laptop quarantined travels (others judge it themselves) unapplied, and
            # so do field edits stamped far ahead of central's clock.
            held = quarantine.withheld_keys(local, (change.key for change in batch))
            refuse_invalid_records(change for change in batch if change.key not in held)
            rows = quarantine.rows_for(local, held)
            horizon = hlc.now_ms() - skew_ms + hlc.MAX_FORWARD_SKEW_MS
            ahead = [c for c in far_future(batch, horizon) if c.key not in held]
            rows += quarantine.rows_of(ahead, "clock_ahead", stored=True)
            run.skipped += push_batch(connection, batch, rows)
            run.pushed += len(batch)
            run.report(SyncPhase.PUSHING, run.pushed, total)


def push_batch(
    connection: Connection, batch: Sequence[Change], held: Sequence[dict[str, Any]] = ()
) -> int:
    """One central transaction: the batch's change log rows and their merge, retried when a
    concurrent laptop's batch made PostgreSQL abort it. ``held``: quarantine rows of records
    of the batch that are stored but not applied."""
    withheld = {(row["device_id"], row["seq"]) for row in held}
    for attempt in range(RETRIES):
        try:
            with Session(bind=connection) as session, session.begin():
                quarantine.write_rows(session, list(held))
                return apply.store_and_apply(session, batch, withheld)
        except OperationalError as error:
            if _sqlstate(error) in RETRYABLE and attempt + 1 < RETRIES:
                time.sleep(0.05 * (attempt + 1))
                continue
            raise connection_error(error) from error
        except DBAPIError as error:
            if _sqlstate(error) in RETRYABLE and attempt + 1 < RETRIES:
                time.sleep(0.05 * (attempt + 1))
                continue
            raise
    raise AssertionError("unreachable")


def station_changes(connection: Connection) -> list[Change]:
    """Every station record the database holds (a few dozen at most)."""
    query = select(*COLUMNS).where(ChangeRecord.entity == "station")
    return [change_from_row(row) for row in connection.execute(query)]


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _pull(ws: Workspace, engine: Engine, ranges: Ranges, run: _Run, skew_ms: int) -> None:
    total = count_of(ranges)
    if not total:
        return
    done = 0
    run.report(SyncPhase.PULLING, 0, total)
    with connected(engine) as connection:
        # Station records first, so a station enrolled after this laptop's last sync is known
        # whichever batch its first records arrive in.
        verifier = Verifier(station_changes(connection))
        for batch in read_batches(connection, ranges, run.batch_size):
            if run.cancelled:
                return
            # Invalid records are quarantined by the verifier, not fatal: the rest still syncs.
            run.skipped += receive_batch(ws, batch, skew_ms, verifier)
            done += len(batch)
            run.pulled = done
            run.report(SyncPhase.PULLING, done, total)


def receive_batch(
    ws: Workspace,
    batch: Sequence[Change],
    server_skew_ms: int | None = None,
    verifier: Verifier | None = None,
) -> int:
    """Verify received changes, then store and merge what passed in one local transaction
    (also used by bundles); what did not pass goes to quarantine (smm_event/trust/verify.py)."""
    verifier = verifier or Verifier(batch)
    with ws.transaction() as session:
        return receive_in(session, batch, verifier, server_skew_ms)


def receive_in(
    session: Session, batch: Sequence[Change], verifier: Verifier, server_skew_ms: int | None
) -> int:
    """``receive_batch`` inside the caller's transaction (a bundle is one transaction)."""
    verdict = verifier.check(session, batch, server_skew_ms)
    # Quarantine first: a row created from its logged changes must not fold in a withheld one.
    quarantine.keep(session, verdict)
    skipped = apply.store_and_apply(session, verdict.accepted, verdict.withheld)
    if verdict.accepted:
        after_receiving(session, verdict.accepted, server_skew_ms)
    ripening.release_ripe(session)
    return skipped


def after_receiving(session: Session, batch: Sequence[Change], server_skew_ms: int | None) -> None:
    """Advance this laptop's clock past what it received; take back this device's own changes
    (a workspace restored from a backup must not reuse their sequence numbers); adopt the
    event when an empty workspace received one.

    The clock refuses stamps far ahead of the wall clock (a laptop set to next year must not
    drag everyone's stamps along), but a laptop whose own clock is far *behind* would then
    refuse every genuine stamp and its later edits would lose to edits it had already seen.
    When syncing with central, the server's clock (``server_skew_ms``: this laptop's clock
    minus the server's) decides what counts as the future instead."""
    state = changes.local_state(session)
    latest = hlc.Hlc.parse(max(change.hlc for change in batch))
    wall = clock_guard.trusted_now_ms(state)
    if server_skew_ms is not None:
        wall = max(wall, wall - server_skew_ms)
    state.hlc_wall_ms, state.hlc_counter = hlc.observe(
        state.hlc_wall_ms, state.hlc_counter, latest, wall
    )
    own = [change.seq for change in batch if change.device_id == state.device_id]
    if own and max(own) > state.last_seq:
        state.last_seq = max(own)
    if state.event_id is None:
        events = list(session.scalars(select(Event.id).limit(2)))
        if len(events) == 1:
            state.event_id = events[0]
