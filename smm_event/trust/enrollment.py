"""Enrolling stations with no network, by request and approval files.

1. The new laptop writes a request: its device id, its station public key, a proposed name.
2. The organizer's laptop (the trust anchor) approves it: it records the station (key and roles
   under the anchor's certificate) and writes an approval naming that key.
3. The new laptop checks the approval names its own device and key, pins the anchor, and
   records its own station record (so its log proves itself wherever it travels).

A copied approval enrolls nobody else: it names a public key whose private half never left the
laptop that asked, and records signed with another key fail verification everywhere."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from smm_event.errors import UserError
from smm_event.storage import changes
from smm_event.storage.chain import load_public_key
from smm_event.storage.local_models import LocalState
from smm_event.storage.models import Device, Event
from smm_event.storage.station_keys import own_public_key, signer
from smm_event.storage.trust_models import Station
from smm_event.trust.certificates import certificate_is_valid, issue_certificate
from smm_event.trust.roles import Role

REQUEST_FORMAT = "smm-event-join-request"
APPROVAL_FORMAT = "smm-event-join-approval"


def is_trust_root(state: LocalState) -> bool:
    return state.anchor_device is not None and state.anchor_device == state.device_id


def become_trust_root(session: Session) -> None:
    """This laptop (the badge signing key's holder) becomes its event's trust anchor."""
    state = changes.local_state(session)
    if state.event_id is None:
        raise UserError("no_event")
    state.anchor_device = state.device_id
    state.anchor_key = own_public_key(session, state.device_id)
    device = session.get(Device, state.device_id)
    name = device.name if device is not None else "Организатор"
    record_station(session, state.device_id, state.anchor_key, name, [Role.ORGANIZER.value])


def record_station(
    session: Session, device_id: uuid.UUID, public_key: str, name: str, roles: Iterable[str]
) -> dict[str, Any]:
    """Write a station record under the anchor's certificate (organizer's laptop only)."""
    state = changes.local_state(session)
    if not is_trust_root(state) or state.event_id is None:
        raise UserError("station_not_organizer")
    payload = station_payload(session, device_id, public_key, name, roles, state.event_id)
    changes.record(session, "station", device_id, payload)
    return payload


def station_payload(
    session: Session,
    device_id: uuid.UUID,
    public_key: str,
    name: str,
    roles: Iterable[str],
    event_id: uuid.UUID,
) -> dict[str, Any]:
    role_list = sorted({Role(role).value for role in roles})
    anchor = signer(session, changes.local_state(session).device_id)
    return {
        "name": name,
        "roles": " ".join(role_list),
        "public_key": public_key,
        "event_id": str(event_id),
        "certificate": issue_certificate(anchor, device_id, public_key, role_list, event_id),
    }


def make_request(session: Session, name: str) -> dict[str, Any]:
    state = changes.local_state(session)
    return {
        "format": REQUEST_FORMAT,
        "version": 1,
        "device_id": state.device_id.hex,
        "public_key": own_public_key(session, state.device_id),
        "name": name,
    }


def parse_request(data: Any) -> tuple[uuid.UUID, str, str]:
    try:
        if data["format"] != REQUEST_FORMAT or data["version"] != 1:
            raise ValueError
        device = uuid.UUID(hex=data["device_id"])
        key = str(data["public_key"])
        name = str(data.get("name") or "")
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UserError("join_request_invalid") from error
    if load_public_key(key) is None:
        raise UserError("join_request_invalid")
    return device, key, name


def approve(session: Session, data: Any, name: str, roles: Iterable[str]) -> dict[str, Any]:
    device, key, proposed = parse_request(data)
    state = changes.local_state(session)
    if device == state.device_id:
        raise UserError("join_request_invalid")
    existing = session.get(Station, device)
    if existing is not None and existing.public_key != key:
        raise UserError("station_key_mismatch", station=str(device))
    payload = record_station(session, device, key, name or proposed, roles)
    event = session.get_one(Event, state.event_id)
    return {
        "format": APPROVAL_FORMAT,
        "version": 1,
        "device_id": device.hex,
        "event_id": str(event.id),
        "event_name": event.name,
        "anchor_device": state.device_id.hex,
        "anchor_key": state.anchor_key,
        "station": payload,
    }


def accept_approval(session: Session, data: Mapping[str, Any]) -> dict[str, Any]:
    """Pin the anchor the approval names, after checking it was made for this laptop."""
    state = changes.local_state(session)
    try:
        if data["format"] != APPROVAL_FORMAT or data["version"] != 1:
            raise ValueError
        device = uuid.UUID(hex=data["device_id"])
        anchor_device = uuid.UUID(hex=data["anchor_device"])
        anchor_key = str(data["anchor_key"])
        event_id = uuid.UUID(str(data["event_id"]))
        station = dict(data["station"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UserError("join_approval_invalid") from error
    mine = own_public_key(session, state.device_id)
    if device != state.device_id or station.get("public_key") != mine:
        raise UserError("join_not_for_this_laptop")
    if not certificate_is_valid(anchor_key, device, station) or str(station.get("event_id")) != str(
        event_id
    ):
        raise UserError("join_approval_invalid")
    if state.event_id is not None and state.event_id != event_id:
        raise UserError("join_other_event", event=str(data.get("event_name") or ""))
    if state.anchor_key is not None and state.anchor_key != anchor_key:
        raise UserError("join_other_event", event=str(data.get("event_name") or ""))
    state.anchor_device, state.anchor_key = anchor_device, anchor_key
    state.event_id = event_id  # what this laptop joined, before any of its records arrive
    changes.record(session, "station", state.device_id, station)
    return station
