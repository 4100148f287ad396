"""Possible duplicate people: the same phone or e-mail, or names that are equal after folding
(case, ё = е, hyphens, spaces) and transliteration (a walk-in typed «Abakarova Zarema» is the
roster's «Абакарова Зарема»). A walk-in whose surname and first name match a roster person is
listed even without a patronymic. One pass over the roster with dictionaries: 10,000 people in
well under a second (benchmarks/bench_duplicates.py)."""

from __future__ import annotations

import itertools
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from smm_event.domain.participants import DuplicatePair, ParticipantInfo
from smm_event.roster.store import find_participants
from smm_event.storage.event_context import current_event
from smm_event.storage.models import Participant
from smm_event.text.folding import fold
from smm_event.text.translit import latin_lower
from smm_event.workspace import Workspace

# Spellings the same name gets in Latin from different hands («Khetagurov», «Hetagurov»).
_LATIN_VARIANTS = (
    ("shch", "sch"),
    ("kh", "h"),
    ("ts", "c"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("x", "ks"),
)
MAX_GROUP = 20  # a name shared by more people than this is a common name, not a duplicate


def name_key(*parts: str | None) -> str:
    """The folded, transliterated, variant-free form of a name."""
    key = latin_lower(fold(" ".join(part for part in parts if part)))
    for variant, common in _LATIN_VARIANTS:
        key = key.replace(variant, common)
    return key


def find_duplicates(ws: Workspace) -> tuple[DuplicatePair, ...]:
    with ws.reading() as session:
        event = current_event(session)
        # The few columns the keys need, as plain rows: full participants only for the pairs.
        rows = session.execute(
            select(*(getattr(Participant, name) for name in _KEY_COLUMNS)).where(
                Participant.event_id == event.id,
                Participant.deleted.is_(False),
                Participant.merged_into.is_(None),
            )
        ).all()
        light = [_Light(*row) for row in rows]
        pairs = duplicates_among(light)  # type: ignore[arg-type]
        wanted = {person.id for pair in pairs for person in (pair.first, pair.second)}
        full = (
            {
                person.id: person
                for person in find_participants(session, include_withdrawn=True)
                if person.id in wanted
            }
            if wanted
            else {}
        )
    return tuple(
        DuplicatePair(full[pair.first.id], full[pair.second.id], pair.reasons) for pair in pairs
    )


_KEY_COLUMNS = ("id", "surname", "first_name", "patronymic", "phone", "email", "walk_in")


@dataclass(frozen=True)
class _Light:
    id: uuid.UUID
    surname: str
    first_name: str
    patronymic: str | None
    phone: str | None
    email: str | None
    walk_in: bool


def duplicates_among(people: Iterable[ParticipantInfo]) -> tuple[DuplicatePair, ...]:
    groups: dict[tuple[str, str], list[ParticipantInfo]] = defaultdict(list)
    for person in people:
        if person.phone:
            groups[("phone", person.phone)].append(person)
        if person.email:
            groups[("email", person.email)].append(person)
        short = name_key(person.surname, person.first_name)
        if person.patronymic:
            groups[("name", name_key(short, person.patronymic))].append(person)
        groups[("short_name", short)].append(person)
    reasons: dict[tuple[uuid.UUID, uuid.UUID], set[str]] = defaultdict(set)
    found: dict[uuid.UUID, ParticipantInfo] = {}
    for (kind, _value), members in groups.items():
        if len(members) < 2 or len(members) > MAX_GROUP:
            continue
        for first, second in itertools.combinations(members, 2):
            reason = _reason(kind, first, second)
            if reason is None:
                continue
            pair = tuple(sorted((first.id, second.id), key=str))
            reasons[pair].add(reason)  # type: ignore[index]
            found[first.id], found[second.id] = first, second
    pairs = [
        DuplicatePair(found[a], found[b], tuple(sorted(why))) for (a, b), why in reasons.items()
    ]
    return tuple(
        sorted(pairs, key=lambda p: (p.first.surname, p.first.first_name, str(p.first.id)))
    )


def _reason(kind: str, first: ParticipantInfo, second: ParticipantInfo) -> str | None:
    if kind != "short_name":
        return kind
    # Same surname and first name: a duplicate when a walk-in is involved or a patronymic is
    # missing on one side (two roster people «Иванов Иван» with different patronymics are two).
    if first.walk_in or second.walk_in:
        return "walk_in_name"
    if not first.patronymic or not second.patronymic:
        return "name"
    return None
