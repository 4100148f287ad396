"""Far-future field edits applied once real time catches up: a record withheld only because
its stamp was more than 24 h ahead (reason ``clock_ahead``) is otherwise authorized (chain,
signature, role, payload were checked before the clock), so when this laptop's trusted "now"
comes within 24 h of its stamp it is applied and leaves quarantine. Re-checked on every open
and after every sync or import (docs/sync.md, "Clocks")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.storage import hlc as hlc_clock
from smm_event.storage.changes import apply_change, local_state
from smm_event.storage.clock_guard import trusted_now_ms
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.trust_models import QuarantinedRecord

CLOCK_AHEAD = "clock_ahead"


def release_ripe(session: Session, now_ms: int | None = None) -> int:
    """Apply the withheld far-future edits that are no longer ahead; returns how many."""
    held = session.scalars(
        select(QuarantinedRecord).where(
            QuarantinedRecord.reason == CLOCK_AHEAD, QuarantinedRecord.stored.is_(True)
        )
    ).all()
    if not held:
        return 0
    horizon = (trusted_now_ms(local_state(session)) if now_ms is None else now_ms) + (
        hlc_clock.MAX_FORWARD_SKEW_MS
    )
    released = 0
    for row in sorted(held, key=lambda r: str(r.record.get("hlc", ""))):
        change = session.get(ChangeRecord, (row.device_id, row.seq))
        if change is None or _wall_ms(change.hlc) > horizon:
            continue
        session.delete(row)
        session.flush()  # out of quarantine before the merge folds the row's changes
        apply_change(session, change)
        released += 1
    return released


def _wall_ms(stamp: str) -> int:
    try:
        return hlc_clock.Hlc.parse(stamp).wall_ms
    except ValueError:
        return 2**62  # a stamp that cannot be read never ripens
