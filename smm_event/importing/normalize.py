"""Cell-level normalization of imported values: phones, e-mails, names, gender, consent, scores.

Each parser takes the cell text, returns ``None`` for a blank cell and raises ``BadValue`` with
a stable reason code when the text cannot be understood; the row parsers turn that into a
``RowError``.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from smm_event.storage.validation import strip_format_characters
from smm_event.text.folding import fold

_NON_DIGITS_RE = re.compile(r"[^0-9]+")
_PHONE_ALLOWED_RE = re.compile(r"^[0-9\s()+\-.\u2010-\u2015]+$")
_EMAIL_RE = re.compile(r"^[\w.!#$%&'*+/=?^`{|}~-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}$")
_NAME_WORD_RE = re.compile(r"[\w\u0301]+|[^\w\u0301]+")
_APOSTROPHES = "'\u2019\u02bc`"
_INITIAL_RE = re.compile(r"^[^\W\d_](?:\.\s?[^\W\d_])?\.?$")
# Turkic patronymic particles stay lower-case: «Эльчин Гусейн оглы», «Айгюн Рашид кызы».
PATRONYMIC_PARTICLES = frozenset(
    {"оглы", "оглу", "огли", "угли", "улы", "уулу", "кызы", "гызы", "кизи", "кизы"}
)


class BadValue(ValueError):
    """A non-blank cell that cannot be understood; ``reason`` is a stable error code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_text(raw: str) -> str | None:
    """Trimmed text with runs of whitespace (incl. NBSP, newlines) collapsed and invisible
    format characters (bidi overrides, zero-width spaces) removed; None if blank."""
    return " ".join(strip_format_characters(raw).split()) or None


def phone(raw: str) -> str | None:
    """Russian numbers to ``+7XXXXXXXXXX``; explicit foreign numbers (``+374…``) kept as ``+…``.

    Accepted: ``8 (928) 123-45-67``, ``+7 928 …``, ``7 928 …``, ``928…`` (10 digits).
    """
    # A leading apostrophe is how people force Excel to keep «+7…» or «8…» as text.
    text = clean_text(raw.lstrip("'’"))
    if text is None:
        return None
    if not _PHONE_ALLOWED_RE.match(text):
        raise BadValue("bad_phone")
    digits = _NON_DIGITS_RE.sub("", text)
    international = text.startswith("+")
    if len(digits) == 11 and digits[0] in "78" and not (international and digits[0] == "8"):
        return "+7" + digits[1:]
    if len(digits) == 10 and not international and digits[0] in "3489":
        return "+7" + digits
    if international and digits[:1] not in ("", "0", "7", "8") and 10 <= len(digits) <= 15:
        return "+" + digits
    raise BadValue("bad_phone")


def email(raw: str) -> str | None:
    """Stripped, lower-cased address; one address per cell."""
    text = clean_text(raw)
    if text is None:
        return None
    text = text.strip("<>").removeprefix("mailto:").strip().lower()
    if len(text) > 254 or not _EMAIL_RE.match(text) or ".." in text:
        raise BadValue("bad_email")
    return text


def name(raw: str) -> str | None:
    """A name part with spaces collapsed and each word capitalised (see ``_recase_word``)."""
    text = clean_text(raw)
    if text is None:
        return None
    return " ".join([_recase_word(word) for word in text.split(" ")])


# Folded: «-», «—» and «.» fold to "".
_NO_PATRONYMIC = frozenset({"", "нет", "нетотчества", "отсутствует", "неимеется", "n/a", "none"})


def patronymic(raw: str) -> str | None:
    """Like ``name``, but the «-» or «нет» people type into a required form field means none."""
    if fold(raw) in _NO_PATRONYMIC:
        return None
    return name(raw)


def is_initials(value: str) -> bool:
    """«И.», «И.И.», «И» — an abbreviation where a certificate needs the full name."""
    return bool(_INITIAL_RE.match(value))


def _recase_word(word: str) -> str:
    lowered = word.lower()
    if lowered in PATRONYMIC_PARTICLES:
        return lowered
    if word.isalpha():  # the common case, no hyphen or apostrophe: skip the regex
        return _recase_piece(word, capital=True)
    pieces = _NAME_WORD_RE.findall(word)
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if not (piece[0].isalnum() or piece[0] == "_"):
            out.append(piece)  # a separator: hyphen, apostrophe, dot
            continue
        capital = index == 0 or _capitalise_after(pieces, index)
        out.append(_recase_piece(piece, capital))
    return "".join(out)


def _recase_piece(piece: str, capital: bool) -> str:
    # Inner capitals behind a leading one («МакДональд», «ДиКаприо») were typed on purpose.
    if capital and piece[:1].isupper() and not piece.isupper():
        return piece
    lowered = piece.lower()
    return lowered[:1].upper() + lowered[1:] if capital else lowered


def _capitalise_after(pieces: list[str], index: int) -> bool:
    """After a hyphen or dot always (Салтыков-Щедрин, И.И.); after an apostrophe only behind
    a one-letter prefix (Д'Артаньян, О'Коннор): in spellings like «Дар'я» it is a hard sign."""
    separator = pieces[index - 1]
    if not separator.strip(_APOSTROPHES):
        return index >= 2 and len(pieces[index - 2]) == 1
    return any(ch in separator for ch in "-\u2010\u2011.")


_MALE = frozenset({"м", "муж", "мужской", "мужчина", "male", "m", "man"})
_FEMALE = frozenset({"ж", "жен", "женский", "женщина", "female", "f", "woman"})


def gender(raw: str) -> str | None:
    """Return "male", "female" or None (blank or not a recognisable answer: gender is optional)."""
    key = fold(raw)
    if key in _MALE:
        return "male"
    if key in _FEMALE:
        return "female"
    return None


_YES = frozenset({"да", "yes", "y", "true", "истина", "1", "+", "✓", "✔", "☑", "v", "д"})
_NO = frozenset({"нет", "no", "n", "false", "ложь", "0", "-", "н", "✗", "✘"})
_YES_PREFIXES = (
    "соглас",
    "даю",
    "да",
    "я соглас",
    "подтвержда",
    "принима",
    "agree",
    "yes",
    "i agree",
)
_NO_PREFIXES = ("не ", "я не ", "нет", "no", "отказ", "disagree", "i do not", "i don't")


def consent(raw: str) -> bool | None:
    """Yes/no answers and Google Forms checkbox texts like «Согласен(на)», «Даю согласие»."""
    text = clean_text(raw)
    if text is None:
        return None
    key = fold(text)
    if key in _YES:
        return True
    if key in _NO or text in {"-", "—", "–", "−"}:  # dashes fold away to ""
        return False
    lowered = text.casefold().replace("ё", "е")
    if lowered.startswith(_NO_PREFIXES):
        return False
    if lowered.startswith(_YES_PREFIXES):
        return True
    raise BadValue("bad_consent")


_SCORE_RE = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*%?$")
_FRACTION_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:/|из|of)\s*(\d+(?:[.,]\d+)?)$")


def score(raw: str) -> float | None:
    """A 0..100 score: «85», «85,5», «85.5», «85 %»; «17 / 20» (a Google Forms quiz) → 85.0."""
    text = clean_text(raw)
    if text is None:
        return None
    fraction = _FRACTION_RE.match(text)
    if fraction:
        got, out_of = (float(part.replace(",", ".")) for part in fraction.groups())
        if out_of <= 0 or got > out_of:
            raise BadValue("bad_score")
        return round(got / out_of * 100, 2)
    match = _SCORE_RE.match(text)
    if match is None:
        raise BadValue("bad_score")
    value = float(match.group(1).replace(",", "."))
    if not (0 <= value <= 100) or math.isnan(value):
        raise BadValue("bad_score")
    return value + 0.0  # no «-0.0»


_ISO_DATE_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DMY_RE = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDY_RE = re.compile(r"^(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*г(?:ода|\.)?)?$")
_SERIAL_RE = re.compile(r"^(\d{5})(?:[.,]\d+)?$")
_MONTHS = {
    word: number
    for number, words in enumerate(
        (
            "января январь янв",
            "февраля февраль фев",
            "марта март мар",
            "апреля апрель апр",
            "мая май",
            "июня июнь июн",
            "июля июль июл",
            "августа август авг",
            "сентября сентябрь сен сент",
            "октября октябрь окт",
            "ноября ноябрь ноя",
            "декабря декабрь дек",
        ),
        start=1,
    )
    for word in words.split()
}
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def date(raw: str) -> dt.date | None:
    """«12.05.2024», «12.05.24», «2024-05-12», «12 мая 2024 г.», Google Forms timestamps, and
    Excel serial numbers. With slashes the day comes first unless that is impossible (5/13/2024).
    """
    text = clean_text(raw)
    if text is None:
        return None
    try:
        parsed = _parse_date(text.casefold())
    except (ValueError, OverflowError, KeyError):
        raise BadValue("bad_date") from None
    if parsed is None or not (1900 <= parsed.year <= 2100):
        raise BadValue("bad_date")
    return parsed


def _parse_date(text: str) -> dt.date | None:
    if match := _ISO_DATE_RE.match(text):
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    if match := _DMY_RE.match(text):
        first, separator, second, year_text = match.groups()
        day, month = int(first), int(second)
        if separator == "/" and month > 12 >= day:
            day, month = month, day
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return dt.date(year, month, day)
    if match := _WORDY_RE.match(text):
        return dt.date(int(match.group(3)), _month_number(match.group(2)), int(match.group(1)))
    if match := _SERIAL_RE.match(text):
        return _EXCEL_EPOCH + dt.timedelta(days=int(match.group(1)))
    return None


def _month_number(word: str) -> int:
    return _MONTHS[word]  # KeyError is a ValueError-like «bad_date» to the caller
