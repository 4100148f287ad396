"""Knowledge gain from the entry and exit tests. Scores are 0..100 (the importers turn «17 / 20»
into 85), so the maximum is 100 and the normalized gain is Hake's ``(exit − entry) / (100 −
entry)``: the share of what a person could still learn that they did learn."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

MAX_SCORE = 100.0


class GainStatus(StrEnum):
    OK = "ok"
    NO_ENTRY = "no_entry"
    NO_EXIT = "no_exit"
    # Entry at the maximum: nothing left to gain, the normalized gain is undefined (not 0, not ∞).
    ENTRY_AT_MAX = "entry_at_max"


@dataclass(frozen=True)
class Gain:
    entry: float | None
    exit: float | None
    raw: float | None
    normalized: float | None
    status: GainStatus


def gain(entry: float | None, exit_: float | None, maximum: float = MAX_SCORE) -> Gain:
    if entry is None:
        return Gain(entry, exit_, None, None, GainStatus.NO_ENTRY)
    if exit_ is None:
        return Gain(entry, exit_, None, None, GainStatus.NO_EXIT)
    raw = round(exit_ - entry, 4)
    if entry >= maximum:
        return Gain(entry, exit_, raw, None, GainStatus.ENTRY_AT_MAX)
    return Gain(entry, exit_, raw, round(raw / (maximum - entry), 4), GainStatus.OK)


@dataclass(frozen=True)
class GainSummary:
    """Over a group (a stream, a topic): ``people`` counted, means over those with a value."""

    people: int
    with_gain: int
    no_exit: int
    entry_at_max: int
    mean_raw: float | None
    mean_normalized: float | None
    median_normalized: float | None


def summarize_gains(gains: Iterable[Gain]) -> GainSummary:
    items = list(gains)
    raws = [g.raw for g in items if g.raw is not None]
    norms = [g.normalized for g in items if g.normalized is not None]
    return GainSummary(
        people=len(items),
        with_gain=len(norms),
        no_exit=sum(1 for g in items if g.status is GainStatus.NO_EXIT),
        entry_at_max=sum(1 for g in items if g.status is GainStatus.ENTRY_AT_MAX),
        mean_raw=round(statistics.fmean(raws), 2) if raws else None,
        mean_normalized=round(statistics.fmean(norms), 3) if norms else None,
        median_normalized=round(statistics.median(norms), 3) if norms else None,
    )
