"""Hybrid logical clocks: ordering that follows causality even when laptop clocks are wrong.

A stamp is the greater of the wall clock and the last stamp seen, plus a counter; its text form
sorts like the stamp itself (fixed-width fields), with the device id as the final tie-break so
two laptops never produce equal stamps."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

# Stamps are rejected from the future beyond this skew so one laptop with its clock set to 2030
# cannot make every later edit elsewhere lose.
MAX_FORWARD_SKEW_MS = 24 * 3600 * 1000


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:06d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, device = text.split("-", 2)
        return cls(int(wall), int(counter), device)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def next_stamp(last_wall_ms: int, last_counter: int, device_id: uuid.UUID, wall_ms: int) -> Hlc:
    """The stamp for a local event, given the clock state and the wall clock now."""
    if wall_ms > last_wall_ms:
        return Hlc(wall_ms, 0, device_id.hex)
    return Hlc(last_wall_ms, last_counter + 1, device_id.hex)


def observe(last_wall_ms: int, last_counter: int, remote: Hlc, wall_ms: int) -> tuple[int, int]:
    """The clock state after seeing a remote stamp, so later local stamps sort after it."""
    if remote.wall_ms > wall_ms + MAX_FORWARD_SKEW_MS:
        return last_wall_ms, last_counter
    if remote.wall_ms > last_wall_ms:
        return remote.wall_ms, remote.counter
    if remote.wall_ms == last_wall_ms:
        return last_wall_ms, max(last_counter, remote.counter)
    return last_wall_ms, last_counter
