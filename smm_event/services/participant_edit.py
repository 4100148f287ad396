"""Editing the roster by hand: fix a person's fields, add a person, withdraw one (отказ) and
take them back. Every edit is a change record, so it replicates and shows in the history.

Values are cleaned and checked as the roster import checks a file's cells (one rule for both):
names re-cased, phones to ``+7…``, e-mails lower-case; a bad value is a ``UserError`` and
nothing is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from smm_event.domain.participants import ParticipantDraft, ParticipantInfo
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.roster.store import load_participant, organization_for_name, parse_participant_id
from smm_event.storage import changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace

MAX_REASON = 500
GENDERS = (None, "male", "female")


def update_participant(
    ws: Workspace, participant_id: uuid.UUID | str, draft: ParticipantDraft
) -> ParticipantInfo:
    """Write the fields that differ from what is stored (none: nothing is written)."""
    wanted = parse_participant_id(participant_id)
    fields = clean_draft(draft)
    with ws.transaction() as session:
        event = current_event(session)
        load_participant(session, wanted)
        row = session.get_one(Participant, wanted)
        fields["organization_id"] = organization_for_name(session, event.id, draft.organization)
        changed = {name: value for name, value in fields.items() if getattr(row, name) != value}
        if changed:
            changes.record(session, "participant", wanted, changed)
            session.flush()
        return load_participant(session, wanted)


def add_participant(ws: Workspace, draft: ParticipantDraft) -> ParticipantInfo:
    """A person added by hand (not a walk-in: they are on the roster from now on)."""
    fields = clean_draft(draft)
    with ws.transaction() as session:
        event = current_event(session)
        fields["organization_id"] = organization_for_name(session, event.id, draft.organization)
        fields.update(
            event_id=event.id,
            stream_locked=False,
            walk_in=False,
            badge_version=1,
            deleted=False,
            withdrawn=False,
        )
        new_id = uuid.uuid4()
        changes.record(session, "participant", new_id, fields, new=True)
        session.flush()
        return load_participant(session, new_id)


def withdraw_participant(
    ws: Workspace, participant_id: uuid.UUID | str, reason: str
) -> ParticipantInfo:
    """Отказ: the person leaves their stream (locked, so no assignment run puts them back) and
    with it the expected counts, sign-in sheets and eligibility; their row, check-ins, marks
    and history stay."""
    text = normalize.clean_text(reason or "")
    if text is None:
        raise UserError("withdrawal_reason_required")
    if len(text) > MAX_REASON:
        raise UserError(
            "field_too_long", entity="participant", field="withdrawal_reason", limit=MAX_REASON
        )
    wanted = parse_participant_id(participant_id)
    with ws.transaction() as session:
        load_participant(session, wanted)
        changes.record(
            session,
            "participant",
            wanted,
            {
                "withdrawn": True,
                "withdrawal_reason": text,
                "stream_id": None,
                "stream_locked": True,
            },
        )
        session.flush()
        return load_participant(session, wanted)


def reinstate_participant(ws: Workspace, participant_id: uuid.UUID | str) -> ParticipantInfo:
    """Take a withdrawn person back; the next assignment run (or a move by hand) places them."""
    wanted = parse_participant_id(participant_id)
    with ws.transaction() as session:
        person = load_participant(session, wanted)
        if person.withdrawn:
            changes.record(
                session,
                "participant",
                wanted,
                {"withdrawn": False, "withdrawal_reason": None, "stream_locked": False},
            )
            session.flush()
        return load_participant(session, wanted)


def clean_draft(draft: ParticipantDraft) -> dict[str, Any]:
    surname = _checked(normalize.name, draft.surname, "bad_name")
    first_name = _checked(normalize.name, draft.first_name, "bad_name")
    if not surname or not first_name:
        raise UserError("participant_name_required")
    if draft.gender not in GENDERS:
        raise UserError("bad_gender", value=draft.gender)
    for score in (draft.entry_score, draft.exit_score):
        if score is not None and not 0 <= score <= 100:
            raise UserError("bad_score", value=score)
    return {
        "surname": surname,
        "first_name": first_name,
        "patronymic": _checked(normalize.patronymic, draft.patronymic, "bad_name"),
        "gender": draft.gender,
        "position": normalize.clean_text(draft.position or ""),
        "region": normalize.clean_text(draft.region or ""),
        "phone": _checked(normalize.phone, draft.phone, "bad_phone"),
        "email": _checked(normalize.email, draft.email, "bad_email"),
        "consent": draft.consent,
        "consent_date": draft.consent_date,
        "entry_score": draft.entry_score,
        "exit_score": draft.exit_score,
        "notes": normalize.clean_text(draft.notes or ""),
    }


def _checked(parse: Callable[[str], str | None], value: str | None, code: str) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return parse(value)
    except normalize.BadValue as error:
        raise UserError(code, value=value) from error
