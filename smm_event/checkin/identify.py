"""The one identification of scanned text, for the desk, the trainer's door and ``badges verify``.

A scanned text is judged the same way wherever it arrives: the keyboard layout is undone
(``normalize_scan``), then the badge token is verified against the event and its keys taken
from ONE cache (``store.desk_rules``, refreshed when a key or the schedule changes) and the
person's current badge version read by primary key. Every scan that is refused is logged the
same way too: a ``checkin`` record with the raw text, the verdict, device, desk and time, so a
forged badge at a hall's door shows up in the scan log just as one at the entrance does.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from smm_event.checkin import store
from smm_event.checkin.engine import ScanIdentity, identify
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.storage import changes

__all__ = ["ScanIdentity", "identify", "identify_in_session", "log_refused_scan", "scan_fields"]

# Scanners sometimes type junk (a wrong code type, a keyboard burst): keep enough to diagnose.
MAX_RAW_TEXT = 1000


def identify_in_session(session: Session, raw_text: str) -> ScanIdentity:
    """``identify`` with the cached rules and the person's badge version read by key."""
    rules = store.desk_rules(session)

    def current_version(participant_id: uuid.UUID) -> int | None:
        entry = store.roster_entry(store.participant_row(session, rules, participant_id))
        return entry.badge_version if entry is not None else None

    return identify(raw_text, rules, current_version)


def scan_fields(
    session: Session,
    device_id: uuid.UUID,
    *,
    method: CheckinMethod,
    result: CheckinResult,
    at: dt.datetime,
    raw_text: str | None,
    desk: str | None,
    operator: str | None,
    participant_id: uuid.UUID | None,
    badge_version: int | None,
) -> dict[str, object]:
    """The fields of one logged scan (``at`` naive UTC); one shape for every door."""
    rules = store.desk_rules(session)
    desk_name = (desk or "").strip() or store.device_name(session, device_id)
    return {
        "device_id": device_id,
        "desk": desk_name[:100],
        "operator": (operator or "").strip()[:100] or None,
        "scanned_at": at,
        "local_day": rules.local_day(at),
        "method": method.value,
        "raw_text": raw_text[:MAX_RAW_TEXT] if raw_text is not None else None,
        "participant_id": participant_id,
        "badge_version": badge_version,
        "result": result.value,
    }


def log_refused_scan(
    session: Session,
    device_id: uuid.UUID,
    raw_text: str,
    identity: ScanIdentity,
    method: CheckinMethod,
    at: dt.datetime,
    desk: str | None = None,
    operator: str | None = None,
) -> uuid.UUID:
    """Log a badge refused outside the desk's check-in (the trainer's door), in the caller's
    transaction; returns the logged scan's id."""
    checkin_id = uuid.uuid4()
    fields = scan_fields(
        session,
        device_id,
        method=method,
        result=identity.verdict,
        at=at,
        raw_text=raw_text,
        desk=desk,
        operator=operator,
        participant_id=identity.check.participant_id,
        badge_version=identity.check.badge_version,
    )
    changes.record(session, "checkin", checkin_id, fields, new=True)
    return checkin_id
