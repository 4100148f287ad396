"""The name lists behind the demo roster, read from resources/demo/people.toml.

The file ships with the app, so a malformed file is a bug: it raises ValueError, not UserError."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from smm_event.paths import resource_path

Pair = tuple[str, str]  # (male form, female form)


@dataclass(frozen=True)
class Region:
    name: str
    district: str
    genitive: str
    locative: str
    cities: tuple[str, ...]
    phone_codes: tuple[str, ...]
    mottos: tuple[str, ...]


@dataclass(frozen=True)
class NameGroup:
    """One naming tradition: where its people live and how their names are made."""

    key: str
    weight: float
    regions: Mapping[str, float]
    male_names: tuple[str, ...]
    female_names: tuple[str, ...]
    surnames: tuple[str, ...]  # male forms
    compound_surnames: tuple[Pair, ...]
    compound_share: float
    patronymics: tuple[Pair, ...]
    turkic_fathers: tuple[str, ...]  # "<father> оглы" / "<father> кызы"
    turkic_share: float
    no_patronymic_share: float


@dataclass(frozen=True)
class DemoLists:
    female_share: float
    consent_share: float
    notes_share: float
    email_domains: tuple[str, ...]
    orgs_per_participant: float
    long_org_count: int
    org_templates: tuple[str, ...]
    long_org_templates: tuple[str, ...]
    mottos: tuple[str, ...]
    positions: Mapping[str, float]
    notes: tuple[str, ...]
    regions: Mapping[str, Region]
    groups: tuple[NameGroup, ...]


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"people.toml: {key} must be a table")
    return value


def _strings(data: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"people.toml: {key} must be a list of strings")
    return tuple(value)


def _pairs(data: Mapping[str, object], key: str) -> tuple[Pair, ...]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"people.toml: {key} must be a list of pairs")
    pairs = []
    for item in value:
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(s, str) for s in item)
        ):
            raise ValueError(f"people.toml: {key} holds {item!r}, not a [male, female] pair")
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _number(data: Mapping[str, object], key: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"people.toml: {key} must be a number")
    return float(value)


def _weights(data: Mapping[str, object], key: str) -> dict[str, float]:
    table = _table(data, key)
    return {name: _number(table, name) for name in table}


def _region(name: str, data: Mapping[str, object]) -> Region:
    texts = {key: data.get(key) for key in ("district", "genitive", "locative")}
    if not all(isinstance(text, str) for text in texts.values()):
        raise ValueError(f"people.toml: region {name} lacks district/genitive/locative")
    return Region(
        name=name,
        district=str(texts["district"]),
        genitive=str(texts["genitive"]),
        locative=str(texts["locative"]),
        cities=_strings(data, "cities"),
        phone_codes=_strings(data, "phone_codes"),
        mottos=_strings(data, "mottos"),
    )


def _group(data: Mapping[str, object], regions: Mapping[str, Region]) -> NameGroup:
    group_regions = _weights(data, "regions")
    unknown = set(group_regions) - set(regions)
    if unknown:
        raise ValueError(f"people.toml: unknown regions {sorted(unknown)}")
    return NameGroup(
        key=str(data.get("key")),
        weight=_number(data, "weight"),
        regions=group_regions,
        male_names=_strings(data, "male_names"),
        female_names=_strings(data, "female_names"),
        surnames=_strings(data, "surnames"),
        compound_surnames=_pairs(data, "compound_surnames"),
        compound_share=_number(data, "compound_share", 0.0),
        patronymics=_pairs(data, "patronymics"),
        turkic_fathers=_strings(data, "turkic_fathers"),
        turkic_share=_number(data, "turkic_share", 0.0),
        no_patronymic_share=_number(data, "no_patronymic_share", 0.0),
    )


@functools.cache
def load_demo_lists(path: Path | None = None) -> DemoLists:
    with (path or resource_path("demo", "people.toml")).open("rb") as file:
        data = tomllib.load(file)
    people, orgs = _table(data, "participants"), _table(data, "organizations")
    region_tables = _table(data, "regions")
    regions = {name: _region(name, _table(region_tables, name)) for name in region_tables}
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise ValueError("people.toml: no [[groups]]")
    return DemoLists(
        female_share=_number(people, "female_share"),
        consent_share=_number(people, "consent_share"),
        notes_share=_number(people, "notes_share"),
        email_domains=_strings(people, "email_domains"),
        orgs_per_participant=_number(orgs, "per_participant"),
        long_org_count=int(_number(orgs, "long_count")),
        org_templates=_strings(orgs, "templates"),
        long_org_templates=_strings(orgs, "long_templates"),
        mottos=_strings(orgs, "mottos"),
        positions=_weights(data, "positions"),
        notes=_strings(_table(data, "notes"), "texts"),
        regions=regions,
        groups=tuple(_group(group, regions) for group in groups),
    )
