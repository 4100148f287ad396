"""Typed access to one table of a user's TOML file, failing with the value's location."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import NoReturn


class Problem(Exception):
    """A problem in the file; the parser turns it into a UserError that names the file."""

    def __init__(self, where: str, reason: str, **params: object) -> None:
        super().__init__(where, reason, params)
        self.where = where
        self.reason = reason
        self.params = params


def fail(where: str, reason: str, **params: object) -> NoReturn:
    raise Problem(where, reason, **params)


class Table:
    """One TOML table and where it sits in the file (``streams[0].days[2]``)."""

    def __init__(self, value: object, where: str, fields: frozenset[str]) -> None:
        if not isinstance(value, dict):
            fail(where, "bad_type", expected="table")
        self.where = where
        self.data: Mapping[str, object] = value
        for key in value:
            if key not in fields:
                # A typo ("colour" as "color") must not silently drop a value.
                close = difflib.get_close_matches(key, sorted(fields), n=1)
                fail(self.at(key), "unknown_field", field=key, suggestion=next(iter(close), None))

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str) -> object:
        return self.data.get(key)

    def required(self, key: str) -> object:
        value = self.data.get(key)
        if value is None:
            fail(self.at(key), "missing_field", field=key)
        return value

    def text(self, key: str) -> str:
        value = self.optional_text(key)
        if value is None:
            if key in self.data:
                fail(self.at(key), "empty_value", field=key)
            fail(self.at(key), "missing_field", field=key)
        return value

    def optional_text(self, key: str) -> str | None:
        """The string with runs of whitespace collapsed (multi-line TOML strings read as one
        line); None when absent or blank."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            fail(self.at(key), "bad_type", expected="string", value=str(value))
        return " ".join(value.split()) or None

    def integer(self, key: str, reason: str, *, minimum: int, maximum: int | None = None) -> int:
        value = self.optional_integer(key, reason, minimum=minimum, maximum=maximum)
        if value is None:
            fail(self.at(key), "missing_field", field=key)
        return value

    def optional_integer(
        self, key: str, reason: str, *, minimum: int, maximum: int | None = None
    ) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        # bool is an int in Python; "capacity = true" is a mistake, not 1.
        if isinstance(value, bool) or not isinstance(value, int):
            fail(self.at(key), reason, value=str(value))
        if value < minimum or (maximum is not None and value > maximum):
            fail(self.at(key), reason, value=str(value))
        return value

    def array(self, key: str, empty_reason: str) -> Iterator[tuple[str, object]]:
        """The items of an array of tables with their locations; an absent or empty array is
        ``empty_reason``."""
        value = self.data.get(key)
        if value is None or value == []:
            fail(self.at(key), empty_reason)
        if not isinstance(value, list):
            fail(self.at(key), "bad_type", expected="array_of_tables")
        for index, item in enumerate(value):
            yield f"{self.at(key)}[{index}]", item
