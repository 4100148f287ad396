"""The accelerator selection: a weighted ranking filled under constraints (docs/outcomes.md).

Pure and deterministic: the same candidates and decisions in any order give the same result.
Order of work: manual excludes leave the list; manual accepts take their places first (even past
a limit: that is the organizer's written decision, and it is reported); then each quota
(at least N places for a stream or a region) is filled from its best-ranked members; then the
remaining places go down the ranking. A candidate is skipped, with the reason recorded, when
their organization already has ``max_per_organization`` people in or no track has room.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

# Re-exported: the rule's callers read the vocabulary here.
from smm_event.domain.outcomes import DECISIONS as DECISIONS
from smm_event.domain.outcomes import TRACKS as TRACKS

CRITERIA = ("attendance", "exit", "gain", "motivation")
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"attendance": 0.4, "exit": 0.3, "gain": 0.2, "motivation": 0.1}
)
DEFAULT_TRACK_PLACES: Mapping[str, int] = MappingProxyType({"strategy": 50, "content": 50})
# Equal scores are ordered by these, in turn; the protocol prints the order.
TIE_BREAK = ("attendance", "exit", "name", "id")


class Outcome(StrEnum):
    MANUAL_ACCEPT = "manual_accept"
    QUOTA = "quota"
    RULE = "rule"
    MANUAL_EXCLUDE = "manual_exclude"
    NOT_ELIGIBLE = "not_eligible"
    NO_PLACE = "no_place"
    ORGANIZATION_LIMIT = "organization_limit"
    TRACK_FULL = "track_full"


SELECTED = frozenset({Outcome.MANUAL_ACCEPT, Outcome.QUOTA, Outcome.RULE})


@dataclass(frozen=True)
class Quota:
    """At least ``minimum`` places for the candidates whose ``field`` ("stream" or "region")
    equals ``value``."""

    field: str
    value: str
    minimum: int


@dataclass(frozen=True)
class SelectionRule:
    places: int = 100
    track_places: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_TRACK_PLACES))
    max_per_organization: int | None = 2
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    quotas: tuple[Quota, ...] = ()
    min_attendance: float | None = None  # percent; below it a person is not eligible


@dataclass(frozen=True)
class Candidate:
    id: uuid.UUID
    sort_key: str
    organization_id: uuid.UUID | None
    stream: int | None
    region: str | None
    attendance: float | None  # percent 0..100
    exit: float | None  # 0..100
    gain: float | None  # normalized gain
    motivation: float | None  # 0..100
    preferred_track: str | None = None


@dataclass(frozen=True)
class Manual:
    accept: bool  # False: exclude
    track: str | None
    reason: str


@dataclass(frozen=True)
class Ranked:
    candidate_id: uuid.UUID
    rank: int
    score: float
    components: Mapping[str, float]
    outcome: Outcome
    track: str | None
    tie_size: int  # how many candidates share this score (1: no tie)
    manual_reason: str | None = None
    over_limit: bool = False  # a manual accept past a place, track or organization limit

    @property
    def selected(self) -> bool:
        return self.outcome in SELECTED


@dataclass(frozen=True)
class QuotaShortfall:
    quota: Quota
    got: int


@dataclass(frozen=True)
class SelectionResult:
    rule: SelectionRule
    ranking: tuple[Ranked, ...]
    per_track: Mapping[str, int]
    shortfalls: tuple[QuotaShortfall, ...]

    @property
    def selected(self) -> tuple[Ranked, ...]:
        return tuple(r for r in self.ranking if r.selected)


def components(candidate: Candidate, weights: Mapping[str, float]) -> dict[str, float]:
    values = {
        "attendance": (candidate.attendance or 0.0) / 100,
        "exit": (candidate.exit or 0.0) / 100,
        "gain": max(-1.0, min(1.0, candidate.gain or 0.0)),
        "motivation": (candidate.motivation or 0.0) / 100,
    }
    return {name: round(weights.get(name, 0.0) * values[name] * 100, 2) for name in CRITERIA}


def _order_key(candidate: Candidate, score: float) -> tuple[object, ...]:
    attendance = -1.0 if candidate.attendance is None else candidate.attendance
    exit_score = -1.0 if candidate.exit is None else candidate.exit
    return (-score, -attendance, -exit_score, candidate.sort_key, str(candidate.id))


def quota_member(candidate: Candidate, quota: Quota) -> bool:
    value = candidate.stream if quota.field == "stream" else candidate.region
    return value is not None and str(value) == quota.value


class _Fill:
    def __init__(self, rule: SelectionRule) -> None:
        self.rule = rule
        self.count = 0
        self.tracks = dict.fromkeys(TRACKS, 0)
        self.organizations: dict[uuid.UUID, int] = {}
        self.places = min(rule.places, sum(rule.track_places.get(t, 0) for t in TRACKS))

    def track_for(self, candidate: Candidate, wanted: str | None = None) -> str | None:
        room = {t: self.rule.track_places.get(t, 0) - self.tracks[t] for t in TRACKS}
        for choice in (wanted, candidate.preferred_track):
            if choice in room and room[choice] > 0:
                return choice
        best = max(TRACKS, key=lambda t: (room[t], -TRACKS.index(t)))
        return best if room[best] > 0 else None

    def has_room(self, track: str | None) -> bool:
        """A track asked for by name has a free place (no track asked: any will do)."""
        if track not in TRACKS:
            return True
        return self.rule.track_places.get(track, 0) > self.tracks[track]

    def blocked(self, candidate: Candidate) -> Outcome | None:
        if self.count >= self.places:
            return Outcome.NO_PLACE
        limit = self.rule.max_per_organization
        org = candidate.organization_id
        if limit is not None and org is not None and self.organizations.get(org, 0) >= limit:
            return Outcome.ORGANIZATION_LIMIT
        if self.track_for(candidate) is None:
            return Outcome.TRACK_FULL
        return None

    def take(self, candidate: Candidate, track: str | None) -> str:
        chosen = track if track in TRACKS else self.track_for(candidate) or TRACKS[0]
        self.count += 1
        self.tracks[chosen] += 1
        if candidate.organization_id is not None:
            org = candidate.organization_id
            self.organizations[org] = self.organizations.get(org, 0) + 1
        return chosen


def select(
    candidates: Sequence[Candidate],
    rule: SelectionRule,
    manual: Mapping[uuid.UUID, Manual] | None = None,
) -> SelectionResult:
    manual = manual or {}
    scored = []
    for candidate in candidates:
        parts = components(candidate, rule.weights)
        scored.append((candidate, round(sum(parts.values()), 2), parts))
    scored.sort(key=lambda item: _order_key(item[0], item[1]))
    ties: dict[float, int] = {}
    for _, score, _ in scored:
        ties[score] = ties.get(score, 0) + 1
    fill = _Fill(rule)
    outcome: dict[uuid.UUID, tuple[Outcome, str | None, bool]] = {}
    for candidate, _, _ in scored:
        decision = manual.get(candidate.id)
        if decision is None:
            continue
        if not decision.accept:
            outcome[candidate.id] = (Outcome.MANUAL_EXCLUDE, None, False)
        else:
            over = fill.blocked(candidate) is not None or not fill.has_room(decision.track)
            chosen = fill.take(candidate, decision.track)
            outcome[candidate.id] = (Outcome.MANUAL_ACCEPT, chosen, over)
    open_ = [c for c, _, _ in scored if c.id not in outcome and _eligible(c, rule)]
    shortfalls = []
    for quota in rule.quotas:
        got = sum(1 for c, _, _ in scored if quota_member(c, quota) and _is_in(outcome.get(c.id)))
        for candidate in open_:
            if got >= quota.minimum:
                break
            if candidate.id in outcome or not quota_member(candidate, quota):
                continue
            if fill.blocked(candidate) is None:
                outcome[candidate.id] = (Outcome.QUOTA, fill.take(candidate, None), False)
                got += 1
        if got < quota.minimum:
            shortfalls.append(QuotaShortfall(quota, got))
    for candidate in open_:
        if candidate.id in outcome:
            continue
        reason = fill.blocked(candidate)
        if reason is None:
            outcome[candidate.id] = (Outcome.RULE, fill.take(candidate, None), False)
        else:
            outcome[candidate.id] = (reason, None, False)
    ranking = []
    for rank, (candidate, score, parts) in enumerate(scored, start=1):
        entry = outcome.get(candidate.id, (Outcome.NOT_ELIGIBLE, None, False))
        result, track, over = entry
        decision = manual.get(candidate.id)
        ranking.append(
            Ranked(
                candidate.id,
                rank,
                score,
                parts,
                result,
                track,
                ties[score],
                decision.reason if decision else None,
                over,
            )
        )
    return SelectionResult(rule, tuple(ranking), dict(fill.tracks), tuple(shortfalls))


def _is_in(entry: tuple[Outcome, str | None, bool] | None) -> bool:
    return entry is not None and entry[0] in SELECTED


def _eligible(candidate: Candidate, rule: SelectionRule) -> bool:
    if rule.min_attendance is None:
        return True
    return candidate.attendance is not None and candidate.attendance >= rule.min_attendance
