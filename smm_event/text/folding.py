"""Text folding for search and Russian alphabetical sorting.

SQLite's ``LIKE``/``upper()`` fold ASCII only, so Cyrillic search goes through a stored,
pre-folded column: ``search_key()`` when a record is saved and ``fold()`` on the query, then a
plain substring match. Folding is lossy on purpose: a desk clerk typing «салтыковщедрин»,
«ЁЛКИНА» or «д артаньян» must find «Салтыков-Щедрин», «Ёлкина» and «Д'Артаньян».
"""

from __future__ import annotations

import unicodedata

# Never survives fold(), so a folded query can never match across two fields of a key.
FIELD_SEPARATOR = "|"

# Spaces, hyphens/dashes, apostrophes/quotes, dots and commas people type inconsistently in names.
_DROPPED = (
    " \t\n\r\f\v\u00a0\u2007\u202f\u2009\u200b"
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
    "'\u2019\u2018\u02bc\u02b9`\u00b4\"\u00ab\u00bb\u201c\u201d"
    ".," + FIELD_SEPARATOR
)
_FOLD_TABLE = str.maketrans({"ё": "е", **{ch: None for ch in _DROPPED}})

_APOSTROPHES = "'\u2019\u2018\u02bc\u02b9`\u00b4"
_SORT_TABLE = str.maketrans(
    {
        "ё": "е",
        **{ch: None for ch in _APOSTROPHES},
        **{ch: " " for ch in "-\u2010\u2011\u2013\u2014"},
    }
)
# Below every printable character, so «Иванов» sorts before «Иванова»; not NUL, which
# PostgreSQL text columns reject.
_SORT_TIEBREAK = "\x01"
_CONTROLS_TO_SPACE = str.maketrans({chr(code): " " for code in range(0x20)} | {"\x7f": " "})


def fold(text: str) -> str:
    """Case- and punctuation-insensitive form for substring search (ё→е, й kept)."""
    # NFC first: a decomposed й (и + breve) or ё (е + diaeresis) must fold like the composed one.
    # And NFC again after: dropping a quote can bring two combining marks together out of
    # canonical order, and casefold() may decompose; the result must fold to itself.
    folded = unicodedata.normalize("NFC", text).casefold().translate(_FOLD_TABLE)
    return unicodedata.normalize("NFC", folded)


def search_key(*parts: str | None) -> str:
    """Folded parts joined by a separator a folded query cannot contain."""
    return FIELD_SEPARATOR.join(fold(part) if part else "" for part in parts)


def sort_key(text: str) -> str:
    """Key for Russian alphabetical order: case-insensitive, ё with е, hyphens as spaces.

    Python's code-point order already puts а..я (with й after и) right and only misplaces ё
    (U+0451, after я). Exact ties are broken by the original text so the order is total.
    """
    nfc = unicodedata.normalize("NFC", text).translate(_CONTROLS_TO_SPACE)
    primary = " ".join(nfc.casefold().translate(_SORT_TABLE).split())
    return f"{primary}{_SORT_TIEBREAK}{nfc.casefold()}{_SORT_TIEBREAK}{nfc}"


def fold_phone_digits(text: str) -> str:
    """Digits only, so a query «928 12» matches a stored «+79281234567»."""
    return "".join(ch for ch in text if "0" <= ch <= "9")
