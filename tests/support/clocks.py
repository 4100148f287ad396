"""Clocks for tests that would otherwise sleep to let time pass."""

from __future__ import annotations

import time


class SteppedClock:
    """The real monotonic clock plus whatever the test skipped: Qt timers still run in real time,
    and "a person paused 0.2 s here" is one ``advance(0.2)`` instead of a sleep."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def advance(self, seconds: float) -> None:
        self.skipped += seconds

    def __call__(self) -> float:
        return time.monotonic() + self.skipped
