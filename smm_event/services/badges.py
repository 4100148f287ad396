"""Badges in the workspace: signing a participant's token, judging a scan, reissuing, printing
badge PDFs with a print log, and previews that need no key.

Printing reads what it needs in one snapshot, renders the PDF with no transaction open (it is
the slow, CPU-bound part) and only then writes one ``badge_print`` change per badge, so a failed
or cancelled print leaves no log entry.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.badges import SigningKey, generate_signing_key, make_token
from smm_event.badges.store import public_keys
from smm_event.badges.token import MAX_BADGE_VERSION
from smm_event.checkin.identify import identify_in_session
from smm_event.domain.badges import (
    BadgePreviewReport,
    BadgePrintEntry,
    BadgePrintReport,
    BadgeVerification,
)
from smm_event.domain.participants import ParticipantInfo
from smm_event.errors import NotFound, UserError
from smm_event.pdf.badge_layouts import BadgeLayout, load_badge_layout, resolve_layout
from smm_event.pdf.badges import BadgeData, render_badges
from smm_event.pdf.render_process import render_badges_off_gil
from smm_event.roster.store import (
    load_participant,
    parse_participant_id,
    participant_query,
    to_info,
)
from smm_event.services.keys import can_sign, unlock_signing_key
from smm_event.storage import changes
from smm_event.storage.aliases import ids_of, person_of
from smm_event.storage.event_context import current_event
from smm_event.storage.models import BadgePrint, Device, Participant, Stream
from smm_event.text.names import full_name
from smm_event.workspace import Workspace

Progress = Callable[[int, int], None]
LayoutChoice = str | Path | BadgeLayout
_LAYOUT_COLUMN_LENGTH = 40  # badge_print.layout is VARCHAR(40)


@dataclass(frozen=True)
class _Batch:
    event_id: uuid.UUID
    event_name: str
    people: tuple[tuple[ParticipantInfo, str | None], ...]  # (person, stream colour) in order


def badge_layout(choice: LayoutChoice) -> BadgeLayout:
    """A built-in layout name (a4, a6, label-62x100) or the path of a TOML template."""
    if isinstance(choice, BadgeLayout):
        return choice
    if isinstance(choice, Path) or str(choice).lower().endswith(".toml"):
        path = Path(choice)
        if not path.is_file():
            raise UserError("file_not_found", path=str(path))
        return load_badge_layout(path)
    return resolve_layout(str(choice))


def badge_token(ws: Workspace, participant_id: uuid.UUID | str, key: SigningKey) -> str:
    """The QR text of the participant's current badge."""
    with ws.reading() as session:
        event = current_event(session)
        _check_key_is_current(session, key)
        person = load_participant(session, participant_id)
    return make_token(key, event.id, person.id, person.badge_version)


def verify_badge(ws: Workspace, text: str) -> BadgeVerification:
    """Judge a scanned text against this laptop's keys and badge versions: the desk's and the
    trainer's door's identification (``checkin.identify``), nothing logged."""
    with ws.reading() as session:
        event = current_event(session)
        check = identify_in_session(session, text).check
        found = check.participant_id
        person = _find_participant(session, event.id, found) if found is not None else None
    return BadgeVerification(
        result=check.result,
        participant_id=check.participant_id,
        badge_version=check.badge_version,
        current_badge_version=person.badge_version if person else None,
        key_id=check.key_id,
        participant=person,
    )


def reissue_badge(ws: Workspace, participant_id: uuid.UUID | str) -> ParticipantInfo:
    """A new badge version: every older badge of this person verifies as REPLACED wherever the
    change arrives. Only a laptop holding the event's signing key may do it: a reissue cancels
    the badge a person carries, and any desk could otherwise cancel anyone's."""
    wanted = parse_participant_id(participant_id)
    if not can_sign(ws):
        raise UserError("no_signing_key")
    with ws.transaction() as session:
        person = load_participant(session, wanted)
        if person.badge_version >= MAX_BADGE_VERSION:
            raise UserError("badge_version_exhausted", participant=str(wanted))
        changes.record(session, "participant", wanted, {"badge_version": person.badge_version + 1})
        session.flush()
        return load_participant(session, wanted)


def print_badges(
    ws: Workspace,
    key: SigningKey | str,
    out: Path | BinaryIO,
    layout: LayoutChoice = "a4",
    stream_number: int | None = None,
    participant_ids: Iterable[uuid.UUID | str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BadgePrintReport:
    """Badges for a stream, for chosen people, or (neither given) for everyone, sorted by
    surname. ``key`` is the unlocked key or the passphrase to unlock it."""
    signing_key = _signing_key(ws, key)
    resolved = badge_layout(layout)
    with ws.reading() as session:
        _check_key_is_current(session, signing_key)
        batch = _load_batch(session, stream_number, participant_ids)
    badges = [
        _badge_data(
            batch,
            person,
            colour,
            make_token(signing_key, batch.event_id, person.id, person.badge_version),
        )
        for person, colour in batch.people
    ]
    pages = render_badges_off_gil(badges, resolved, out, progress, cancel)
    layout_name = resolved.name[:_LAYOUT_COLUMN_LENGTH]
    printed_at = changes.utc_now()
    with ws.transaction() as session:
        for person, _colour in batch.people:
            fields = {
                "participant_id": person.id,
                "badge_version": person.badge_version,
                "layout": layout_name,
                "printed_at": printed_at,
                "device_id": ws.device_id,
            }
            changes.record(session, "badge_print", uuid.uuid4(), fields, new=True)
    return BadgePrintReport(
        path=str(out) if isinstance(out, Path | str) else None,
        layout=layout_name,
        pages=pages,
        badges=len(batch.people),
        participant_ids=tuple(person.id for person, _colour in batch.people),
        key_id=signing_key.key_id,
        printed_at=printed_at,
    )


def preview_badges(
    ws: Workspace,
    out: Path | BinaryIO,
    layout: LayoutChoice = "a4",
    stream_number: int | None = None,
    participant_ids: Iterable[uuid.UUID | str] | None = None,
    max_badges: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BadgePreviewReport:
    """The badges as they will look, without the signing key and without a log entry. Their
    QR codes carry a throwaway key and event, so a printed preview is refused as NOT_OURS."""
    resolved = badge_layout(layout)
    with ws.reading() as session:
        batch = _load_batch(session, stream_number, participant_ids)
    throwaway_key, throwaway_event = generate_signing_key(), uuid.uuid4()
    shown = batch.people[:max_badges] if max_badges is not None else batch.people
    badges = [
        _badge_data(batch, person, colour, make_token(throwaway_key, throwaway_event, person.id, 1))
        for person, colour in shown
    ]
    pages = render_badges(badges, resolved, out, progress, cancel)
    return BadgePreviewReport(layout=resolved.name, pages=pages, badges=len(batch.people))


def print_log(
    ws: Workspace, participant_id: uuid.UUID | str | None = None
) -> tuple[BadgePrintEntry, ...]:
    """Every printed badge, newest first; a reprint shows as a second entry. A badge printed
    for a person later merged into another is listed under the person who stays."""
    with ws.reading() as session:
        current_event(session)
        query = (
            select(BadgePrint, Participant, Stream.number, Device.name)
            .outerjoin(Participant, person_of(session, BadgePrint.participant_id) == Participant.id)
            .outerjoin(Stream, Participant.stream_id == Stream.id)
            .outerjoin(Device, BadgePrint.device_id == Device.id)
            .order_by(BadgePrint.printed_at.desc(), Participant.sort_key, BadgePrint.id)
        )
        if participant_id is not None:
            wanted = load_participant(session, participant_id).id
            query = query.where(BadgePrint.participant_id.in_(ids_of(session, wanted)))
        rows = session.execute(query).all()
    return tuple(
        BadgePrintEntry(
            id=entry.id,
            participant_id=entry.participant_id,
            participant_name=full_name(person.surname, person.first_name, person.patronymic)
            if person is not None
            else None,
            stream_number=stream_number,
            badge_version=entry.badge_version,
            layout=entry.layout,
            printed_at=entry.printed_at,
            device_id=entry.device_id,
            device_name=device_name,
        )
        for entry, person, stream_number, device_name in rows
    )


def _signing_key(ws: Workspace, key: SigningKey | str) -> SigningKey:
    # Asked first: a desk laptop must learn it cannot print before anything else happens.
    if not can_sign(ws):
        raise UserError("no_signing_key")
    return unlock_signing_key(ws, key) if isinstance(key, str) else key


def _check_key_is_current(session: Session, key: SigningKey) -> None:
    if key.key_id not in public_keys(session):
        raise UserError("signing_key_retired", key_id=key.key_id)


def _load_batch(
    session: Session,
    stream_number: int | None,
    participant_ids: Iterable[uuid.UUID | str] | None,
) -> _Batch:
    event = current_event(session)
    query = participant_query(event.id).add_columns(Stream.colour)
    if stream_number is not None:
        _check_stream(session, event.id, stream_number)
        query = query.where(Stream.number == stream_number)
    wanted: list[uuid.UUID] = []
    if participant_ids is not None:
        wanted = list(dict.fromkeys(parse_participant_id(value) for value in participant_ids))
        query = query.where(Participant.id.in_(wanted))
    rows = session.execute(query.order_by(Participant.sort_key, Participant.id)).all()
    people = tuple((to_info(row, org, number), colour) for row, org, number, colour in rows)
    _check_all_found(wanted, people)
    if not people:
        raise UserError("no_badges")
    return _Batch(event.id, event.name, people)


def _check_stream(session: Session, event_id: uuid.UUID, number: int) -> None:
    if number < 1:
        raise UserError("bad_stream_number", number=number)
    found = session.scalar(
        select(Stream.id).where(Stream.event_id == event_id, Stream.number == number)
    )
    if found is None:
        raise UserError("no_such_stream", number=number)


def _check_all_found(
    wanted: Sequence[uuid.UUID], people: Sequence[tuple[ParticipantInfo, str | None]]
) -> None:
    found = {person.id for person, _colour in people}
    for participant_id in wanted:
        if participant_id not in found:
            raise NotFound("participant_not_found", participant=str(participant_id))


def _badge_data(
    batch: _Batch, person: ParticipantInfo, colour: str | None, token: str
) -> BadgeData:
    return BadgeData(
        surname=person.surname,
        first_name=person.first_name,
        patronymic=person.patronymic,
        organization=person.organization,
        stream_number=person.stream_number,
        stream_colour=colour,
        token=token,
        event_name=batch.event_name,
    )


def _find_participant(
    session: Session, event_id: uuid.UUID, participant_id: uuid.UUID
) -> ParticipantInfo | None:
    query = participant_query(event_id).where(Participant.id == participant_id)
    row = session.execute(query).first()
    return to_info(*row) if row is not None else None
