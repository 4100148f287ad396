"""selection, reach: the accelerator selection and the reach indicators."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.cli.roster_commands import _existing_file, _print_issues
from smm_event.errors import UserError
from smm_event.outcomes.rule_config import parse_pairs, parse_quota, rule_from_json, rule_to_json
from smm_event.outcomes.selection import TRACKS, SelectionRule
from smm_event.reporting.selection_protocol import write_protocol
from smm_event.services import reach, selection
from smm_event.workspace import Workspace, open_workspace

register_messages(
    {
        "bad_selection_rule": "bad selection rule ({reason}): {value!r}",
        "bad_selection_decision": "unknown decision {value!r}: use accept, exclude or clear",
        "bad_track": "unknown track {value!r}: use strategy or content",
        "track_needs_accept": "--track goes with accept (moving a person is accepting them into a track)",
        "reason_required": "give the reason for the decision with --reason; the protocol prints it",
        "reason_too_long": "the reason is too long (at most {limit} characters)",
        "bad_reach_kind": "unknown measurement kind {value!r}: use baseline or followup",
    }
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("selection", help="the accelerator selection")
    sub = group.add_subparsers(dest="selection_command", required=True, parser_class=type(group))
    command = sub.add_parser("rank", parents=[common], help="rank everyone by the rule")
    command.add_argument("--places", type=int, default=None)
    command.add_argument("--track-places", default=None, help="strategy=50,content=50")
    command.add_argument("--max-per-org", default=None, help="a number, or none")
    command.add_argument(
        "--weights", default=None, help="attendance=0.4,exit=0.3,gain=0.2,motivation=0.1"
    )
    command.add_argument(
        "--quota", action="append", default=None, help="stream:3=20 or region:NAME=10"
    )
    command.add_argument("--min-attendance", type=float, default=None, help="percent")
    command.add_argument("--save", action="store_true", help="store the rule and the result")
    command.add_argument("--all", action="store_true", help="list everyone, not only the selected")
    command.set_defaults(handler=run_rank)
    command = sub.add_parser("decide", parents=[common], help="accept, move or exclude a person")
    command.add_argument("participant")
    command.add_argument("decision", choices=("accept", "exclude", "clear"))
    command.add_argument("--reason", required=True)
    command.add_argument("--track", choices=TRACKS, default=None)
    command.add_argument("--operator", default=None)
    command.set_defaults(handler=run_decide)
    command = sub.add_parser("protocol", parents=[common], help="the selection protocol PDF")
    command.add_argument("--out", type=Path, required=True)
    command.set_defaults(handler=run_protocol)

    group = subparsers.add_parser("reach", help="social-media reach of the NGOs")
    sub = group.add_subparsers(dest="reach_command", required=True, parser_class=type(group))
    command = sub.add_parser("import", parents=[common], help="import reach measurements")
    command.add_argument("file", type=_existing_file)
    command.add_argument("--baseline", action="store_true", help="the rows are baseline windows")
    command.add_argument("--dry-run", action="store_true")
    command.set_defaults(handler=run_reach_import)
    command = sub.add_parser("freeze", parents=[common], help="accept and freeze the baselines")
    command.set_defaults(handler=run_reach_freeze)
    command = sub.add_parser("show", parents=[common], help="growth per NGO, stream, accelerator")
    command.set_defaults(handler=run_reach_show)


def _rule(ws: Workspace, args: argparse.Namespace) -> SelectionRule | None:
    given = (
        args.places,
        args.track_places,
        args.max_per_org,
        args.weights,
        args.quota,
        args.min_attendance,
    )
    if all(value is None for value in given):
        return None
    base = rule_to_json(selection.selection_view(ws).result.rule)
    if args.places is not None:
        base["places"] = args.places
    if args.track_places is not None:
        base["track_places"] = {
            k: int(v) for k, v in parse_pairs(args.track_places, "track_places").items()
        }
    if args.max_per_org is not None:
        text = args.max_per_org.strip().lower()
        try:
            base["max_per_organization"] = None if text == "none" else int(text)
        except ValueError:
            raise UserError(
                "bad_selection_rule", reason="max_per_organization", value=text
            ) from None
    if args.weights is not None:
        base["weights"] = parse_pairs(args.weights, "weights")
    if args.quota is not None:
        base["quotas"] = [dataclasses.asdict(parse_quota(q)) for q in args.quota]
    if args.min_attendance is not None:
        base["min_attendance"] = args.min_attendance
    return rule_from_json(base)


def run_rank(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        rule = _rule(ws, args)
        saved = selection.save_selection(ws, rule) if args.save else None
        view = selection.selection_view(ws, rule)
    result = view.result
    shown = [r for r in result.ranking if args.all or r.selected]
    if args.json:
        print_json(
            {
                "rule": rule_to_json(result.rule),
                "per_track": result.per_track,
                "shortfalls": result.shortfalls,
                "saved": saved,
                "ranking": [
                    {**dataclasses.asdict(r), "full_name": view.people[r.candidate_id].full_name}
                    for r in shown
                ],
            }
        )
        return 0
    rows = [
        (
            f"{r.rank}{'=' if r.tie_size > 1 else ''}",
            view.people[r.candidate_id].full_name,
            view.people[r.candidate_id].organization,
            view.people[r.candidate_id].stream_number,
            f"{r.score:.2f}",
            r.outcome.value,
            r.track or "",
            r.manual_reason or "",
        )
        for r in shown
    ]
    print_table(
        ("Rank", "Name", "Organization", "Stream", "Score", "Outcome", "Track", "Reason"), rows
    )
    tracks = ", ".join(f"{t} {n}" for t, n in result.per_track.items())
    print(
        f"selected {len(result.selected)} of {len(result.ranking)} ({tracks}); '=' marks tied scores"
    )
    for short in result.shortfalls:
        print(
            f"quota not met: {short.quota.field} {short.quota.value}: {short.got} of {short.quota.minimum}"
        )
    if saved is not None:
        print(f"saved: {saved.changed} people's accelerator track changed")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        info = selection.decide(
            ws, args.participant, args.decision, args.reason, args.track, args.operator
        )
    if args.json:
        print_json(info)
    else:
        track = f" ({info.track})" if info.track else ""
        print(f"recorded: {info.decision}{track}; run `selection rank --save` to apply it")
    return 0


def run_protocol(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        try:
            pages = write_protocol(ws, args.out)
        except OSError as error:
            raise UserError(
                "cannot_write", path=str(args.out), reason=error.strerror or str(error)
            ) from error
    if args.json:
        print_json({"path": str(args.out), "pages": pages})
    else:
        print(f"wrote {args.out} ({pages} pages)")
    return 0


def run_reach_import(args: argparse.Namespace) -> int:
    kind = "baseline" if args.baseline else "followup"
    with open_workspace(args.workspace) as ws:
        report = reach.import_reach(ws, Path(args.file), kind, args.dry_run)
    if args.json:
        print_json(report)
    else:
        _print_issues(report.invalid, "invalid rows")
        _print_issues(report.unmatched, "rows whose organization is not on the roster")
        _print_issues(report.frozen, "baseline rows refused: that baseline is frozen")
        verb = "added" if report.applied else "would add"
        print(f"{kind}: {verb} {report.added} measurements, {report.accounts_created} new accounts")
    return 1 if report.invalid or report.unmatched or report.frozen else 0


def run_reach_freeze(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        count = reach.freeze_baselines(ws)
    if args.json:
        print_json({"frozen": count})
    else:
        print(f"froze the baseline of {count} accounts")
    return 0


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def run_reach_show(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = reach.reach_report(ws)
    if args.json:
        print_json(report)
        return 0
    rows = [
        (
            o.name,
            ",".join(map(str, o.streams)),
            "yes" if o.accelerator else "",
            o.accounts,
            _f(o.growth.baseline),
            _f(o.growth.followup),
            _f(o.growth.ratio),
            o.growth.status.value + (" TAMPERED" if o.tampered else ""),
        )
        for o in report.organizations
    ]
    print_table(
        ("NGO", "Streams", "Accelerator", "Accounts", "Baseline", "Latest", "Growth", "Status"),
        rows,
    )
    for label, s in (("all NGOs", report.overall), ("accelerator NGOs", report.accelerator)):
        print(
            f"{label}: {s.measured}/{s.organizations} measured, mean ×{_f(s.mean)}, median ×{_f(s.median)}, "
            f"≥ ×2.5: {s.at_target} ({_f(s.share_at_target)}); without a ratio: {s.missing}"
        )
    print(f"frozen baselines: {report.frozen_accounts} of {report.accounts} accounts")
    return 0
