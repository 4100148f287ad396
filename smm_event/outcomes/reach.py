"""Reach growth of the NGOs' social-media accounts against a frozen baseline.

An organization's growth is the sum of its accounts' latest follow-up reach over the sum of the
same accounts' baselines: an account without a follow-up is left out of both sums (it is listed
as missing, not counted as zero growth). A zero or missing baseline makes the ratio undefined:
the NGO is listed with that reason and left out of the mean, never counted as infinite growth.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Re-exported for the services.
from smm_event.domain.outcomes import MEASUREMENT_KINDS as MEASUREMENT_KINDS
from smm_event.domain.outcomes import PLATFORM_CODES as PLATFORM_CODES

TARGET_GROWTH = 2.5


class GrowthStatus(StrEnum):
    OK = "ok"
    NO_BASELINE = "no_baseline"
    ZERO_BASELINE = "zero_baseline"
    NO_FOLLOWUP = "no_followup"
    NO_ACCOUNTS = "no_accounts"


@dataclass(frozen=True)
class AccountReach:
    baseline: float | None
    followup: float | None  # the latest follow-up measurement


@dataclass(frozen=True)
class Growth:
    baseline: float | None
    followup: float | None
    ratio: float | None
    status: GrowthStatus


def organization_growth(accounts: Sequence[AccountReach]) -> Growth:
    if not accounts:
        return Growth(None, None, None, GrowthStatus.NO_ACCOUNTS)
    if all(a.baseline is None for a in accounts):
        return Growth(None, None, None, GrowthStatus.NO_BASELINE)
    measured = [a for a in accounts if a.baseline is not None and a.followup is not None]
    if not measured:
        baseline = sum(a.baseline or 0.0 for a in accounts)
        return Growth(baseline, None, None, GrowthStatus.NO_FOLLOWUP)
    baseline = sum(a.baseline or 0.0 for a in measured)
    followup = sum(a.followup or 0.0 for a in measured)
    if baseline <= 0:
        return Growth(baseline, followup, None, GrowthStatus.ZERO_BASELINE)
    return Growth(baseline, followup, round(followup / baseline, 3), GrowthStatus.OK)


@dataclass(frozen=True)
class GrowthSummary:
    organizations: int
    measured: int
    mean: float | None
    median: float | None
    at_target: int  # growth ≥ TARGET_GROWTH
    share_at_target: float | None  # of the measured ones
    missing: dict[str, int]  # status -> organizations without a ratio


def summarize_growth(growths: Iterable[Growth], target: float = TARGET_GROWTH) -> GrowthSummary:
    items = list(growths)
    ratios = [g.ratio for g in items if g.ratio is not None]
    at_target = sum(1 for r in ratios if r >= target)
    missing: dict[str, int] = {}
    for g in items:
        if g.ratio is None:
            missing[g.status.value] = missing.get(g.status.value, 0) + 1
    return GrowthSummary(
        organizations=len(items),
        measured=len(ratios),
        mean=round(statistics.fmean(ratios), 3) if ratios else None,
        median=round(statistics.median(ratios), 3) if ratios else None,
        at_target=at_target,
        share_at_target=round(at_target / len(ratios), 3) if ratios else None,
        missing=missing,
    )


def baseline_digest(measurements: Iterable[tuple[str, str, str, float]]) -> str:
    """SHA-256 of an account's baseline measurements (kind-free: from, to, source, reach),
    in a canonical order and form, so anyone can recompute the frozen claim."""
    canonical = sorted([m[0], m[1], m[2], float(m[3])] for m in measurements)
    text = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
