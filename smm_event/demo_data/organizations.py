"""Fictional NGOs of each region, and who works where."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from smm_event.demo_data.lists import DemoLists, Region
from smm_event.text.folding import fold

_ATTEMPTS = 200


def assign_organizations(
    rng: random.Random, lists: DemoLists, people_by_region: Mapping[str, Sequence[int]]
) -> dict[int, str]:
    """Organization name per person index. Each region gets about ``orgs_per_participant`` NGOs
    per person; every NGO has at least one person and the rest share them."""
    counts = {
        region: max(1, round(len(people) * lists.orgs_per_participant))
        for region, people in people_by_region.items()
        if people
    }
    slots = [region for region, count in counts.items() for _ in range(count)]
    long_slots = set(rng.sample(range(len(slots)), min(lists.long_org_count, len(slots))))
    used: set[str] = set()  # folded: the roster import treats names equal after fold() as one
    names: dict[str, list[str]] = {region: [] for region in counts}
    for index, region in enumerate(slots):
        templates = lists.long_org_templates if index in long_slots else lists.org_templates
        names[region].append(_unique_name(rng, lists, lists.regions[region], templates, used))
    assigned: dict[int, str] = {}
    for region, orgs in names.items():
        people = list(people_by_region[region])
        rng.shuffle(people)
        for position, person in enumerate(people):
            assigned[person] = orgs[position] if position < len(orgs) else rng.choice(orgs)
    return assigned


def _unique_name(
    rng: random.Random,
    lists: DemoLists,
    region: Region,
    templates: Sequence[str],
    used: set[str],
) -> str:
    name = ""
    for _ in range(_ATTEMPTS):
        name = _fill(rng, lists, region, rng.choice(templates))
        if fold(name) not in used:
            break
    else:
        # Only a roster far larger than the programme's runs out of combinations.
        name = f"{name} № {len(used) + 1}"
    used.add(fold(name))
    return name


def _fill(rng: random.Random, lists: DemoLists, region: Region, template: str) -> str:
    local = region.mottos and rng.random() < 0.4
    motto = rng.choice(region.mottos if local else lists.mottos)
    return template.format(
        motto=motto,
        genitive=region.genitive,
        locative=region.locative,
        city=rng.choice(region.cities),
    )
