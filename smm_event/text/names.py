"""A person's full name as people write it: «Иванов Иван Иванович»."""

from __future__ import annotations


def full_name(surname: str | None, first_name: str | None, patronymic: str | None = None) -> str:
    """Missing parts and stray spaces are dropped."""
    parts = (" ".join((part or "").split()) for part in (surname, first_name, patronymic))
    return " ".join(part for part in parts if part)
