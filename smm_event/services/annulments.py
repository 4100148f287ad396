"""Undo a wrong admission at the desk: the check-in is annulled with a reason.

The scan itself stays in the log (a scan happened; it is never re-judged) and an insert-only
``checkin_annulment`` record, replicated like the scans, says it no longer counts: not as the
day's admission, not in the counts, not for the repeat check (the right person can then be
admitted). The attendance mark the admission wrote at the desk (source ``desk``, same device,
same instant) is withdrawn with it; a trainer's own mark is a different version and stays.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.domain.attendance import MarkSource
from smm_event.domain.checkin import AnnulmentResult, CheckinResult
from smm_event.errors import NotFound, UserError
from smm_event.services.checkin import as_utc
from smm_event.storage import changes
from smm_event.storage.models import AttendanceMark, Checkin, CheckinAnnulment, Participant
from smm_event.text.names import full_name
from smm_event.workspace import Workspace

MAX_REASON = 500


def annul_checkin(
    ws: Workspace,
    checkin_id: uuid.UUID | str,
    reason: str,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> AnnulmentResult:
    """Annul an admitted check-in (``reason`` required). Refused: an unknown id
    (``checkin_not_found``), a scan that admitted nobody (``checkin_not_admitted``), one
    already annulled (``checkin_already_annulled``); nothing changes then."""
    wanted = _checkin_id(checkin_id)
    why = " ".join((reason or "").split())
    if not why:
        raise UserError("annul_reason_required")
    if len(why) > MAX_REASON:
        raise UserError("annul_reason_too_long", max_length=MAX_REASON)
    with ws.transaction() as session:
        scan = session.get(Checkin, wanted)
        if scan is None:
            raise NotFound("checkin_not_found", checkin=str(checkin_id))
        if scan.result != CheckinResult.ADMITTED.value:
            raise UserError("checkin_not_admitted", result=scan.result)
        if annulled(session, wanted):
            raise UserError("checkin_already_annulled", checkin=str(wanted))
        mark_id = session.scalar(
            select(AttendanceMark.id).where(
                AttendanceMark.participant_id == scan.participant_id,
                AttendanceMark.source == MarkSource.DESK.value,
                AttendanceMark.device_id == scan.device_id,
                AttendanceMark.marked_at == scan.scanned_at,
            )
        )
        annulment_id = uuid.uuid4()
        changes.record(
            session,
            "checkin_annulment",
            annulment_id,
            {
                "checkin_id": wanted,
                "participant_id": scan.participant_id,
                "mark_id": mark_id,
                "reason": why,
                "annulled_at": as_utc(now),
                "device_id": ws.device_id,
                "operator": (operator or "").strip()[:100] or None,
            },
            new=True,
        )
        person = session.get(Participant, scan.participant_id) if scan.participant_id else None
        name = full_name(person.surname, person.first_name, person.patronymic) if person else None
        return AnnulmentResult(
            annulment_id, wanted, scan.participant_id, name, why, mark_id is not None
        )


def annulled(session: Session, checkin_id: uuid.UUID) -> bool:
    query = select(CheckinAnnulment.id).where(CheckinAnnulment.checkin_id == checkin_id)
    return session.scalar(query.limit(1)) is not None


def _checkin_id(value: uuid.UUID | str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(value.strip())
    except ValueError as error:
        raise UserError("bad_checkin_id", value=value) from error
