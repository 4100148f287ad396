"""outcomes plan, outcomes consulted: the stages' planned dates and who was consulted, which the
funnel and the planned-against-actual table of the evidence pack read."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json
from smm_event.services import programme_plan
from smm_event.workspace import open_workspace

register_messages(
    {
        "bad_stage": "unknown stage {value!r}: use one of {stages}",
        "bad_date_range": "the stage ends ({end}) before it starts ({start})",
    }
)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-10") from error


def register_into(sub: Any, common: argparse.ArgumentParser) -> None:
    command = sub.add_parser("plan", parents=[common], help="a stage's planned (and actual) dates")
    command.add_argument("stage", choices=programme_plan.PLANNED_STAGES)
    command.add_argument("--from", dest="planned_from", type=_day, default=None)
    command.add_argument("--to", dest="planned_to", type=_day, default=None)
    command.add_argument("--actual-from", type=_day, default=None)
    command.add_argument("--actual-to", type=_day, default=None)
    command.set_defaults(handler=run_plan)
    command = sub.add_parser("consulted", parents=[common], help="who received consultations")
    command.add_argument("--add", nargs="+", default=[], metavar="PARTICIPANT")
    command.add_argument("--remove", nargs="+", default=[], metavar="PARTICIPANT")
    command.set_defaults(handler=run_consulted)


def run_plan(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        dates = programme_plan.plan_stage(
            ws, args.stage, args.planned_from, args.planned_to, args.actual_from, args.actual_to
        )
    if args.json:
        print_json(dates)
    else:
        print(
            f"{dates.stage}: planned {dates.planned_from or '-'} – {dates.planned_to or '-'}, "
            f"actual {dates.actual_from or '-'} – {dates.actual_to or '-'}"
        )
    return 0


def run_consulted(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        people = programme_plan.record_consultations(ws, args.add, args.remove)
    if args.json:
        print_json([str(pid) for pid in people])
    else:
        print(f"{len(people)} people consulted")
    return 0
