"""Merged people, resolved at read time: merged id -> the id of the person who stays.

A merge rewrites nothing. Check-ins, marks, badges and certificate rows keep the id they were
written with (on whichever laptop, before or after it heard of the merge), and readers map ids
through the merges in effect. The map is a function of the set of ``participant_merge`` rows
alone, so every laptop that holds the same rows resolves every id the same way, in any order
of arrival.

Chains (A into B, then B into C) resolve to the end (A -> C). Conflicts made offline are settled
by the merge's creation clock, oldest first: a person already merged into someone is not merged
again, and a merge that would close a cycle (B into A after A into B) is not in effect. Undoing
a merge may bring such a skipped one into effect; that is still a function of the set.

The resolved target is also written into the locally derived ``participant.merged_into`` so the
lists and counts can leave merged people out with one indexed column (as they do ``withdrawn``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, event, select
from sqlalchemy.orm import Session

from smm_event.storage.models import Participant, ParticipantMerge

_CACHE = "smm_event.merge_aliases"


@dataclass(frozen=True)
class Edge:
    order: str  # the creation clock of the merge, then its id: the same everywhere
    merge_id: uuid.UUID
    kept_id: uuid.UUID
    merged_id: uuid.UUID


def resolve(edges: Iterable[Edge]) -> dict[uuid.UUID, uuid.UUID]:
    """Merged id -> final kept id, for the merges in effect."""
    parent: dict[uuid.UUID, uuid.UUID] = {}
    for edge in sorted(edges, key=lambda e: (e.order, str(e.merge_id))):
        if edge.merged_id == edge.kept_id or edge.merged_id in parent:
            continue
        if _root(parent, edge.kept_id) == edge.merged_id:
            continue  # would make a cycle
        parent[edge.merged_id] = edge.kept_id
    return {merged: _root(parent, merged) for merged in parent}


def in_effect(edges: Iterable[Edge]) -> frozenset[uuid.UUID]:
    """Ids of the merges that ``resolve`` applied (the others were overtaken or cyclic)."""
    parent: dict[uuid.UUID, uuid.UUID] = {}
    applied: set[uuid.UUID] = set()
    for edge in sorted(edges, key=lambda e: (e.order, str(e.merge_id))):
        if edge.merged_id == edge.kept_id or edge.merged_id in parent:
            continue
        if _root(parent, edge.kept_id) == edge.merged_id:
            continue
        parent[edge.merged_id] = edge.kept_id
        applied.add(edge.merge_id)
    return frozenset(applied)


def _root(parent: Mapping[uuid.UUID, uuid.UUID], person: uuid.UUID) -> uuid.UUID:
    while person in parent:
        person = parent[person]
    return person


def edge_of(row: ParticipantMerge) -> Edge:
    clocks: dict[str, Any] = row.clocks or {}
    return Edge(str(clocks.get("merged_id", "")), row.id, row.kept_id, row.merged_id)


def active_edges(rows: Iterable[ParticipantMerge]) -> list[Edge]:
    return [edge_of(row) for row in rows if not row.undone]


def _merge_rows(session: Session) -> dict[uuid.UUID, ParticipantMerge]:
    """Every merge this session can see, the ones applied but not yet flushed included."""
    with session.no_autoflush:
        rows = {row.id: row for row in session.scalars(select(ParticipantMerge))}
    for pending in session.new:
        if isinstance(pending, ParticipantMerge):
            rows[pending.id] = pending
    return rows


def alias_map(session: Session) -> dict[uuid.UUID, uuid.UUID]:
    """Merged id -> kept id; computed once per transaction (a handful of rows)."""
    cached: dict[uuid.UUID, uuid.UUID] | None = session.info.get(_CACHE)
    if cached is None:
        cached = resolve(active_edges(_merge_rows(session).values()))
        session.info[_CACHE] = cached
    return cached


def person_of(session: Session, column: Any) -> Any:
    """An SQL expression for the person a participant id stands for. With no merge in the
    workspace it is the column itself, so the usual queries pay nothing."""
    aliases = alias_map(session)
    if not aliases:
        return column
    return case(aliases, value=column, else_=column)


def ids_of(session: Session, person: uuid.UUID) -> list[uuid.UUID]:
    """The person and everyone merged into them."""
    aliases = alias_map(session)
    return [person, *(merged for merged, kept in aliases.items() if kept == person)]


def with_merged(session: Session, people: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """Source id -> person, for these people and everyone merged into them: the ids to look
    their check-ins up by, and whom each found row counts for."""
    wanted = {person: person for person in people}
    for merged, kept in alias_map(session).items():
        if kept in wanted:
            wanted[merged] = kept
    return wanted


def not_merged() -> ColumnElement[bool]:
    return Participant.merged_into.is_(None)


def derive_merge(session: Session, row: Any, _new: bool) -> None:
    """After a merge (or its undo) was applied: recompute the map and ``merged_into``."""
    rows = _merge_rows(session)
    rows[row.id] = row
    aliases = resolve(active_edges(rows.values()))
    session.info[_CACHE] = aliases
    pending = {p.id: p for p in session.new if isinstance(p, Participant)}
    with session.no_autoflush:
        marked: dict[uuid.UUID, uuid.UUID | None] = {
            person: target
            for person, target in session.execute(
                select(Participant.id, Participant.merged_into).where(
                    Participant.merged_into.is_not(None)
                )
            )
        }
        for person in set(marked) | set(aliases):
            target = aliases.get(person)
            if marked.get(person, "unset") == target:
                continue
            participant = session.get(Participant, person) or pending.get(person)
            if participant is not None:
                participant.merged_into = target
        for person, participant in pending.items():
            participant.merged_into = aliases.get(person)


def derive_participant_alias(session: Session, row: Any) -> None:
    """Keeps ``merged_into`` right for a person written after the merge that names them (their
    record came by another path, later)."""
    with session.no_autoflush:
        row.merged_into = alias_map(session).get(row.id)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CACHE, None)
