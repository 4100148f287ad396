"""The payload check the verifier runs before applying a record.

Placeholder until the ``trust-hygiene`` branch's ``smm_event.storage.validation.validate_change``
lands (the agreed contract: a problem code or None); at the merge this module becomes a direct
call of it. Until then it refuses what would make applying a record crash or write a column
that does not exist."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Boolean, Integer, String

from smm_event.storage.entities import entity_names, entity_spec


def payload_problem(entity: str, entity_id: str, payload: Mapping[str, Any]) -> str | None:
    try:
        from smm_event.storage.validation import (  # type: ignore[import-not-found, unused-ignore]
            validate_change,
        )
    except ImportError:
        return _basic_problem(entity, entity_id, payload)
    problem: str | None = validate_change(entity, entity_id, payload)
    return problem


def _basic_problem(entity: str, entity_id: str, payload: Mapping[str, Any]) -> str | None:
    if entity not in entity_names():
        return None
    spec = entity_spec(entity)
    if not spec.text_key:
        try:
            uuid.UUID(entity_id)
        except ValueError:
            return "bad_type"
    columns = spec.model.__table__.columns
    for name, value in payload.items():
        if name not in columns or name in ("id", "clocks"):
            return "unknown_field"
        if value is None:
            continue
        kind = columns[name].type
        if isinstance(kind, Boolean) and not isinstance(value, bool):
            return "bad_type"
        if isinstance(kind, Integer) and (type(value) is not int or abs(value) >= 2**31):
            return "bad_type"
        if isinstance(kind, String):
            if not isinstance(value, str):
                return "bad_type"
            if kind.length is not None and len(value) > kind.length:
                return "too_long"
    return None
