"""At the desk beyond scanning: registering a walk-in and reprinting a lost badge."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from smm_event.badges import SigningKey
from smm_event.badges.store import public_keys
from smm_event.checkin import store
from smm_event.checkin.engine import DeskRules, ScanInput
from smm_event.domain.checkin import CheckinMethod, CheckinResult, WalkInOutcome
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.roster.store import parse_participant_id
from smm_event.services.checkin import as_utc, check_in_in_session
from smm_event.services.keys import can_sign, unlock_signing_key
from smm_event.storage import changes
from smm_event.storage.event_context import organization_id
from smm_event.storage.models import Organization
from smm_event.text.folding import fold
from smm_event.workspace import Workspace

REPRINT_LAYOUT = "a6"


def register_walk_in(
    ws: Workspace,
    surname: str,
    first_name: str,
    patronymic: str | None = None,
    organization: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    stream_number: int | None = None,
    desk: str | None = None,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> WalkInOutcome:
    """Add a person who is not on the roster to today's stream and check them in, in one
    transaction. They are flagged ``walk_in`` for the organizers to review, and their stream
    is locked so a later automatic assignment does not move them.

    ``stream_number`` is needed only when several streams meet today.
    """
    fields = _person_fields(surname, first_name, patronymic, phone, email)
    at = as_utc(now)
    with ws.transaction() as session:
        rules = store.desk_rules(session)
        stream_id = _todays_stream(rules, rules.local_day(at), stream_number)
        participant_id = uuid.uuid4()
        fields.update(
            event_id=rules.event_id,
            organization_id=_organization(session, rules.event_id, organization),
            stream_id=stream_id,
            stream_locked=True,
            walk_in=True,
            badge_version=1,
            deleted=False,
        )
        changes.record(session, "participant", participant_id, fields, new=True)
        session.flush()
        scan = ScanInput(CheckinMethod.WALK_IN, participant_id=participant_id)
        outcome = check_in_in_session(session, ws.device_id, scan, desk, operator, at)
    # The person was just put on today's stream, so only a bug could refuse them.
    assert outcome.participant is not None and outcome.result is CheckinResult.ADMITTED
    return WalkInOutcome(outcome.participant, outcome)


def _person_fields(
    surname: str, first_name: str, patronymic: str | None, phone: str | None, email: str | None
) -> dict[str, Any]:
    clean_surname, clean_first = normalize.name(surname), normalize.name(first_name)
    if not clean_surname or not clean_first:
        raise UserError("walk_in_name_required")
    return {
        "surname": clean_surname,
        "first_name": clean_first,
        "patronymic": normalize.patronymic(patronymic) if patronymic else None,
        "phone": _parsed(normalize.phone, phone, "bad_phone"),
        "email": _parsed(normalize.email, email, "bad_email"),
    }


def _parsed(parse: Callable[[str], str | None], value: str | None, code: str) -> str | None:
    if not value:
        return None
    try:
        return parse(value)
    except normalize.BadValue as error:
        raise UserError(code, value=value) from error


def _todays_stream(rules: DeskRules, day: dt.date, stream_number: int | None) -> uuid.UUID:
    today = rules.streams_on(day)
    if not today:
        raise UserError("no_session_today", day=day.isoformat())
    if stream_number is None:
        if len(today) > 1:
            raise UserError("choose_stream", streams=", ".join(str(s.number) for s in today))
        return today[0].id
    for stream in today:
        if stream.number == stream_number:
            return stream.id
    raise UserError("stream_not_today", number=stream_number, day=day.isoformat())


def _organization(session: Session, event_id: uuid.UUID, name: str | None) -> uuid.UUID | None:
    """The NGO by its folded name (the roster import's identity), created when new."""
    clean = normalize.clean_text(name or "")
    if clean is None:
        return None
    org_id = organization_id(event_id, fold(clean))
    if session.get(Organization, org_id) is None:
        changes.record(session, "organization", org_id, {"name": clean, "region": None}, new=True)
    return org_id


def reprint_at_desk(
    ws: Workspace,
    participant_id: uuid.UUID | str,
    key: SigningKey | str,
    layout: str = REPRINT_LAYOUT,
) -> bytes:
    """Reissue a lost badge and return the new one as a one-badge PDF.

    The older badges stop working (they verify as replaced) wherever the new version arrives.
    A laptop without the signing key raises ``UserError("no_signing_key")`` before anything
    changes, and a wrong passphrase fails before the version is bumped, so a failed reprint
    never leaves a person with a dead badge and no new one. ``key`` is the unlocked key (the
    GUI keeps it for the session) or its passphrase (the CLI).
    """
    # Imported here: PDF rendering loads reportlab, which a scan never needs.
    from smm_event.services.badges import print_badges, reissue_badge

    wanted = parse_participant_id(participant_id)
    if not can_sign(ws):
        raise UserError("no_signing_key")
    signing = unlock_signing_key(ws, key) if isinstance(key, str) else key
    with ws.reading() as session:  # a key remembered from before a rotation: refuse first
        if signing.key_id not in public_keys(session):
            raise UserError("signing_key_retired", key_id=signing.key_id)
    reissue_badge(ws, wanted)
    out = io.BytesIO()
    print_badges(ws, signing, out, layout=layout, participant_ids=[wanted])
    return out.getvalue()
