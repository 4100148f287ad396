"""The selection rule as stored in the event's settings (``settings["selection"]``) and as
given on the command line ("strategy=50,content=50", "stream:3=20"). Every bad value is a
``UserError("bad_selection_rule", ...)``: a rule that cannot be read back is never stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smm_event.errors import UserError
from smm_event.outcomes.selection import CRITERIA, TRACKS, Quota, SelectionRule

SETTINGS_KEY = "selection"
QUOTA_FIELDS = ("stream", "region")


def _bad(reason: str, value: object) -> UserError:
    return UserError("bad_selection_rule", reason=reason, value=str(value))


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _bad(what, value)
    if int(value) != value:
        raise _bad(what, value)
    return int(value)


def rule_from_json(raw: Mapping[str, Any] | None) -> SelectionRule:
    if not raw:
        return SelectionRule()
    default = SelectionRule()
    tracks = raw.get("track_places", default.track_places)
    if not isinstance(tracks, Mapping) or set(tracks) - set(TRACKS):
        raise _bad("track_places", tracks)
    weights = raw.get("weights", default.weights)
    if not isinstance(weights, Mapping) or set(weights) - set(CRITERIA):
        raise _bad("weights", weights)
    for weight in weights.values():
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise _bad("weights", weights)
    limit = raw.get("max_per_organization", default.max_per_organization)
    minimum = raw.get("min_attendance")
    if minimum is not None and (not isinstance(minimum, int | float) or not 0 <= minimum <= 100):
        raise _bad("min_attendance", minimum)
    quotas = []
    for item in raw.get("quotas", ()):
        if not isinstance(item, Mapping) or item.get("field") not in QUOTA_FIELDS:
            raise _bad("quota", item)
        quotas.append(
            Quota(item["field"], str(item.get("value", "")), _count(item.get("minimum"), "quota"))
        )
    return SelectionRule(
        places=_count(raw.get("places", default.places), "places"),
        track_places={t: _count(tracks.get(t, 0), "track_places") for t in TRACKS},
        max_per_organization=None
        if limit is None
        else max(1, _count(limit, "max_per_organization")),
        weights={name: float(weights.get(name, 0.0)) for name in CRITERIA},
        quotas=tuple(quotas),
        min_attendance=None if minimum is None else float(minimum),
    )


def rule_to_json(rule: SelectionRule) -> dict[str, Any]:
    return {
        "places": rule.places,
        "track_places": dict(rule.track_places),
        "max_per_organization": rule.max_per_organization,
        "weights": dict(rule.weights),
        "quotas": [{"field": q.field, "value": q.value, "minimum": q.minimum} for q in rule.quotas],
        "min_attendance": rule.min_attendance,
    }


def rule_from_settings(settings: Mapping[str, Any] | None) -> SelectionRule:
    raw = (settings or {}).get(SETTINGS_KEY)
    return rule_from_json(raw.get("rule") if isinstance(raw, Mapping) else None)


def parse_pairs(text: str, what: str) -> dict[str, float]:
    """«attendance=0.5,exit=0.3» → {"attendance": 0.5, "exit": 0.3}."""
    pairs: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, sep, value = part.partition("=")
        try:
            pairs[name.strip()] = float(value.replace(",", "."))
        except ValueError:
            raise _bad(what, part) from None
        if not sep:
            raise _bad(what, part)
    return pairs


def parse_quota(text: str) -> Quota:
    """«stream:3=20» or «region:Республика Дагестан=10»."""
    target, sep, minimum = text.rpartition("=")
    field, colon, value = target.partition(":")
    if not sep or not colon or field.strip() not in QUOTA_FIELDS or not value.strip():
        raise _bad("quota", text)
    try:
        count = int(minimum)
    except ValueError:
        raise _bad("quota", text) from None
    return Quota(field.strip(), value.strip(), _count(count, "quota"))
