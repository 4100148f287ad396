"""An organizer lets a person in on a day their stream does not meet («Пропустить всё равно»).

The desk refused the scan (``wrong_stream_day``, logged like every scan); an organizer decides
the person may attend anyway (came to the wrong day by mistake, a make-up day). The admission
is a new ``checkin`` record with method ``override``, the reason and the organizer who allowed
it, replicated and signed by this laptop like every scan. It counts as an arrival (the day's
«по исключению» count), shows in the scan log and in the person's history, and can be annulled
like any admission.

Who may allow it: on the organizer's laptop (the trust anchor, or a station with the organizer
role) the organizer is at the keyboard and only the reason is asked. On a desk laptop the name
of the organizer who allowed it (in person or by phone) is required too; the receivers accept
an override from a desk only with both (``trust.roles`` RULES, docs/trust.md).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from smm_event.checkin import store
from smm_event.checkin.engine import ScanInput
from smm_event.domain.checkin import CheckinMethod, CheckinOutcome
from smm_event.errors import UserError
from smm_event.roster.store import parse_participant_id
from smm_event.services.checkin import as_utc, check_in_in_session
from smm_event.storage import changes
from smm_event.storage.entities import entity_spec
from smm_event.trust.roles import Role, parse_roles
from smm_event.workspace import Workspace

MAX_REASON = 500
MAX_NAME = 100


def laptop_is_organizers(ws: Workspace) -> bool:
    """True when this laptop speaks for the organizers (no other confirmation is asked)."""
    with ws.reading() as session:
        return _is_organizers(session)


def check_in_override(
    ws: Workspace,
    participant_id: uuid.UUID | str,
    reason: str,
    approved_by: str | None = None,
    desk: str | None = None,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> CheckinOutcome:
    """Admit a person whose stream does not meet today. Refused, with nothing written: no
    reason (``override_reason_required``), too long (``override_reason_too_long``), no
    organizer named on a desk laptop (``override_approver_required``), a person whose stream
    meets today or who has none (``override_not_needed``)."""
    wanted = parse_participant_id(participant_id)
    why = " ".join((reason or "").split())
    if not why:
        raise UserError("admission_override_reason_required")
    if len(why) > MAX_REASON:
        raise UserError("override_reason_too_long", max_length=MAX_REASON)
    approver = " ".join((approved_by or "").split())[:MAX_NAME]
    at = as_utc(now)
    with ws.transaction() as session:
        if not approver:
            if not _is_organizers(session):
                raise UserError("override_approver_required")
            approver = (operator or "").strip()[:MAX_NAME] or store.device_name(
                session, ws.device_id
            )
        _check_needed(session, wanted, at)
        scan = ScanInput(CheckinMethod.OVERRIDE, participant_id=wanted)
        extra = {"override_reason": why, "override_by": approver}
        return check_in_in_session(session, ws.device_id, scan, desk, operator, at, extra)


def _check_needed(session: Session, participant_id: uuid.UUID, at: dt.datetime) -> None:
    rules = store.desk_rules(session)
    found = store.participant_row(session, rules, participant_id)
    if found is None:
        return  # logged as unknown_participant by the check-in itself
    stream = rules.streams.get(found[0].stream_id) if found[0].stream_id is not None else None
    if stream is None or rules.local_day(at) in stream.days:
        raise UserError("override_not_needed")


def _is_organizers(session: Session) -> bool:
    state = changes.local_state(session)
    if state.anchor_device is None or state.anchor_device == state.device_id:
        return True  # no trust set up yet (one laptop), or the trust anchor itself
    station = session.get(entity_spec("station").model, state.device_id)
    return station is not None and Role.ORGANIZER in parse_roles(getattr(station, "roles", ""))
