"""Which line of a schedule file a problem's location (``streams[1].days[0].title``) is on.

The parser reports locations as paths because tomllib keeps no positions; an organizer needs
the line to find it in Notepad. The file's own headers are followed: ``[[streams]]`` opens the
next stream, ``[[streams.days]]`` the next day of the current stream, and so on, so a path is
matched by counting headers, then the key line inside the block.
"""

from __future__ import annotations

import re

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([\w.\s\"-]+?)\s*\]\]?")
_KEY_RE = re.compile(r"^\s*([\w-]+)\s*=")
_PART_RE = re.compile(r"^(\w+)(?:\[(\d+)\])?$")


def _parts(where: str) -> list[tuple[str, int | None]]:
    parts = []
    for piece in where.split("."):
        match = _PART_RE.match(piece)
        if match is None:
            return []
        parts.append((match[1], int(match[2]) if match[2] is not None else None))
    return parts


def line_of(text: str, where: str) -> int | None:
    """The 1-based line of ``where`` in ``text``, or None when it cannot be told."""
    wanted = _parts(where)
    if not wanted:
        return None
    # The current position: table names opened so far, with each array's index.
    position: list[tuple[str, int | None]] = []
    counters: dict[tuple[tuple[str, int | None], ...], int] = {}
    best: tuple[int, int] | None = None  # (matched depth, line) of the deepest enclosing table
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER_RE.match(line)
        if header:
            names = [name.strip().strip('"') for name in header[2].split(".")]
            is_array = header[1] == "[["
            parent = tuple(position[: len(names) - 1])
            position = list(parent)
            if is_array:
                key = (*parent, (names[-1], None))
                counters[key] = counters.get(key, -1) + 1
                position.append((names[-1], counters[key]))
            else:
                position.append((names[-1], None))
            depth = len(position)
            if _matches(position, wanted[:depth]) and (best is None or depth > best[0]):
                best = (depth, number)  # a missing field is reported at its table's header
            continue
        key_match = _KEY_RE.match(line)
        if key_match and _matches([*position, (key_match[1], None)], wanted):
            return number
    return best[1] if best else None


def _matches(position: list[tuple[str, int | None]], wanted: list[tuple[str, int | None]]) -> bool:
    if len(position) != len(wanted):
        return False
    return all(
        name == want_name and (want_index is None or index == want_index)
        for (name, index), (want_name, want_index) in zip(position, wanted, strict=True)
    )
