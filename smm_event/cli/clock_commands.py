"""clock: this laptop's own clock, judged as a write would judge it (docs/sync.md, "Clocks").

smm-event clock            says whether the clock looks right; exit 1 when it does not
smm-event clock confirm    the date and time were checked and are right
Every command that writes prints a warning line first when the clock jumped (``warning_line``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from smm_event.cli.output import print_json
from smm_event.domain.clock import ClockAlert, ClockProblem
from smm_event.services import clock
from smm_event.workspace import open_workspace

_HOUR_MS = 3_600_000


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser("clock", parents=[common], help="check this laptop's clock")
    command.set_defaults(handler=run_status)
    actions = command.add_subparsers(dest="clock_command")
    sub = actions.add_parser(
        "confirm", parents=[common], help="the date and time are right: trust them again"
    )
    sub.set_defaults(handler=run_confirm)


def _when(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _span(ms: int) -> str:
    hours = abs(ms) / _HOUR_MS
    return f"{hours / 24:.0f} days" if hours >= 48 else f"{hours:.1f} h"


def warning_line(warning: ClockAlert) -> str:
    now, then = _when(warning.wall_ms), _when(warning.reference_ms)
    span = _span(warning.offset_ms)
    if warning.problem is ClockProblem.FAR_AHEAD:
        return (
            f"this computer's clock reads {now}, {span} after the newest time it trusts "
            f"({then}): check the date and time; until then records keep the trusted time "
            "(`smm-event clock confirm` if the clock is right)"
        )
    if warning.problem is ClockProblem.WENT_BACK:
        return (
            f"this computer's clock reads {now}, {span} before a time it already trusted "
            f"({then}): check the date and time (records stay in order)"
        )
    way = "ahead" if warning.offset_ms > 0 else "back"
    return (
        f"this computer's clock jumped {span} {way} while running ({now}): check the date and time"
    )


def print_warning(warning: ClockAlert) -> None:
    sys.stderr.write(f"smm-event: warning: {warning_line(warning)}\n")


def run_status(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        warning = clock.clock_status(ws)
    if args.json:
        print_json(
            None
            if warning is None
            else {
                "problem": warning.problem.value,
                "wall_ms": warning.wall_ms,
                "reference_ms": warning.reference_ms,
            }
        )
    elif warning is None:
        print("the clock looks right")
    else:
        print(warning_line(warning))
    return 0 if warning is None else 1


def run_confirm(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        clock.confirm_clock(ws)
    print(
        f"the clock is trusted again from {_when(int(dt.datetime.now(dt.UTC).timestamp() * 1000))}"
    )
    return 0
