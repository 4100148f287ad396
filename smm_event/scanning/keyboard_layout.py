"""Undo a Russian (ЙЦУКЕН) keyboard layout on text typed by a USB scanner.

A scanner is a keyboard: it sends key positions, and the operating system turns them into
characters with whatever layout is active. With the Russian layout on, the keys of ``SMM1:ABC``
arrive as ``ЫЬЬ1ЖФИС``. Every character the Russian layout produces sits on exactly one key of
the US QWERTY layout, so the mapping back is a plain character table (Windows "Russian" layout).
"""

from __future__ import annotations

import unicodedata

# Unshifted keys, in the same physical order on both layouts: ` row, Q row, A row, Z row.
_RU_LOWER = "ёйцукенгшщзхъфывапролджэячсмитьбю."
_US_LOWER = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./"
# The same keys with Shift. Ж is Shift+; so it becomes the token's ':'.
_RU_UPPER = "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"
_US_UPPER = '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
# Shift+digits differ: Russian gives !"№;%:?*() where US gives !@#$%^&*(). Shift+\ is / in
# the Russian layout and | in US. Characters shared by both layouts are left alone.
_RU_SHIFTED_DIGITS = '"№;:?/'
_US_SHIFTED_DIGITS = "@#$^&|"

_TO_LATIN = str.maketrans(
    _RU_LOWER + _RU_UPPER + _RU_SHIFTED_DIGITS,
    _US_LOWER + _US_UPPER + _US_SHIFTED_DIGITS,
)
_MAPPED_CYRILLIC = frozenset(ch for ch in _RU_LOWER + _RU_UPPER if ch.isalpha())


def to_latin(text: str) -> str:
    """The characters the same keys give in the US layout (use only on Russian-layout text)."""
    return text.translate(_TO_LATIN)


def has_russian_layout_letters(text: str) -> bool:
    """True when the text holds Cyrillic letters that a Russian layout puts on Latin keys."""
    return any(ch in _MAPPED_CYRILLIC for ch in text)


def strip_controls(text: str) -> str:
    """Drop whitespace and control characters (Enter, Tab, NUL, prefixes some scanners add)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def normalize_scan(text: str) -> str:
    """The scanned text as the scanner meant it.

    The layout is undone only when mapped Cyrillic letters are present: a badge token never
    contains Cyrillic, so their presence is proof of the wrong layout, while Latin-only text
    must keep its punctuation (``to_latin`` would turn ``.`` into ``/``).
    """
    cleaned = strip_controls(text)
    if has_russian_layout_letters(cleaned):
        return to_latin(cleaned)
    return cleaned
