"""At the desk beyond scanning: registering a walk-in and reprinting a lost badge."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from typing import Any

from smm_event.badges import SigningKey
from smm_event.badges.store import public_keys
from smm_event.checkin import store
from smm_event.checkin.engine import DeskRules, ScanInput
from smm_event.domain.checkin import CheckinMethod, CheckinResult, WalkInOutcome
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.roster.store import load_participant, organization_for_name, parse_participant_id
from smm_event.services.checkin import as_utc, check_in_in_session
from smm_event.services.keys import can_sign, unlock_signing_key
from smm_event.storage import changes
from smm_event.text.folding import fold, fold_phone_digits
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
            organization_id=organization_for_name(session, rules.event_id, organization),
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


def badge_at_desk(
    ws: Workspace,
    participant_id: uuid.UUID | str,
    key: SigningKey | str,
    layout: str = REPRINT_LAYOUT,
) -> bytes:
    """The person's current badge as a one-badge PDF, not reissued (a walk-in's first badge,
    printed right after registration). Logged as printed like every badge."""
    from smm_event.services.badges import print_badges

    wanted = parse_participant_id(participant_id)
    if not can_sign(ws):
        raise UserError("no_signing_key")
    signing = unlock_signing_key(ws, key) if isinstance(key, str) else key
    with ws.reading() as session:
        if signing.key_id not in public_keys(session):
            raise UserError("signing_key_retired", key_id=signing.key_id)
    out = io.BytesIO()
    print_badges(ws, signing, out, layout=layout, participant_ids=[wanted])
    return out.getvalue()


def matching_people(
    ws: Workspace,
    surname: str = "",
    first_name: str = "",
    phone: str | None = None,
    email: str | None = None,
    organization: str | None = None,
    limit: int = 5,
) -> tuple[ParticipantInfo, ...]:
    """People already on the roster who may be the walk-in being typed: the same surname and
    first name after folding (ё = е, case, hyphens), the same phone (last ten digits) or
    e-mail, or the same surname at the same organization. Best reasons first."""
    from smm_event.services.desk_search import name_index  # the desk's cached index

    wanted_name = (fold(surname), fold(first_name))
    wanted_phone = fold_phone_digits(phone or "")[-10:]
    wanted_email = (email or "").strip().casefold()
    wanted_org = fold(organization or "")
    scored: list[tuple[int, uuid.UUID]] = []
    with ws.reading() as session:
        for person in name_index(session).people:
            name = (fold(person.surname), fold(person.first_name))
            score = 0
            if wanted_name[0] and wanted_name == name:
                score += 4
            if (
                len(wanted_phone) >= 7
                and fold_phone_digits(person.phone or "")[-10:] == wanted_phone
            ):
                score += 3
            if wanted_email and (person.email or "").casefold() == wanted_email:
                score += 3
            if (
                wanted_org
                and wanted_name[0] == name[0]
                and fold(person.organization or "") == wanted_org
            ):
                score += 2
            if score:
                scored.append((score, person.id))
        scored.sort(key=lambda item: -item[0])
        return tuple(load_participant(session, pid) for _score, pid in scored[:limit])


def record_consent(
    ws: Workspace, participant_id: uuid.UUID | str, now: dt.datetime | None = None
) -> ParticipantInfo:
    """The person signed the consent to the processing of personal data at the desk today."""
    wanted = parse_participant_id(participant_id)
    at = as_utc(now)
    with ws.transaction() as session:
        day = store.desk_rules(session).local_day(at)
        load_participant(session, wanted)  # NotFound for an unknown or deleted person
        changes.record(session, "participant", wanted, {"consent": True, "consent_date": day})
        return load_participant(session, wanted)
