"""What each station role may write: the one table every receiver checks a record against
before applying it (docs/trust.md keeps the same table for people).

A rule is ``True`` (the role may write any record of the entity) or a predicate over the
record and what the receiving database already holds. The organizer writes everything. To let a
role write a new entity, add a line to ``RULES``; an entity nobody but the organizer writes
needs no line at all."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from sqlalchemy.orm import Session


class Role(StrEnum):
    ORGANIZER = "organizer"
    DESK = "desk"
    TRAINER = "trainer"
    REGISTRAR = "registrar"  # certificate registrar


@dataclass(frozen=True)
class Write:
    """One record as the rules see it."""

    author: uuid.UUID
    entity: str
    entity_id: str
    payload: Mapping[str, Any]


Predicate = Callable[[Session, Write], bool]
Rule = bool | Predicate


def _only(*names: str) -> Predicate:
    allowed = frozenset(names)
    return lambda _session, write: set(write.payload) <= allowed


def _own_row(_session: Session, write: Write) -> bool:
    return write.entity_id == write.author.hex or write.entity_id == str(write.author)


def _walk_in(session: Session, write: Write) -> bool:
    """A desk registers walk-ins (new people flagged ``walk_in``, first badge) and records
    consent; it never edits the roster, names of roster people or badge versions."""
    from smm_event.storage.models import Participant

    payload = write.payload
    if set(payload) <= {"consent", "consent_date"}:
        return True
    if payload.get("walk_in") is not True or payload.get("badge_version", 1) != 1:
        return False
    existing = session.get(Participant, uuid.UUID(write.entity_id))
    return existing is None or (existing.walk_in and existing.badge_version == 1)


def _new_row(model_name: str) -> Predicate:
    def rule(session: Session, write: Write) -> bool:
        from smm_event.storage.entities import entity_spec

        model = entity_spec(model_name).model
        return session.get(model, uuid.UUID(write.entity_id)) is None

    return rule


def _desk_prefill(_session: Session, write: Write) -> bool:
    return write.payload.get("source") == "desk"


def _door_scan(_session: Session, write: Write) -> bool:
    # A trainer's laptop logs the badges it refused at a hall's door (check-in method "door"); it
    # never admits anyone at the entrance.
    return write.payload.get("method") == "door" and write.payload.get("result") != "admitted"


def _desk_checkin(_session: Session, write: Write) -> bool:
    # A desk may let someone in on another stream's day only by naming the reason and the
    # organizer who allowed it (smm_event.services.checkin_override).
    payload = write.payload
    if payload.get("method") != "override" and not payload.get("override_reason"):
        return True
    return bool(payload.get("override_reason")) and bool(payload.get("override_by"))


def _own_station(_session: Session, write: Write) -> bool:
    # A station writes its own record once, at enrollment: the key and roles inside must carry
    # the anchor's certificate (checked by the verifier for every station record), and only the
    # organizer may touch the revocation fields.
    return _own_row(_session, write) and not (
        {"revoked_after_seq", "revoked_reason"} & set(write.payload)
    )


# entity -> role -> rule. Roles not listed for an entity may not write it (organizer aside).
RULES: dict[str, dict[Role, Rule]] = {
    "device": {Role.DESK: _own_row, Role.TRAINER: _own_row, Role.REGISTRAR: _own_row},
    "station": {Role.DESK: _own_station, Role.TRAINER: _own_station, Role.REGISTRAR: _own_station},
    "checkin": {Role.DESK: _desk_checkin, Role.TRAINER: _door_scan},
    "checkin_annulment": {Role.DESK: True},
    "badge_print": {Role.DESK: True},
    "participant": {Role.DESK: _walk_in},
    "organization": {Role.DESK: _new_row("organization")},
    "attendance_mark": {Role.TRAINER: True, Role.DESK: _desk_prefill},
    "session": {Role.TRAINER: _only("closed")},
    "certificate_number_block": {Role.REGISTRAR: True},
    "certificate": {Role.REGISTRAR: True},
    "certificate_void": {Role.REGISTRAR: True},
    "certificate_person": {Role.REGISTRAR: True},
}


def allow(entity: str, role: Role, rule: Rule) -> None:
    """Let ``role`` write ``entity`` (for modules that add entities)."""
    RULES.setdefault(entity, {})[role] = rule


def may_write(session: Session, roles: frozenset[Role], write: Write) -> bool:
    if Role.ORGANIZER in roles:
        return True
    by_role = RULES.get(write.entity, {})
    for role in roles:
        rule = by_role.get(role)
        if rule is True or (callable(rule) and rule(session, write)):
            return True
    return False


def parse_roles(values: object) -> frozenset[Role]:
    """Known roles among a station record's ``roles`` («desk trainer»; unknown ones grant
    nothing)."""
    if not isinstance(values, str):
        return frozenset()
    known = {role.value: role for role in Role}
    return frozenset(known[value] for value in values.split() if value in known)


_OWN_ROLES = "smm_event.own_roles"


def own_roles(session: Session) -> frozenset[Role] | None:
    """What this laptop may write itself; None for no limit: the trust root, a laptop not
    enrolled in any event (a demo, a new laptop before it joins) and an enrolled laptop whose
    own station record has not been written yet (the join writes it). Kept for the transaction,
    so a scan pays one primary-key read."""
    if _OWN_ROLES in session.info:
        return cast("frozenset[Role] | None", session.info[_OWN_ROLES])
    from smm_event.storage.local_models import LocalState
    from smm_event.storage.trust_models import Station

    state = session.get_one(LocalState, 1)
    roles: frozenset[Role] | None = None
    if state.anchor_device is not None and state.anchor_device != state.device_id:
        with session.no_autoflush:
            row = session.get(Station, state.device_id)
        if row is not None and Role.ORGANIZER not in parse_roles(row.roles):
            roles = parse_roles(row.roles)
    session.info[_OWN_ROLES] = roles
    return roles


def forget_own_roles(session: Session) -> None:
    session.info.pop(_OWN_ROLES, None)


def refuse_outside_role(
    session: Session, author: uuid.UUID, entity: str, entity_id: str, payload: Mapping[str, Any]
) -> None:
    """A station never writes what every receiver would quarantine: a desk editing the
    schedule gets a clear refusal here instead."""
    roles = own_roles(session)
    if roles is None:
        return
    if not may_write(session, roles, Write(author, entity, entity_id, payload)):
        from smm_event.errors import UserError

        raise UserError(
            "role_cannot_write",
            entity=entity,
            roles=" ".join(sorted(role.value for role in roles)),
        )
