"""Shared by the benchmarks: timing, percentiles and the ratio lines.

Absolute times on a shared 2-core machine drift from run to run, so every benchmark also
measures, in the same run, the floor of its work (the least this machine can do for it: a raw
sqlite3 transaction, a PostgreSQL COPY, a plain render, an empty window) and prints

    ratio <what>: ours 5.01 ms, floor 0.36 ms (raw sqlite3 ...) → 13.9× (target ≤ 3×: missed)

A ratio is comparable across machines and loads; the two figures it comes from are printed too.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank, no interpolation)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass(frozen=True)
class Spread:
    """Summary of repeated timings, in the unit they were given in."""

    count: int
    median: float
    p95: float
    p99: float
    worst: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(
            len(values),
            statistics.median(values),
            percentile(values, 0.95),
            percentile(values, 0.99),
            max(values),
        )

    def line(self, label: str, unit: str = "ms") -> str:
        return (
            f"{label:<28} n={self.count:6d}  median {self.median:7.2f} {unit}"
            f"  p95 {self.p95:7.2f}  p99 {self.p99:7.2f}  max {self.worst:7.2f}"
        )


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs in seconds: the least disturbed by the other load."""
    gc.collect()
    return min(seconds(run) for _ in range(max(1, repeat)))


def each_ms(count: int, run: Callable[[int], object]) -> list[float]:
    """``run(i)`` for i in range(count), each timed alone, in milliseconds."""
    out = []
    for index in range(count):
        start = time.perf_counter()
        run(index)
        out.append((time.perf_counter() - start) * 1000)
    return out


def ratio_line(
    what: str,
    ours: float,
    floor: float,
    floor_what: str,
    unit: str = "s",
    target: float | None = None,
) -> str:
    """One comparable line; ``target`` is the largest ratio the issue accepts."""
    ratio = ours / floor if floor > 0 else float("inf")
    verdict = ""
    if target is not None:
        verdict = f" (target ≤ {target:g}×: {'met' if ratio <= target else 'missed'})"
    return (
        f"ratio {what}: ours {ours:.3g} {unit}, floor {floor:.3g} {unit} ({floor_what})"
        f" → {ratio:.2f}×{verdict}"
    )


def print_ratio(
    what: str,
    ours: float,
    floor: float,
    floor_what: str,
    unit: str = "s",
    target: float | None = None,
) -> None:
    print(ratio_line(what, ours, floor, floor_what, unit, target), flush=True)


def limit_line(what: str, value: float, limit: float, unit: str) -> str:
    """An absolute target the issue sets (a memory cap, a wall-clock bound)."""
    verdict = "met" if value < limit else "missed"
    return f"limit {what}: {value:.3g} {unit} (target < {limit:g} {unit}: {verdict})"
