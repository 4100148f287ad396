"""A fictional roster of NGO staff from ЮФО and СКФО, the same for the same seed."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass

from smm_event.demo_data.lists import DemoLists, Region, load_demo_lists
from smm_event.demo_data.names import (
    Gender,
    PersonName,
    group_variants,
    make_email,
    make_name,
    make_phone,
)
from smm_event.demo_data.organizations import assign_organizations
from smm_event.text.names import full_name

DEMO_FIRST_DAY = dt.date(2026, 5, 12)  # the first day of resources/demo/schedule.toml
# Entry-test results cluster by level (mean, spread); rounding to 0.5 makes ties, which the
# stream assignment has to handle at the 70/140 boundaries.
_SCORE_LEVELS = ((33.0, 9.0), (57.0, 7.0), (79.0, 8.0))
_CONSENT_DAYS_BEFORE = (20, 75)  # the application campaign before the first course day


@dataclass(frozen=True)
class DemoParticipant:
    surname: str
    first_name: str
    patronymic: str | None
    gender: Gender
    organization: str
    position: str
    region: str
    phone: str  # "+7" and 10 digits, unique in the roster
    email: str  # unique, lower-case, on a reserved example.* domain
    consent: bool
    consent_date: dt.date  # the day the application form was signed, whatever the answer
    entry_score: float  # 0..100
    notes: str | None

    @property
    def full_name(self) -> str:
        return full_name(self.surname, self.first_name, self.patronymic)


def generate_demo_participants(
    seed: int,
    count: int = 210,
    *,
    reference_day: dt.date = DEMO_FIRST_DAY,
    lists: DemoLists | None = None,
) -> tuple[DemoParticipant, ...]:
    """``count`` fictional participants; consent dates fall 20 to 75 days before
    ``reference_day`` (pass the shifted first day when the demo runs "today")."""
    if count < 0:
        raise ValueError(f"count must not be negative: {count}")
    lists = lists or load_demo_lists()
    rng = random.Random(seed)
    people = _names_and_regions(rng, lists, count)
    by_region: dict[str, list[int]] = {name: [] for name in lists.regions}
    for index, (_, region) in enumerate(people):
        by_region[region.name].append(index)
    organizations = assign_organizations(rng, lists, by_region)
    phones: set[str] = set()
    emails: set[str] = set()
    roster = [
        DemoParticipant(
            surname=name.surname,
            first_name=name.first_name,
            patronymic=name.patronymic,
            gender=name.gender,
            organization=organizations[index],
            position=_weighted(rng, lists.positions),
            region=region.name,
            phone=make_phone(rng, region, phones),
            email=make_email(rng, name, lists.email_domains, emails),
            consent=rng.random() < lists.consent_share,
            consent_date=reference_day - dt.timedelta(days=rng.randint(*_CONSENT_DAYS_BEFORE)),
            entry_score=_entry_score(rng),
            notes=rng.choice(lists.notes) if rng.random() < lists.notes_share else None,
        )
        for index, (name, region) in enumerate(people)
    ]
    rng.shuffle(roster)  # an application list is not sorted by origin
    return tuple(roster)


def _names_and_regions(
    rng: random.Random, lists: DemoLists, count: int
) -> list[tuple[PersonName, Region]]:
    people = []
    sizes = allocate(count, [group.weight for group in lists.groups])
    for group, size in zip(lists.groups, sizes, strict=True):
        for variant in group_variants(rng, size, group, lists.female_share):
            name = make_name(rng, group, variant)
            people.append((name, lists.regions[_weighted(rng, group.regions)]))
    return people


def allocate(count: int, weights: list[float]) -> list[int]:
    """Split ``count`` in proportion to ``weights`` (largest remainder), so the mix of name
    traditions does not depend on the seed."""
    total = sum(weights)
    shares = [count * weight / total for weight in weights]
    sizes = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: sizes[i] - shares[i])
    for index in by_remainder[: count - sum(sizes)]:
        sizes[index] += 1
    return sizes


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _entry_score(rng: random.Random) -> float:
    mean, spread = rng.choice(_SCORE_LEVELS)
    score = min(100.0, max(3.0, rng.gauss(mean, spread)))
    return round(score * 2) / 2
