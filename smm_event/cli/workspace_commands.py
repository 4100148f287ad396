"""demo, init, info, gui: creating and describing a workspace."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from smm_event.cli.output import print_json, print_table
from smm_event.domain.event import WorkspaceSummary
from smm_event.errors import UserError
from smm_event.services import demo, event_setup, queries
from smm_event.workspace import open_workspace


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser(
        "demo",
        parents=[common],
        help="create the demo workspace (default: the one `gui --demo` opens)",
    )
    command.add_argument(
        "--scenario",
        choices=demo.SCENARIOS,
        default=demo.MID_COURSE,
        help="mid-course: stream 1 done, stream 2 today, stream 3 ahead; first-day: stream 1 "
        "starts today, nothing happened yet",
    )
    command.add_argument("--seed", type=int, default=2026)
    command.add_argument(
        "--start", type=_date, default=None, help="first-day: the first day (default: today)"
    )
    command.add_argument(
        "--today", type=_date, default=None, help="mid-course: the day it is (default: today)"
    )
    command.add_argument("--replace", action="store_true", help="replace an existing workspace")
    command.add_argument("--device-name", default=None)
    command.set_defaults(handler=run_demo)

    command = subparsers.add_parser(
        "init", parents=[common], help="create the event from a schedule"
    )
    command.add_argument("--event", type=_existing_path, required=True, metavar="FILE.toml")
    command.add_argument("--device-name", default=None, help="this laptop's name, e.g. «Стойка 1»")
    command.set_defaults(handler=run_init)

    command = subparsers.add_parser("info", parents=[common], help="the event, its days and counts")
    command.set_defaults(handler=run_info)

    command = subparsers.add_parser(
        "self-check", parents=[common], help="check this installation (files, libraries, Qt)"
    )
    command.set_defaults(handler=run_self_check)

    command = subparsers.add_parser("gui", parents=[common], help="open the desktop application")
    command.add_argument("--lang", choices=("ru", "en"), default=None)
    command.set_defaults(handler=run_gui)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def _existing_path(text: str) -> Any:
    from pathlib import Path

    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"file not found: {text}")
    return path


def run_demo(args: argparse.Namespace) -> int:
    summary = demo.create_demo(
        args.workspace,
        seed=args.seed,
        first_day=args.start,
        replace=args.replace,
        device_name=args.device_name,
        scenario=args.scenario,
        today=args.today,
    )
    if args.json:
        print_json(summary)
    else:
        _print_summary(summary)
        if args.scenario == demo.MID_COURSE:
            print(f"The demo's key passphrase: {demo.DEMO_PASSPHRASE}")
    return 0


def run_init(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, device_name=args.device_name) as ws:
        event_setup.init_event_from_file(ws, args.event)
        summary = queries.workspace_summary(ws)
    if args.json:
        print_json(summary)
    else:
        _print_summary(summary)
    return 0


def run_info(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        summary = queries.workspace_summary(ws)
    if args.json:
        print_json(summary)
    else:
        _print_summary(summary)
    return 0


def _print_summary(summary: WorkspaceSummary) -> None:
    print(f"Workspace: {summary.path}")
    print(f"Device:    {summary.device.name} ({summary.device.id})")
    if summary.event is None:
        print("Event:     none yet (run `smm-event init --event FILE.toml` or `smm-event demo`)")
        return
    event = summary.event
    print(f"Event:     {event.name} ({event.id})")
    print(f"Venue:     {', '.join(part for part in (event.venue, event.city) if part)}")
    print(f"Dates:     {event.starts_on} – {event.ends_on} ({event.timezone})")
    print(
        f"People:    {summary.participants} ({summary.unassigned} without a stream), "
        f"sessions: {summary.sessions}, check-ins: {summary.checkins}"
    )
    rows = [
        (
            s.number,
            s.title,
            s.level,
            f"{s.size}/{s.capacity}",
            s.colour,
            ", ".join(day.isoformat() for day in s.days),
        )
        for s in summary.streams
    ]
    print_table(("Stream", "Title", "Level", "People", "Colour", "Days"), rows)


def run_gui(args: argparse.Namespace) -> int:
    try:
        from ui.app import run  # Qt is imported only here, never by the core's modules
    except ImportError as error:
        raise UserError("gui_unavailable", reason=str(error)) from error
    # --demo (a global option) has set the workspace to the demo's; the window creates it.
    return run(workspace=None if args.demo else args.workspace, demo=args.demo, language=args.lang)


def run_self_check(_args: argparse.Namespace) -> int:
    try:
        from ui.app import self_check
    except ImportError as error:
        raise UserError("gui_unavailable", reason=str(error)) from error
    return self_check()
