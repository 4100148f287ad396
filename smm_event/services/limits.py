"""What a user may type into a field, for the GUI's input boxes: the same limits the change
log enforces (``storage.validation``), so nothing typed can make a save or a sync fail."""

from __future__ import annotations

from smm_event.storage.validation import max_length


def field_max_length(entity: str, field: str) -> int:
    return max_length(entity, field)
