"""JSON encoding of field values for the change log, decoded by the target column's type."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Uuid

from smm_event.storage.base import Base


def encode_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def encode_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {name: encode_value(value) for name, value in fields.items()}


def _identity(value: Any) -> Any:
    return value


@cache
def _decoders(model: type[Base]) -> dict[str, Callable[[Any], Any]]:
    decoders: dict[str, Callable[[Any], Any]] = {}
    for column in model.__table__.columns:
        if isinstance(column.type, Uuid):
            decoders[column.key] = uuid.UUID
        elif isinstance(column.type, DateTime):
            decoders[column.key] = dt.datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.key] = dt.date.fromisoformat
        else:
            decoders[column.key] = _identity
    return decoders


def decode_fields(model: type[Base], payload: Mapping[str, Any]) -> dict[str, Any]:
    """Decode known columns; unknown names (from a newer schema) are ignored, not fatal."""
    decoders = _decoders(model)
    return {
        name: (None if value is None else decoders[name](value))
        for name, value in payload.items()
        if name in decoders
    }
