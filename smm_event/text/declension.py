"""A person's name in the dative case, for «выдан Иванову Ивану Ивановичу».

pytrovich (a port of petrovich) declines Russian names well when it is given the gender. Around it
this module applies the rules it misses or that depend on facts it cannot know, and says when a
human should look at the result (``needs_review`` with reason codes), because the certificate
register freezes the printed name:

- Surnames ending in -е, -и, -о, -у, -ы, -э, -ю (Гогуадзе, Гелашвили, Шевченко, Дурново), in
  -ых/-их (Черных) or in a vowel + -а (Гулиа) do not decline; a woman's surname ending in a
  consonant does not decline (Акопян, Шмидт), while a man's does (Акопяну, Шмидту).
- Azerbaijani patronymics «Гусейн оглы», «Рафик кызы» stay unchanged as a whole: the father's
  name there is a possessor («сын Гусейна»), not an apposition, and the particle is indeclinable.
  This is the form Russian official documents use («Мамедову Эльчину Гусейн оглы»).
- Double surnames decline part by part (Римской-Корсаковой, Ивановой-Акопян), except particles
  such as Тер- and Бонч- (Тер-Петросяну).
- A man's surname keeps its vowel (Кузнецу, Заяцу); pytrovich drops it as in common nouns.
- A woman's first name in -ь declines like «Любовь»: Айгюль → Айгюли; pytrovich keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from smm_event.text.names import full_name


class ReviewReason(StrEnum):
    GENDER_UNKNOWN = "gender_unknown"
    NO_PATRONYMIC = "no_patronymic"
    INDECLINABLE_SURNAME = "indeclinable_surname"
    TURKIC_PATRONYMIC = "turkic_patronymic"
    UNCHANGED_NAME = "unchanged_name"


@dataclass(frozen=True)
class DativeName:
    surname: str
    first_name: str
    patronymic: str | None
    needs_review: bool
    reasons: tuple[str, ...]

    @property
    def full(self) -> str:
        return full_name_nominative(self.surname, self.first_name, self.patronymic)


_MALE_WORDS = frozenset({"m", "male", "man", "м", "муж", "мужской", "мужчина"})
_FEMALE_WORDS = frozenset({"f", "w", "female", "woman", "ж", "жен", "женский", "женщина"})
_TURKIC_PATRONYMIC = re.compile(
    r"^(?P<father>\S.*?)[\s-]+(?P<particle>оглы|оглу|улы|уулу|кызы|гызы|кизи)$", re.IGNORECASE
)
_FEMALE_PARTICLES = frozenset({"кызы", "гызы", "кизи"})
_INDECLINABLE_VOWELS = frozenset("еиоуыэю")
_VOWELS = frozenset("аеёиоуыэюя")
# First parts of double surnames that are particles, not surnames: Тер-Петросяну, Бонч-Бруевичу.
_FIXED_PREFIXES = frozenset({"тер", "бонч", "мелик"})


@cache
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@cache
def _detector() -> PetrovichGenderDetector:
    return PetrovichGenderDetector()


def _clean(part: str | None) -> str:
    return " ".join((part or "").split())


def full_name_nominative(surname: str, first_name: str, patronymic: str | None = None) -> str:
    """«Иванов Иван Иванович»; missing parts and stray spaces are dropped."""
    return full_name(surname, first_name, patronymic)


def parse_gender(value: str | None) -> Gender | None:
    """ "male"/"female" and the usual Russian and one-letter spellings; anything else is unknown."""
    word = _clean(value).lower().rstrip(".")
    if word in _MALE_WORDS:
        return Gender.MALE
    if word in _FEMALE_WORDS:
        return Gender.FEMALE
    return None


def grammatical_gender(
    gender: str | None, surname: str, first_name: str, patronymic: str | None
) -> Gender | None:
    """The gender a sentence about the person agrees with («он»/«она»): the recorded one, else
    a guess from the patronymic (and names) when it is clear; None when it is not."""
    known = parse_gender(gender)
    if known is not None:
        return known
    if not patronymic:
        return None  # Caucasian first names alone are guessed wrong too often
    guessed = _guess_gender(_clean(surname), _clean(first_name), _clean(patronymic))
    return guessed if guessed in (Gender.MALE, Gender.FEMALE) else None


def _guess_gender(surname: str, first_name: str, patronymic: str) -> Gender:
    turkic = _TURKIC_PATRONYMIC.match(patronymic)
    if turkic:
        female = turkic["particle"].lower() in _FEMALE_PARTICLES
        return Gender.FEMALE if female else Gender.MALE
    detect: Callable[..., object] = _detector().detect  # untyped in pytrovich
    detected = detect(
        firstname=first_name or None, lastname=surname or None, middlename=patronymic or None
    )
    return detected if isinstance(detected, Gender) else Gender.ANDROGYNOUS


def _match_case(original: str, declined: str) -> str:
    # pytrovich appends lower-case endings: ИВАНОВ would become ИВАНОВу.
    return declined.upper() if original.isupper() and len(original) > 1 else declined


def _inflect(part: NamePart, gender: Gender, word: str, known: bool) -> str:
    declined = _maker().make(part, gender, Case.DATIVE, word, known_gender=known)
    return _match_case(word, declined)


def _surname_is_indeclinable(word: str, gender: Gender) -> bool:
    low = word.lower()
    if not low or low[-1] in _INDECLINABLE_VOWELS or low.endswith(("ых", "их")):
        return True
    if low.endswith("а") and len(low) > 1 and low[-2] in _VOWELS:
        return True
    return gender is Gender.FEMALE and low[-1] not in _VOWELS


def _surname_piece(word: str, gender: Gender, known: bool) -> tuple[str, bool]:
    """One hyphen-free part of a surname: (dative, declined_by_rule)."""
    if _surname_is_indeclinable(word, gender):
        return word, False
    if word.lower() in _FIXED_PREFIXES:
        return word, True
    declined = _inflect(NamePart.LASTNAME, gender, word, known)
    last = word[-1].lower()
    hard_consonant = last not in _VOWELS and last not in "йь"
    if gender is Gender.MALE and hard_consonant and not declined.lower().startswith(word.lower()):
        # A fleeting vowel dropped (Кузнец → Кузнцу): surnames keep it (Кузнецу).
        declined = _match_case(word, word + "у")
    return declined, True


def _surname_dative(surname: str, gender: Gender, known: bool) -> tuple[str, bool]:
    """The whole surname and whether any part of it was left indeclinable."""
    words = [piece for piece in surname.split("-") if piece]
    # As petrovich does: the given gender binds the last part; earlier parts use the looser
    # detected-gender rules, which is what lets its exceptions (Бонч-Бруевичу) apply.
    pieces = [
        _surname_piece(piece, gender, known and index == len(words) - 1)
        for index, piece in enumerate(words)
    ]
    return "-".join(text for text, _ in pieces), any(not ok for _, ok in pieces)


def _first_name_dative(first_name: str, gender: Gender, known: bool) -> str:
    declined = _inflect(NamePart.FIRSTNAME, gender, first_name, known)
    if gender is Gender.FEMALE and declined == first_name and first_name.lower().endswith("ь"):
        return _match_case(first_name, first_name[:-1] + "и")
    return declined


def _should_decline(word: str, gender: Gender) -> bool:
    """Whether a first name or patronymic of this shape normally changes in the dative."""
    last = word[-1:].lower()
    if last in ("а", "я"):
        return True
    return gender is not Gender.FEMALE and last.isalpha() and last not in _VOWELS


def _patronymic_dative(middle: str, gender: Gender, known: bool) -> str | None:
    if not middle:
        return None
    if _TURKIC_PATRONYMIC.match(middle):
        return middle
    return _inflect(NamePart.MIDDLENAME, gender, middle, known)


def _review_reasons(
    source: DativeName, result: DativeName, known: bool, sex: Gender, indeclinable: bool
) -> tuple[str, ...]:
    reasons: list[ReviewReason] = []
    if not known:
        reasons.append(ReviewReason.GENDER_UNKNOWN)
    if indeclinable:
        reasons.append(ReviewReason.INDECLINABLE_SURNAME)
    turkic = bool(source.patronymic and _TURKIC_PATRONYMIC.match(source.patronymic))
    if not source.patronymic:
        reasons.append(ReviewReason.NO_PATRONYMIC)
    elif turkic:
        reasons.append(ReviewReason.TURKIC_PATRONYMIC)
    pairs = [(source.first_name, result.first_name)]
    if not indeclinable:
        pairs.append((source.surname, result.surname))
    if source.patronymic and not turkic:
        pairs.append((source.patronymic, result.patronymic or ""))
    if any(before == after and _should_decline(before, sex) for before, after in pairs):
        reasons.append(ReviewReason.UNCHANGED_NAME)
    return tuple(str(reason) for reason in reasons)


def to_dative(
    surname: str, first_name: str, patronymic: str | None, gender: str | None
) -> DativeName:
    """The dative of each part, with the reasons a person should check it before printing."""
    source = DativeName(_clean(surname), _clean(first_name), _clean(patronymic) or None, False, ())
    known_gender = parse_gender(gender)
    sex = known_gender or _guess_gender(source.surname, source.first_name, source.patronymic or "")
    known = known_gender is not None
    surname_dative, indeclinable = _surname_dative(source.surname, sex, known)
    result = DativeName(
        surname=surname_dative,
        first_name=_first_name_dative(source.first_name, sex, known) if source.first_name else "",
        patronymic=_patronymic_dative(source.patronymic or "", sex, known),
        needs_review=False,
        reasons=(),
    )
    reasons = _review_reasons(source, result, known, sex, indeclinable)
    return DativeName(result.surname, result.first_name, result.patronymic, bool(reasons), reasons)
