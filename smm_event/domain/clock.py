"""What this laptop's own clock looks like before it stamps a write (storage/clock_guard.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ClockProblem(StrEnum):
    # The wall clock reads earlier than a time this laptop already trusted.
    WENT_BACK = "clock_went_back"
    # The wall clock reads more than a day after everything this laptop has seen or trusted.
    FAR_AHEAD = "clock_far_ahead"
    # The wall clock moved against the computer's own elapsed time while the program ran.
    JUMPED = "clock_jumped"


@dataclass(frozen=True)
class ClockAlert:
    problem: ClockProblem
    wall_ms: int  # what the clock says (ms since the epoch, UTC)
    reference_ms: int  # the trusted time it was compared with

    @property
    def offset_ms(self) -> int:
        """How far the clock is from the reference (negative: behind)."""
        return self.wall_ms - self.reference_ms
