"""outcomes, survey: test gains, the funnel with its people, and the feedback surveys."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smm_event.cli import plan_commands
from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.cli.roster_commands import _existing_file, _print_issues
from smm_event.services import outcome_scores, outcomes, reach, selection, surveys
from smm_event.workspace import open_workspace

register_messages(
    {
        "bad_funnel_step": "unknown funnel step {value!r}: use one of {steps}",
        "bad_survey_name": "give the survey a name with --name",
        "no_such_survey": "there is no survey named «{survey}» (see `smm-event survey show`)",
    }
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("outcomes", help="test gains, the funnel, indicators")
    sub = group.add_subparsers(dest="outcomes_command", required=True, parser_class=type(group))
    command = sub.add_parser("show", parents=[common], help="the programme's results at a glance")
    command.add_argument(
        "--people", metavar="STEP", default=None, help="list the people behind a funnel step"
    )
    command.add_argument("--no-exit", action="store_true", help="list who has no exit test")
    command.set_defaults(handler=run_show)
    command = sub.add_parser("import", parents=[common], help="import a quiz export with topics")
    command.add_argument("file", type=_existing_file)
    command.add_argument("--phase", choices=("entry", "exit", "motivation"), required=True)
    command.add_argument("--dry-run", action="store_true")
    command.set_defaults(handler=run_import)
    plan_commands.register_into(sub, common)

    group = subparsers.add_parser("survey", help="feedback surveys")
    sub = group.add_subparsers(dest="survey_command", required=True, parser_class=type(group))
    command = sub.add_parser("import", parents=[common], help="import a form export")
    command.add_argument("file", type=_existing_file)
    command.add_argument("--name", default=None, help="survey name (default: the file name)")
    command.add_argument("--stream", type=int, default=None, help="stream, if the form has none")
    command.add_argument("--dry-run", action="store_true")
    command.set_defaults(handler=run_survey_import)
    command = sub.add_parser(
        "show", parents=[common], help="ratings, comments, who has not answered"
    )
    command.add_argument("name", nargs="?", default=None)
    command.set_defaults(handler=run_survey_show)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        if args.people:
            people = outcomes.people_of_step(ws, args.people)
            return _print_people(args, people)
        gains = outcome_scores.gain_report(ws)
        if args.no_exit:
            return _print_people(args, gains.without_exit)
        steps = outcomes.funnel(ws)
        dates = outcomes.stage_dates(ws)
        indicators = reach.reach_report(ws)
        view = selection.selection_view(ws)
    if args.json:
        print_json(
            {
                "funnel": [{"step": s.step, "count": s.count} for s in steps],
                "gains": {
                    "overall": gains.overall,
                    "by_stream": gains.by_stream,
                    "by_topic": gains.by_topic,
                },
                "reach": {
                    "overall": indicators.overall,
                    "accelerator": indicators.accelerator,
                    "by_stream": indicators.by_stream,
                },
                "selection": {
                    "selected": len(view.result.selected),
                    "per_track": view.result.per_track,
                    "saved_at": view.saved_at,
                },
                "dates": dates,
            }
        )
        return 0
    print_table(
        ("Step", "People"),
        [(s.step, "not recorded" if s.count is None else s.count) for s in steps],
    )
    print()
    rows = [
        (n, g.people, g.with_gain, g.no_exit, g.entry_at_max, _f(g.mean_raw), _f(g.mean_normalized))
        for n, g in gains.by_stream.items()
    ]
    print_table(
        (
            "Stream",
            "People",
            "With gain",
            "No exit test",
            "Entry at max",
            "Mean raw",
            "Mean normalized",
        ),
        rows,
    )
    print()
    r = indicators.accelerator
    print(
        f"reach, accelerator NGOs: {r.measured} of {r.organizations} measured, mean ×{_f(r.mean)}, "
        f"median ×{_f(r.median)}, at ×2.5 or more: {r.at_target} ({_f(r.share_at_target)})"
    )
    print(
        f"selection: {len(view.result.selected)} selected by the rule; saved: {view.saved_at or 'never'}"
    )
    return 0


def _print_people(args: argparse.Namespace, people: Any) -> int:
    if args.json:
        print_json(people)
        return 0
    rows = [
        (
            getattr(p, "full_name", ""),
            getattr(p, "stream_number", None),
            getattr(p, "phone", None),
            str(getattr(p, "id", getattr(p, "participant_id", ""))),
        )
        for p in people
    ]
    print_table(("Name", "Stream", "Phone", "Id"), rows)
    print(f"{len(rows)} people")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = outcome_scores.import_test(ws, Path(args.file), args.phase, args.dry_run)
    if args.json:
        print_json(report)
    else:
        _print_issues(report.invalid, "invalid rows")
        _print_issues(report.unmatched, "rows that match nobody")
        verb = "changed" if report.applied else "would change"
        topics = ", ".join(report.topics) or "none"
        print(
            f"{report.phase}: {report.matched} matched, {verb} {report.changed} values; topics: {topics}"
        )
    return 1 if report.unmatched or report.invalid else 0


def run_survey_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = surveys.import_survey(ws, Path(args.file), args.name, args.stream, args.dry_run)
    if args.json:
        print_json(report)
    else:
        _print_issues(report.invalid, "invalid rows")
        _print_issues(report.unmatched, "rows that match nobody (kept, not linked to a person)")
        verb = "added" if report.applied else "would add"
        print(
            f"survey «{report.survey}»: {report.matched} matched, {verb} {report.added} responses, "
            f"{len(report.questions)} questions"
        )
    return 1 if report.invalid else 0


def run_survey_show(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        names = surveys.survey_names(ws)
        if args.name is None:
            if args.json:
                print_json(names)
            else:
                print("\n".join(names) if names else "no surveys imported yet")
            return 0
        summary = surveys.survey_summary(ws, args.name)
    if args.json:
        print_json(summary)
        return 0
    print(f"survey «{summary.survey}»: {summary.responses} responses")
    print_table(
        ("Question", "Group", "Answers", "Mean"),
        [
            (r.question[:60], f"{r.kind} {r.group}".strip(), r.answers, r.mean)
            for r in summary.ratings
        ],
    )
    print(
        f"{len(summary.comments)} free-text answers; {len(summary.not_answered)} people have not answered:"
    )
    print_table(
        ("Name", "Stream", "Phone"),
        [(p.full_name, p.stream_number, p.phone) for p in summary.not_answered],
    )
    return 0
