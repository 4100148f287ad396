"""Trainer attendance: marking, session rosters, closing sessions, the matrix and percentages.

Marks are insert-only versions (see smm_event.attendance.store); every use case here opens its
own transaction. Rules for the percentage are in smm_event.attendance.percent.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from smm_event.attendance import store
from smm_event.attendance.config import AttendanceSettings, settings_from_event, with_settings
from smm_event.attendance.matrix import build_matrix, slot_of
from smm_event.attendance.percent import UNMARKED, summarize
from smm_event.attendance.sessions import session_at
from smm_event.checkin.identify import identify_in_session, log_refused_scan
from smm_event.checkin.queries import not_annulled
from smm_event.domain.attendance import (
    AttendanceMatrix,
    AttendanceStatus,
    AttendanceSummary,
    BulkMarkResult,
    CloseResult,
    MarkInfo,
    MarkSource,
    RosterEntry,
    ScanMarkResult,
    ScanOutcome,
    SessionRoster,
)
from smm_event.domain.checkin import CheckinMethod, CheckinResult
from smm_event.domain.event import SessionInfo
from smm_event.errors import UserError
from smm_event.roster.store import find_participants, load_participant
from smm_event.storage import changes
from smm_event.storage.aliases import alias_map, with_merged
from smm_event.storage.event_context import current_event, event_zone, to_local
from smm_event.storage.models import AttendanceMark, Checkin
from smm_event.workspace import Workspace


def get_settings(ws: Workspace) -> AttendanceSettings:
    with ws.reading() as session:
        return settings_from_event(current_event(session).settings)


def save_settings(ws: Workspace, settings: AttendanceSettings) -> AttendanceSettings:
    with ws.transaction() as session:
        event = current_event(session)
        merged = with_settings(event.settings, settings)
        settings_from_event(merged)  # refuse values that could not be read back
        changes.record(session, "event", event.id, {"settings": merged})
        return settings


def mark(
    ws: Workspace,
    session_id: uuid.UUID | str,
    participant_id: uuid.UUID | str,
    status: AttendanceStatus | str,
    note: str | None = None,
    source: MarkSource | str = MarkSource.CLICK,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> MarkInfo:
    """Set a person's status at a session. ``note=None`` keeps the current note, ``""`` clears
    it. The same status and note again write nothing and return the current version."""
    wanted = store.parse_status(status)
    origin = _source(source)
    with ws.transaction() as session:
        event = current_event(session)
        place = _open_session(session, session_id)
        person = store.stream_member(session, place, participant_id)
        current = store.current_mark(session, place.row.id, person)
        kept_note = current.note if (note is None and current is not None) else (note or None)
        zone = event_zone(event)
        devices = store.device_names(session)
        if current is not None and current.status == wanted.value and current.note == kept_note:
            return store.mark_info(current, zone, devices, _previous(session, current))
        row = store.write_mark(
            session, place.row.id, person, wanted, kept_note, origin, operator, store.naive_utc(now)
        )
        previous = AttendanceStatus(current.status) if current else None
        return store.mark_info(row, zone, devices, previous)


def mark_by_scan(
    ws: Workspace,
    session_id: uuid.UUID | str,
    token_text: str,
    now: dt.datetime | None = None,
    operator: str | None = None,
) -> ScanMarkResult:
    """A badge scanned at the session's door: present, or late after the grace period. A badge
    already marked present or late changes nothing; an absent or excused mark is overridden,
    because the scan shows the person came."""
    at = store.naive_utc(now)
    with ws.transaction() as session:
        event = current_event(session)
        place = store.load_session(session, session_id)
        identity = identify_in_session(session, token_text)
        check = identity.check
        if not identity.valid or check.participant_id is None:
            # Logged like a refusal at the desk: a forged badge at a hall's door is news.
            log_refused_scan(session, ws.device_id, token_text, identity, CheckinMethod.DOOR, at)
            return ScanMarkResult(ScanOutcome.BAD_BADGE, check.result)
        person = load_participant(session, check.participant_id)
        if person.stream_number != place.stream_number:
            return ScanMarkResult(ScanOutcome.NOT_IN_STREAM, check.result, person)
        zone, devices = event_zone(event), store.device_names(session)
        current = store.current_mark(session, place.row.id, person.id)
        if current is not None and current.status in (
            AttendanceStatus.PRESENT,
            AttendanceStatus.LATE,
        ):
            info = store.mark_info(current, zone, devices, _previous(session, current))
            return ScanMarkResult(ScanOutcome.ALREADY_MARKED, check.result, person, info)
        if place.row.closed:
            return ScanMarkResult(ScanOutcome.SESSION_CLOSED, check.result, person)
        status = settings_from_event(event.settings).arrival_status(place.row.starts_at, at)
        note = current.note if current else None
        row = store.write_mark(
            session, place.row.id, person.id, status, note, MarkSource.SCAN, operator, at
        )
        previous = AttendanceStatus(current.status) if current else None
        info = store.mark_info(row, zone, devices, previous)
        return ScanMarkResult(ScanOutcome.MARKED, check.result, person, info)


def session_roster(ws: Workspace, session_id: uuid.UUID | str) -> SessionRoster:
    with ws.reading() as session:
        event = current_event(session)
        zone = event_zone(event)
        place = store.load_session(session, session_id)
        people = find_participants(session, place.stream_number)
        current = store.current_marks(
            store.mark_versions(session, [place.row.id]), alias_map(session)
        )
        devices = store.device_names(session)
        admitted = _first_admissions(session, place.day, [person.id for person in people])
        entries = tuple(
            RosterEntry(
                person,
                _info_or_none(current.get((person.id, place.row.id)), zone, devices),
                *(
                    (to_local(admitted[person.id][0], zone), admitted[person.id][1])
                    if person.id in admitted
                    else (None, None)
                ),
            )
            for person in people
        )
        counts = Counter(entry.status.value if entry.status else UNMARKED for entry in entries)
        settings = settings_from_event(event.settings)
        return SessionRoster(
            session=store.session_info(place, zone),
            entries=entries,
            counts={
                key: counts.get(key, 0) for key in (*(s.value for s in AttendanceStatus), UNMARKED)
            },
            late_after=to_local(settings.late_after(place.row.starts_at), zone),
        )


def mark_many(
    ws: Workspace,
    session_id: uuid.UUID | str,
    status: AttendanceStatus | str,
    participant_ids: Sequence[uuid.UUID | str] | None = None,
    source: MarkSource | str = MarkSource.CLICK,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> BulkMarkResult:
    """Give several people one status in one transaction: the listed ones, or (``None``) everyone
    of the stream still unmarked. Notes are kept; people already at the status are skipped."""
    wanted = store.parse_status(status)
    origin = _source(source)
    at = store.naive_utc(now)
    with ws.transaction() as session:
        event = current_event(session)
        place = _open_session(session, session_id)
        current = store.current_marks(
            store.mark_versions(session, [place.row.id]), alias_map(session)
        )
        if participant_ids is None:
            people = [
                person.id
                for person in find_participants(session, place.stream_number)
                if (person.id, place.row.id) not in current
            ]
        else:  # each must belong to the session's stream, or nothing is written
            people = [store.stream_member(session, place, pid) for pid in participant_ids]
        zone, devices = event_zone(event), store.device_names(session)
        written: list[MarkInfo] = []
        unchanged = 0
        for person in dict.fromkeys(people):
            before = current.get((person, place.row.id))
            if before is not None and before.status == wanted.value:
                unchanged += 1
                continue
            note = before.note if before is not None else None
            row = store.write_mark(
                session, place.row.id, person, wanted, note, origin, operator, at
            )
            previous = AttendanceStatus(before.status) if before is not None else None
            written.append(store.mark_info(row, zone, devices, previous))
        return BulkMarkResult(place.row.id, wanted, tuple(written), unchanged)


def _first_admissions(
    session: Session, day: dt.date, people: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[dt.datetime, str]]:
    """Each person's first admitted, not annulled check-in of the day: (UTC time, desk); the
    engine's order (time, then id), so it is the admission the desk's amber screen names."""
    if not people:
        return {}
    sources = with_merged(session, people)
    rows = session.execute(
        select(Checkin.participant_id, Checkin.scanned_at, Checkin.desk)
        .where(
            Checkin.local_day == day,
            Checkin.result == CheckinResult.ADMITTED.value,
            Checkin.participant_id.in_(list(sources)),
            not_annulled(),
        )
        .order_by(Checkin.scanned_at.desc(), Checkin.id.desc())
    ).all()
    # Newest first, so the earliest of each person is the one left in the dict.
    return {sources[pid]: (at, desk) for pid, at, desk in rows if pid is not None}


def close_session(
    ws: Workspace,
    session_id: uuid.UUID | str,
    mark_unmarked_absent: bool,
    operator: str | None = None,
    now: dt.datetime | None = None,
) -> CloseResult:
    """Close a session (no more marks until reopened), first marking everyone of the stream
    still unmarked as absent when asked."""
    at = store.naive_utc(now)
    with ws.transaction() as session:
        current_event(session)
        place = store.load_session(session, session_id)
        marked = 0
        if mark_unmarked_absent:
            people = find_participants(session, place.stream_number)
            current = store.current_marks(
                store.mark_versions(session, [place.row.id]), alias_map(session)
            )
            for person in people:
                if (person.id, place.row.id) not in current:
                    store.write_mark(
                        session,
                        place.row.id,
                        person.id,
                        AttendanceStatus.ABSENT,
                        None,
                        MarkSource.CLOSE,
                        operator,
                        at,
                    )
                    marked += 1
        if not place.row.closed:
            changes.record(session, "session", place.row.id, {"closed": True})
        return CloseResult(place.row.id, True, marked)


def reopen_session(ws: Workspace, session_id: uuid.UUID | str) -> CloseResult:
    with ws.transaction() as session:
        current_event(session)
        place = store.load_session(session, session_id)
        if place.row.closed:
            changes.record(session, "session", place.row.id, {"closed": False})
        return CloseResult(place.row.id, False, 0)


def mark_history(
    ws: Workspace, session_id: uuid.UUID | str, participant_id: uuid.UUID | str
) -> tuple[MarkInfo, ...]:
    """Every version of one person's mark at one session, oldest first, each with the status
    it replaced: who, when, on which laptop and what it was before."""
    with ws.reading() as session:
        zone = event_zone(current_event(session))
        place = store.load_session(session, session_id)
        person = store.parse_uuid(participant_id, "bad_participant_id")
        return history_in(session, [place.row.id], zone, person)


def history_in(
    session: Session,
    session_ids: list[uuid.UUID],
    zone: ZoneInfo,
    participant_id: uuid.UUID | None = None,
) -> tuple[MarkInfo, ...]:
    """The versions at these sessions, oldest first, each knowing the status before it."""
    devices = store.device_names(session)
    before: dict[tuple[uuid.UUID, uuid.UUID], AttendanceStatus] = {}
    history: list[MarkInfo] = []
    for row in store.mark_versions(session, session_ids, participant_id):
        key = (row.participant_id, row.session_id)
        history.append(store.mark_info(row, zone, devices, before.get(key)))
        before[key] = AttendanceStatus(row.status)
    return tuple(history)


def find_sessions(
    ws: Workspace,
    stream_number: int | None = None,
    day: dt.date | None = None,
    *,
    held_only: bool = False,
) -> tuple[SessionInfo, ...]:
    """The sessions in time order; ``held_only`` leaves out cancelled ones (a trainer never
    marks those, the schedule still lists them struck through)."""
    with ws.reading() as session:
        event = current_event(session)
        zone = event_zone(event)
        found: list[SessionInfo] = []
        for stream in store.streams_of_event(session, event, stream_number):
            found.extend(
                store.session_info(p, zone)
                for p in store.stream_sessions(session, stream.id, day)
                if not (held_only and p.row.cancelled)
            )
        return tuple(sorted(found, key=lambda s: (s.starts_at, s.stream_number)))


def current_session(
    ws: Workspace, stream_number: int | None = None, now: dt.datetime | None = None
) -> SessionInfo | None:
    """The session running now (of the stream, or of any stream), else the next one today."""
    sessions = find_sessions(ws, stream_number, held_only=True)
    if not sessions:
        return None
    moment = store.naive_utc(now).replace(tzinfo=dt.UTC).astimezone(sessions[0].starts_at.tzinfo)
    return session_at(sessions, moment)


def attendance_matrix(
    ws: Workspace, stream_number: int, now: dt.datetime | None = None
) -> AttendanceMatrix:
    with ws.reading() as session:
        return matrix_in(session, stream_number, now)


def matrix_in(
    session: Session, stream_number: int, now: dt.datetime | None = None
) -> AttendanceMatrix:
    event = current_event(session)
    (stream,) = store.streams_of_event(session, event, stream_number)
    zone = event_zone(event)
    places = store.stream_sessions(session, stream.id)
    sessions = [store.session_info(place, zone) for place in places]
    people = find_participants(session, stream_number)
    versions = store.mark_versions(session, [s.id for s in sessions])
    marks = {
        key: AttendanceStatus(row.status)
        for key, row in store.current_marks(versions, alias_map(session)).items()
    }
    settings = settings_from_event(event.settings)
    return build_matrix(
        stream.number, stream.title, sessions, people, marks, settings, store.naive_utc(now)
    )


def participant_attendance(
    ws: Workspace, participant_id: uuid.UUID | str, now: dt.datetime | None = None
) -> AttendanceSummary:
    """Counts only the held sessions of the person's current stream (see attendance.percent)."""
    with ws.reading() as session:
        event = current_event(session)
        person = load_participant(session, participant_id)
        settings = settings_from_event(event.settings)
        at = store.naive_utc(now)
        if person.stream_number is None:
            return summarize(person.id, [], {}, settings, at)
        (stream,) = store.streams_of_event(session, event, person.stream_number)
        zone = event_zone(event)
        slots = [
            slot_of(store.session_info(p, zone)) for p in store.stream_sessions(session, stream.id)
        ]
        versions = store.mark_versions(session, [slot.id for slot in slots], person.id)
        current = store.current_marks(versions, alias_map(session))
        marks = {
            session_id: AttendanceStatus(row.status) for (_, session_id), row in current.items()
        }
        return summarize(person.id, slots, marks, settings, at)


def all_attendance(
    ws: Workspace, now: dt.datetime | None = None
) -> Mapping[uuid.UUID, AttendanceSummary]:
    """Every assigned participant's summary at once (certificates check all 210 together)."""
    with ws.reading() as session:
        event = current_event(session)
        summaries: dict[uuid.UUID, AttendanceSummary] = {}
        for stream in store.streams_of_event(session, event, None):
            for row in matrix_in(session, stream.number, now).rows:
                summaries[row.participant.id] = row.summary
        return summaries


def _open_session(session: Session, session_id: uuid.UUID | str) -> store.SessionPlace:
    place = store.load_session(session, session_id)
    if place.row.cancelled:
        raise UserError("session_cancelled", session=str(place.row.id))
    if place.row.closed:
        raise UserError("session_closed", session=str(place.row.id))
    return place


def _previous(session: Session, row: AttendanceMark) -> AttendanceStatus | None:
    versions = store.mark_versions(session, [row.session_id], row.participant_id)
    older = [version for version in versions if version.hlc < row.hlc]
    return AttendanceStatus(older[-1].status) if older else None


def _info_or_none(
    row: AttendanceMark | None, zone: ZoneInfo, devices: dict[uuid.UUID, str]
) -> MarkInfo | None:
    return None if row is None else store.mark_info(row, zone, devices)


def _source(value: MarkSource | str) -> str:
    try:
        return MarkSource(value).value
    except ValueError as error:
        raise UserError("bad_mark_source", value=str(value)) from error


def export_attendance(
    ws: Workspace, stream_number: int, path: Path, now: dt.datetime | None = None
) -> Path:
    """The stream's matrix as .xlsx (with the marks' audit trail on a second sheet) or .csv."""
    from smm_event.exporting.attendance import write_attendance

    with ws.reading() as session:
        event = current_event(session)
        matrix = matrix_in(session, stream_number, now)
        history = history_in(session, [s.id for s in matrix.sessions], event_zone(event))
    try:
        return write_attendance(matrix, event.name, path, history)
    except OSError as error:
        raise UserError(
            "cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from error


def signin_sheet(
    ws: Workspace,
    stream_number: int,
    day: dt.date,
    path: Path,
    session_id: uuid.UUID | str | None = None,
) -> int:
    """The sign-in sheet PDF of a stream's day (every session, or one); returns the page count."""
    from smm_event.pdf.signin_sheets import SheetData, render_signin_sheets

    with ws.reading() as session:
        event = current_event(session)
        (stream,) = store.streams_of_event(session, event, stream_number)
        zone = event_zone(event)
        # A cancelled session has nobody to sign for it.
        places = [p for p in store.stream_sessions(session, stream.id, day) if not p.row.cancelled]
        if session_id is not None:
            wanted = store.parse_uuid(session_id, "bad_session_id")
            places = [p for p in places if p.row.id == wanted]
        if not places:
            raise UserError("no_sessions_that_day", stream=stream_number, day=day.isoformat())
        data = SheetData(
            event_name=event.name,
            venue=", ".join(part for part in (event.venue, event.city) if part),
            stream_number=stream.number,
            stream_title=stream.title,
            day=day,
            sessions=tuple(store.session_info(p, zone) for p in places),
            participants=find_participants(session, stream_number),
        )
    return render_signin_sheets(data, path)
