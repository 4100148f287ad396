"""What a form may accept, for the GUI (which never imports storage): the same limits that bind
every synced record (``storage.validation.FIELD_LIMITS``)."""

from __future__ import annotations

from smm_event.storage import validation


def max_length(entity: str, field: str) -> int:
    """The longest text ``entity.field`` holds on every engine (for ``setMaxLength``)."""
    return validation.max_length(entity, field)
