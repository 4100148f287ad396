"""The sender's side of the clock rule (docs/sync.md, "Clocks"): before this laptop stamps a
write, its wall clock is compared with what it already trusts, so a clock that jumped says so
first and a far-future reading never becomes a stamp.

- **Went back**: the clock reads more than ``TOLERANCE_MS`` before the newest time this laptop
  trusted (its own earlier reading, or central's clock at the last sync). The write is stamped
  as usual: the hybrid clock already orders it after everything before. Only a warning.
- **Far ahead**: the clock reads more than ``FAR_AHEAD_MS`` (24 h, the receivers' limit) after
  the newest time trusted *and* the newest stamp issued or received. The write is never
  refused (a scan in a queue must go through) but its stamp is **clamped**: it continues the
  last stamp (counter + 1) instead of taking the reading, so a wrong clock cannot win field
  edits or mark versions, and the laptop's clock state is not dragged into next year. The
  record keeps the real reading in ``recorded_at``, so receivers still list the laptop.
  The user ends it by fixing the clock, by a sync with central (its clock becomes trusted), or
  by confirming that the reading is right (``confirm``: a laptop really idle for days).
- **Jumped**: while the program runs, the wall clock moved more than ``TOLERANCE_MS`` against
  the computer's own elapsed time (a clock set by hand mid-session). Only a warning; where the
  elapsed-time clock stops during sleep (no ``CLOCK_BOOTTIME``) only backward jumps count, so
  opening a laptop's lid never warns."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from smm_event.domain.clock import ClockAlert, ClockProblem
from smm_event.storage import hlc as hlc_clock
from smm_event.storage.local_models import LocalState

# NTP corrections and clock drift stay far below this; a clock set by hand does not.
TOLERANCE_MS = 10 * 60 * 1000
FAR_AHEAD_MS = hlc_clock.MAX_FORWARD_SKEW_MS

Listener = Callable[[ClockAlert], None]
_listeners: list[Listener] = []
_lock = threading.Lock()
_last_told: ClockProblem | None = None
# (wall ms, elapsed ms) at the first stamp of this process: the in-session jump check's origin.
_anchor: tuple[int, int] | None = None
_BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


def add_listener(listener: Listener) -> None:
    """Call ``listener`` before a stamp whenever the clock's problem changes (once per problem,
    not once per write): the CLI prints a line, the GUI shows its banner."""
    with _lock:
        if listener not in _listeners:
            _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def judge(wall_ms: int, last_stamp_ms: int, trusted_ms: int | None) -> ClockAlert | None:
    """The persistent part of the rule, without side effects (also the status shown on open)."""
    if trusted_ms is not None and wall_ms < trusted_ms - TOLERANCE_MS:
        return ClockAlert(ClockProblem.WENT_BACK, wall_ms, trusted_ms)
    reference = max(trusted_ms or 0, last_stamp_ms)
    if reference > 0 and wall_ms > reference + FAR_AHEAD_MS:
        return ClockAlert(ClockProblem.FAR_AHEAD, wall_ms, reference)
    return None


def status(state: LocalState, wall_ms: int | None = None) -> ClockAlert | None:
    wall = hlc_clock.now_ms() if wall_ms is None else wall_ms
    return judge(wall, state.hlc_wall_ms, state.clock_trusted_ms)


def stamp_wall_ms(state: LocalState, wall_ms: int | None = None) -> int:
    """The wall-clock part the next stamp may use, after telling the listeners of a problem;
    records the reading as trusted when it passes. ``wall_ms`` is a reading the caller took
    (one per bulk run), else the clock is read now."""
    wall = hlc_clock.now_ms() if wall_ms is None else wall_ms
    warning = judge(wall, state.hlc_wall_ms, state.clock_trusted_ms)
    if warning is None and wall_ms is None:
        warning = _session_jump(wall)
    _tell(warning)
    if warning is not None and warning.problem is ClockProblem.FAR_AHEAD:
        return state.hlc_wall_ms  # clamped: continues the last stamp
    if warning is None or warning.problem is ClockProblem.JUMPED:
        state.clock_trusted_ms = max(state.clock_trusted_ms or 0, wall)
    return wall


def trusted_now_ms(state: LocalState) -> int:
    """The wall clock, capped where the far-ahead rule would clamp it: what this laptop calls
    "now" when judging others' stamps, so a clock a year ahead does not let it adopt stamps a
    year ahead either."""
    wall = hlc_clock.now_ms()
    reference = max(state.clock_trusted_ms or 0, state.hlc_wall_ms)
    if reference > 0 and wall > reference + FAR_AHEAD_MS:
        return reference
    return wall


def trust(state: LocalState, wall_ms: int) -> None:
    """A time known to be right (central's clock at a sync) advances what is trusted."""
    state.clock_trusted_ms = max(state.clock_trusted_ms or 0, wall_ms)


def confirm(state: LocalState, wall_ms: int | None = None) -> None:
    """The user checked the date and time: the reading now is right, even when it is far after
    (a laptop idle for a week) or before (a clock corrected back) what was trusted."""
    state.clock_trusted_ms = hlc_clock.now_ms() if wall_ms is None else wall_ms
    _reset_session()


def _elapsed_ms() -> int:
    if _BOOTTIME is not None:
        return time.clock_gettime_ns(_BOOTTIME) // 1_000_000
    return time.monotonic_ns() // 1_000_000


def _session_jump(wall_ms: int) -> ClockAlert | None:
    global _anchor
    elapsed = _elapsed_ms()
    if _anchor is None:
        _anchor = (wall_ms, elapsed)
        return None
    expected = _anchor[0] + (elapsed - _anchor[1])
    drift = wall_ms - expected
    if drift < -TOLERANCE_MS or (drift > TOLERANCE_MS and _BOOTTIME is not None):
        _anchor = (wall_ms, elapsed)  # told once per jump
        return ClockAlert(ClockProblem.JUMPED, wall_ms, expected)
    return None


def _reset_session() -> None:
    global _anchor, _last_told
    _anchor, _last_told = None, None


def _tell(warning: ClockAlert | None) -> None:
    global _last_told
    problem = warning.problem if warning is not None else None
    if problem == _last_told and problem is not ClockProblem.JUMPED:
        return
    _last_told = problem
    if warning is None:
        return
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(warning)
