"""A person's history, read from the change log: every change to them, on which laptop, when,
and each field before and after (the fold of the earlier changes in clock order, which is how
the merge itself decides, so «before» is what every laptop held before that change)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smm_event.domain.participants import FieldChange, HistoryEntry
from smm_event.roster.store import load_participant, parse_participant_id
from smm_event.storage.codec import decode_fields
from smm_event.storage.hlc import Hlc
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import (
    Checkin,
    Device,
    Organization,
    Participant,
    ParticipantMerge,
    Stream,
)
from smm_event.text.names import full_name
from smm_event.workspace import Workspace

# Bookkeeping a reader does not need to see as a change.
_HIDDEN = frozenset({"event_id", "deleted", "stream_locked", "walk_in"})


def participant_history(ws: Workspace, participant_id: uuid.UUID | str) -> tuple[HistoryEntry, ...]:
    """Oldest first; merges naming the person (kept or merged) and their undos included."""
    wanted = parse_participant_id(participant_id)
    with ws.reading() as session:
        load_participant(session, wanted, follow_merge=False)
        records = session.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.entity == "participant", ChangeRecord.entity_id == str(wanted))
            .order_by(ChangeRecord.hlc)
        ).all()
        names = _Names(session)
        state: dict[str, Any] = {}
        entries = []
        for index, record in enumerate(records):
            fields = decode_fields(Participant, record.payload)
            shown = [
                FieldChange(*names.field(name, state.get(name), value))
                for name, value in fields.items()
                if name not in _HIDDEN and state.get(name) != value
            ]
            kind = _kind(index, fields)
            state.update(fields)
            if shown or kind != "changed":
                entries.append(
                    HistoryEntry(
                        _at(record.hlc), names.device(record.device_id), kind, tuple(shown)
                    )
                )
        entries.extend(_merge_entries(session, wanted, names))
        entries.extend(_overrides(session, names, wanted))
        return tuple(sorted(entries, key=lambda entry: entry.at))


def _merge_entries(session: Session, person: uuid.UUID, names: _Names) -> list[HistoryEntry]:
    """A merge shows on both people: «merged with» names the other one."""
    merges = {
        str(row.id): row
        for row in session.scalars(
            select(ParticipantMerge).where(
                or_(ParticipantMerge.kept_id == person, ParticipantMerge.merged_id == person)
            )
        )
    }
    if not merges:
        return []
    records = session.scalars(
        select(ChangeRecord)
        .where(ChangeRecord.entity == "participant_merge", ChangeRecord.entity_id.in_(list(merges)))
        .order_by(ChangeRecord.hlc)
    ).all()
    entries = []
    for record in records:
        row = merges[record.entity_id]
        fields = decode_fields(ParticipantMerge, record.payload)
        kept = row.kept_id == person
        other = names.person(row.merged_id if kept else row.kept_id)
        if "kept_id" in fields:
            kind = "merged_in" if kept else "merged"
            reason = fields.get("reason")
        else:
            kind = "unmerged"
            reason = fields.get("undo_reason")
        shown = (FieldChange("merged_with", None, other), FieldChange("merge_reason", None, reason))
        entries.append(HistoryEntry(_at(record.hlc), names.device(record.device_id), kind, shown))
    return entries


def _overrides(session: Session, names: _Names, wanted: uuid.UUID) -> list[HistoryEntry]:
    """Admissions on another stream's day allowed by an organizer (docs/desk.md): check-ins
    are not participant changes, but an organizer reading the person's story needs them."""
    rows = session.execute(
        select(Checkin.scanned_at, Checkin.desk, Checkin.override_reason, Checkin.override_by)
        .where(Checkin.participant_id == wanted, Checkin.method == "override")
        .order_by(Checkin.scanned_at)
    )
    return [
        HistoryEntry(
            at,
            desk,
            "checkin_override",
            (FieldChange("override_reason", None, reason), FieldChange("override_by", None, by)),
        )
        for at, desk, reason, by in rows
    ]


def _kind(index: int, fields: dict[str, Any]) -> str:
    if index == 0:
        return "created"
    if "withdrawn" in fields:
        return "withdrawn" if fields["withdrawn"] else "reinstated"
    return "changed"


def _at(stamp: str) -> dt.datetime:
    """The change's own clock, kept in the record wherever it travelled."""
    wall_ms = Hlc.parse(stamp).wall_ms
    return dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC).replace(tzinfo=None)


class _Names:
    """Ids a reader cannot use, shown as what they name (an NGO's name, a stream's number)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._devices: dict[uuid.UUID, str] = {}

    def device(self, device_id: uuid.UUID) -> str:
        if device_id not in self._devices:
            row = self.session.get(Device, device_id)
            self._devices[device_id] = row.name if row else str(device_id)[:8]
        return self._devices[device_id]

    def person(self, value: uuid.UUID) -> str:
        row = self.session.get(Participant, value)
        return full_name(row.surname, row.first_name, row.patronymic) if row else str(value)[:8]

    def field(self, name: str, before: Any, after: Any) -> tuple[str, Any, Any]:
        if name == "organization_id":
            return "organization", self._organization(before), self._organization(after)
        if name == "stream_id":
            return "stream", self._stream(before), self._stream(after)
        return name, before, after

    def _organization(self, value: uuid.UUID | None) -> str | None:
        row = self.session.get(Organization, value) if value else None
        return row.name if row else None

    def _stream(self, value: uuid.UUID | None) -> int | None:
        row = self.session.get(Stream, value) if value else None
        return row.number if row else None
