"""Cyrillic to Latin for file names, following the scheme of Russian international passports
(ICAO Doc 9303, in use since 2013), so a file name spells a person the way their passport does.

Ъ is written IE as in that scheme (Подъячев → Podieiachev) rather than dropped; Ь is dropped.
A small table rather than a dependency: the scheme is 33 letters and never changes.
"""

from __future__ import annotations

import re
import unicodedata

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Letters of neighbouring alphabets that turn up in names typed on the same keyboards.
    "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ә": "e", "ө": "o", "ү": "u", "ң": "n",
    "һ": "h", "ə": "e", "ı": "i",
}  # fmt: skip
_APOSTROPHES = frozenset("'’ʼ`´‘")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_REPEATS = re.compile(r"_{2,}")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
FALLBACK_NAME = "file"


_LOWER_TABLE = str.maketrans({**_TABLE, **dict.fromkeys(_APOSTROPHES, "")})


def _is_upper_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalpha() and text[index].isupper()


def _letter(text: str, index: int) -> str:
    char = text[index]
    latin = _TABLE.get(char.lower())
    if latin is None:
        return "" if char in _APOSTROPHES else char
    if not char.isupper():
        return latin
    # ЩУКИН → SHCHUKIN but Щукин → Shchukin: a capital inside capitals stays all caps.
    if _is_upper_letter(text, index + 1) or _is_upper_letter(text, index - 1):
        return latin.upper()
    return latin.capitalize()


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin (passport scheme); apostrophes are dropped, the rest is kept."""
    return "".join(_letter(text, index) for index in range(len(text)))


def latin_lower(text: str) -> str:
    """Lower-case Cyrillic to Latin in one ``str.translate`` pass (no capitalisation rules):
    fast enough to key 10,000 names for duplicate detection."""
    return text.translate(_LOWER_TABLE)


def _ascii_fold(text: str) -> str:
    # Accented Latin (é, ş, ğ) loses its accent rather than the whole letter.
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def safe_file_name(text: str, max_length: int = 80) -> str:
    """A file name stem of ASCII letters, digits, ``_`` and ``-``: no spaces, never empty,
    never a reserved Windows device name. Add the extension after it."""
    if max_length < len(FALLBACK_NAME) + 1:
        raise ValueError(f"max_length too small: {max_length}")
    stem = _UNSAFE.sub("_", _ascii_fold(transliterate(text)))
    stem = _REPEATS.sub("_", stem).strip("_-")
    stem = stem[:max_length].rstrip("_-")
    if not stem:
        return FALLBACK_NAME
    if stem.lower() in _WINDOWS_RESERVED:
        stem = f"{stem}_"
    return stem
