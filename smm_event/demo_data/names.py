"""Names, phones and e-mails of fictional people, made from the demo name lists."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from smm_event.demo_data.lists import NameGroup, Region
from smm_event.text.translit import transliterate

Gender = Literal["male", "female"]
PatronymicStyle = Literal["none", "turkic", "russian"]

# Only the adjective-like and possessive endings change with gender; -ян, -дзе, -ко, -иди,
# Хуаде, Мельник and the like are the same for women.
_ADJECTIVE_ENDINGS = (
    ("ский", "ская"),
    ("цкий", "цкая"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("ый", "ая"),
    ("ой", "ая"),
)
_POSSESSIVE_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_NOT_IN_EMAIL = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class PersonName:
    surname: str
    first_name: str
    patronymic: str | None
    gender: Gender


def feminine_surname(male: str) -> str:
    for ending, female in _ADJECTIVE_ENDINGS:
        if male.endswith(ending):
            return male[: -len(ending)] + female
    if male.endswith(_POSSESSIVE_ENDINGS):
        return male + "а"
    return male


@dataclass(frozen=True)
class NameVariant:
    gender: Gender
    style: PatronymicStyle
    compound: bool


def group_variants(
    rng: random.Random, size: int, group: NameGroup, female_share: float
) -> list[NameVariant]:
    """Exact quotas per group and gender (then shuffled), so every roster has both оглы and
    кызы, people without a patronymic and double surnames, whatever the seed."""
    women = round(size * female_share)
    variants = _variants(rng, "female", women, group) + _variants(rng, "male", size - women, group)
    rng.shuffle(variants)
    return variants


def _variants(rng: random.Random, gender: Gender, size: int, group: NameGroup) -> list[NameVariant]:
    without = round(size * group.no_patronymic_share)
    turkic = round((size - without) * group.turkic_share) if group.turkic_fathers else 0
    rest: PatronymicStyle = "russian" if group.patronymics else "none"
    quotas: tuple[tuple[PatronymicStyle, int], ...] = (
        ("none", without),
        ("turkic", turkic),
        (rest, size - without - turkic),
    )
    styles = [style for style, count in quotas for _ in range(count)]
    compound = round(size * group.compound_share) if group.compound_surnames else 0
    compounds = [True] * compound + [False] * (size - compound)
    rng.shuffle(compounds)
    return [NameVariant(gender, style, flag) for style, flag in zip(styles, compounds, strict=True)]


def make_name(rng: random.Random, group: NameGroup, variant: NameVariant) -> PersonName:
    female = variant.gender == "female"
    if variant.compound:
        male_form, female_form = rng.choice(group.compound_surnames)
        surname = female_form if female else male_form
    else:
        surname = rng.choice(group.surnames)
        surname = feminine_surname(surname) if female else surname
    first_name = rng.choice(group.female_names if female else group.male_names)
    patronymic = _patronymic(rng, group, female, variant.style)
    return PersonName(surname, first_name, patronymic, variant.gender)


def _patronymic(
    rng: random.Random, group: NameGroup, female: bool, style: PatronymicStyle
) -> str | None:
    if style == "none":
        return None
    if style == "turkic":
        return f"{rng.choice(group.turkic_fathers)} {'кызы' if female else 'оглы'}"
    male_form, female_form = rng.choice(group.patronymics)
    return female_form if female else male_form


def make_phone(rng: random.Random, region: Region, taken: set[str]) -> str:
    while True:
        phone = f"+7{rng.choice(region.phone_codes)}{rng.randrange(10**7):07d}"
        if phone not in taken:
            taken.add(phone)
            return phone


def _latin(text: str) -> str:
    return _NOT_IN_EMAIL.sub("", transliterate(text).lower()).strip("-")


def make_email(
    rng: random.Random, name: PersonName, domains: Sequence[str], taken: set[str]
) -> str:
    first, last = _latin(name.first_name), _latin(name.surname)
    initials = first[0] + (_latin(name.patronymic)[:1] if name.patronymic else "")
    year = f"{rng.randrange(100):02d}"
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{last}.{first}",
            f"{first[0]}.{last}",
            f"{last}{year}",
            f"{first}_{last}",
            f"{last}.{initials}",
            f"{first}{last[0]}{year}",
        )
    )
    domain = rng.choice(domains)
    email = f"{local}@{domain}"
    while email in taken:
        email = f"{local}{rng.randrange(2, 1000)}@{domain}"
    taken.add(email)
    return email
