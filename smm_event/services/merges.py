"""Merging two records of one person (a walk-in who was on the roster after all) and taking a
merge back. A merge is one replicated ``participant_merge`` record; nothing else is rewritten,
and readers count the merged person's check-ins, marks, badges and certificate for the person
who stays (storage/aliases.py), so every laptop ends up the same whatever order it hears of the
merge, its undo and the records made offline for either person."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from smm_event.certificates.issuing import valid_by_participant
from smm_event.checkin.queries import not_annulled
from smm_event.domain.checkin import CheckinResult
from smm_event.domain.participants import MergeInfo, MergePreview
from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.roster.store import load_participant, parse_participant_id
from smm_event.storage import aliases, changes
from smm_event.storage.event_context import current_event
from smm_event.storage.models import (
    AttendanceMark,
    BadgePrint,
    Checkin,
    Device,
    Participant,
    ParticipantMerge,
)
from smm_event.text.names import full_name
from smm_event.workspace import Workspace

MAX_REASON = 500


def merge_preview(ws: Workspace, keep: uuid.UUID | str, other: uuid.UUID | str) -> MergePreview:
    """What would move, after the same checks ``merge_participants`` makes."""
    with ws.reading() as session:
        return _preview(session, keep, other)


def merge_participants(
    ws: Workspace, keep: uuid.UUID | str, other: uuid.UUID | str, reason: str
) -> MergeInfo:
    """``other`` becomes ``keep`` from now on, on every laptop after sync."""
    text = _reason(reason, "merge_reason_required")
    with ws.transaction() as session:
        preview = _preview(session, keep, other)
        event = current_event(session)
        merge_id = uuid.uuid4()
        changes.record(
            session,
            "participant_merge",
            merge_id,
            {
                "event_id": event.id,
                "kept_id": preview.kept.id,
                "merged_id": preview.merged.id,
                "reason": text,
                "merged_by": _device_name(session, ws.device_id),
                "undone": False,
            },
            new=True,
        )
        session.flush()
        return _info(session, session.get_one(ParticipantMerge, merge_id))


def unmerge_participant(ws: Workspace, merged: uuid.UUID | str, reason: str) -> MergeInfo:
    """Take back the merge that made ``merged`` count as someone else: both are two people
    again, each with the records written under their own id."""
    text = _reason(reason, "unmerge_reason_required")
    wanted = parse_participant_id(merged)
    with ws.transaction() as session:
        load_participant(session, wanted, follow_merge=False)
        row = _merge_in_effect(session, wanted)
        if row is None:
            raise UserError("not_merged", participant=str(wanted))
        changes.record(session, "participant_merge", row.id, {"undone": True, "undo_reason": text})
        session.flush()
        return _info(session, row)


def merges_of(ws: Workspace, person: uuid.UUID | str) -> tuple[MergeInfo, ...]:
    """Every merge naming this person, kept or merged, undone ones included."""
    wanted = parse_participant_id(person)
    with ws.reading() as session:
        rows = session.scalars(
            select(ParticipantMerge).where(
                or_(ParticipantMerge.kept_id == wanted, ParticipantMerge.merged_id == wanted)
            )
        ).all()
        infos = [_info(session, row) for row in rows]
    return tuple(sorted(infos, key=lambda info: str(info.id)))


def _preview(session: Session, keep: uuid.UUID | str, other: uuid.UUID | str) -> MergePreview:
    kept_id, merged_id = parse_participant_id(keep), parse_participant_id(other)
    # Keeping someone who was merged away means keeping the person they became.
    kept = load_participant(session, kept_id)
    merged = load_participant(session, merged_id, follow_merge=False)
    if merged.merged_into is not None:
        raise UserError("already_merged", participant=merged.full_name)
    if kept.id == merged.id:
        raise UserError("merge_same_person")
    if kept.withdrawn:
        raise UserError("merge_into_withdrawn", participant=kept.full_name)
    certificates = valid_by_participant(session, current_event(session).id)
    if kept.id in certificates and merged.id in certificates:
        raise UserError(
            "merge_both_certified",
            kept=certificates[kept.id].number,
            merged=certificates[merged.id].number,
        )
    sources = list(aliases.with_merged(session, [merged.id]))
    return MergePreview(
        kept=kept,
        merged=merged,
        checkins=_count(
            session,
            select(func.count())
            .select_from(Checkin)
            .where(
                Checkin.participant_id.in_(sources),
                Checkin.result == CheckinResult.ADMITTED.value,
                not_annulled(),
            ),
        ),
        marks=_count(
            session,
            select(func.count(func.distinct(AttendanceMark.session_id))).where(
                AttendanceMark.participant_id.in_(sources)
            ),
        ),
        badges=_count(
            session,
            select(func.count())
            .select_from(BadgePrint)
            .where(BadgePrint.participant_id.in_(sources)),
        ),
        certificate=certificates[merged.id].number if merged.id in certificates else None,
    )


def _count(session: Session, query: object) -> int:
    return int(session.scalar(query) or 0)  # type: ignore[call-overload]


def _merge_in_effect(session: Session, merged: uuid.UUID) -> ParticipantMerge | None:
    rows = list(session.scalars(select(ParticipantMerge)))
    applied = aliases.in_effect(aliases.active_edges(rows))
    for row in rows:
        if row.merged_id == merged and row.id in applied:
            return row
    return None


def _info(session: Session, row: ParticipantMerge) -> MergeInfo:
    applied = aliases.in_effect(aliases.active_edges(session.scalars(select(ParticipantMerge))))
    return MergeInfo(
        id=row.id,
        kept_id=row.kept_id,
        kept_name=_name(session, row.kept_id),
        merged_id=row.merged_id,
        merged_name=_name(session, row.merged_id),
        reason=row.reason,
        device=row.merged_by or "",
        undone=bool(row.undone),
        in_effect=row.id in applied,
    )


def _name(session: Session, person: uuid.UUID) -> str:
    row = session.get(Participant, person)
    return (
        full_name(row.surname, row.first_name, row.patronymic)
        if row is not None
        else str(person)[:8]  # not arrived on this laptop yet
    )


def _device_name(session: Session, device_id: uuid.UUID) -> str | None:
    row = session.get(Device, device_id)
    return row.name[:100] if row is not None else None


def _reason(reason: str, code: str) -> str:
    text = normalize.clean_text(reason or "")
    if text is None:
        raise UserError(code)
    if len(text) > MAX_REASON:
        raise UserError(
            "field_too_long", entity="participant_merge", field="reason", limit=MAX_REASON
        )
    return text
