"""roster, scores, streams: the participants and their placement."""

from __future__ import annotations

import argparse
from typing import Any

from smm_event.cli.output import print_json, print_table
from smm_event.domain.participants import ImportIssue
from smm_event.errors import UserError
from smm_event.services import participants, roster_import, scores, streams
from smm_event.workspace import open_workspace


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("roster", help="the participant list")
    roster = group.add_subparsers(dest="roster_command", required=True, parser_class=type(group))
    command = roster.add_parser("import", parents=[common], help="import a CSV/XLSX roster")
    command.add_argument("file", type=_existing_file)
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--skip-invalid", action="store_true", help="import the valid rows")
    command.set_defaults(handler=run_roster_import)
    command = roster.add_parser("list", parents=[common], help="list participants")
    command.add_argument("--stream", type=int, default=None)
    command.add_argument("--search", default=None, help="a few letters of a name, NGO or phone")
    command.add_argument("--ids", action="store_true", help="only the ids, one a line (scripts)")
    command.set_defaults(handler=run_roster_list)

    group = subparsers.add_parser("scores", help="entry and exit test results")
    score_commands = group.add_subparsers(
        dest="scores_command", required=True, parser_class=type(group)
    )
    command = score_commands.add_parser("import", parents=[common], help="import test scores")
    command.add_argument("file", type=_existing_file)
    command.add_argument("--phase", choices=("entry", "exit"), required=True)
    command.add_argument("--dry-run", action="store_true")
    command.set_defaults(handler=run_scores_import)

    group = subparsers.add_parser("streams", help="stream assignment")
    stream_commands = group.add_subparsers(
        dest="streams_command", required=True, parser_class=type(group)
    )
    command = stream_commands.add_parser("assign", parents=[common], help="assign by entry score")
    command.set_defaults(handler=run_streams_assign)
    command = stream_commands.add_parser("set", parents=[common], help="place one person by hand")
    command.add_argument("participant")
    command.add_argument("stream", help="stream number, or 'auto' to undo a manual placement")
    command.set_defaults(handler=run_streams_set)


def _existing_file(text: str) -> Any:
    from pathlib import Path

    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"file not found: {text}")
    return path


def run_roster_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = roster_import.import_roster(ws, args.file, args.dry_run, args.skip_invalid)
    if args.json:
        print_json(report)
    else:
        _print_issues(report.invalid, "invalid rows")
        verb = "imported" if report.applied else "would import"
        print(
            f"{verb}: {report.created} new, {report.updated} updated, {report.unchanged} unchanged"
        )
        if report.ignored_columns:
            print("ignored columns: " + ", ".join(report.ignored_columns))
        if report.invalid and not report.applied and not args.dry_run:
            print("nothing was imported: fix the rows above, or add --skip-invalid")
    if report.invalid and not args.skip_invalid:
        return 1
    return 0


def run_roster_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        people = participants.list_participants(ws, args.stream, args.search)
    if args.json:
        print_json(people)
        return 0
    if args.ids:
        print("\n".join(str(p.id) for p in people))
        return 0
    rows = [
        (
            p.surname,
            p.first_name,
            p.patronymic,
            p.organization,
            p.phone,
            p.stream_number,
            p.entry_score,
            str(p.id),
        )
        for p in people
    ]
    print_table(
        ("Surname", "Name", "Patronymic", "Organization", "Phone", "Stream", "Score", "Id"), rows
    )
    print(f"{len(people)} participants")
    return 0


def run_scores_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        report = scores.import_scores(ws, args.file, args.phase, args.dry_run)
    if args.json:
        print_json(report)
    else:
        _print_issues(report.invalid, "invalid rows")
        _print_issues(report.unmatched, "rows that match nobody")
        verb = "updated" if report.applied else "would update"
        print(f"{report.phase} scores: {report.matched} matched, {verb} {report.changed}")
    return 1 if report.unmatched or report.invalid else 0


def run_streams_assign(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        summary = streams.assign_streams(ws)
    if args.json:
        print_json(summary)
        return 0
    rows = [
        (s.number, s.title, f"{s.size}/{s.capacity}", s.locked, s.min_score, s.max_score)
        for s in summary.streams
    ]
    print_table(
        ("Stream", "Title", "People", "Placed by hand", "Lowest score", "Highest score"), rows
    )
    print(
        f"moved: {summary.moved}; without an entry score: {summary.without_score}; "
        f"no room in any stream: {summary.over_capacity}"
    )
    return 0


def run_streams_set(args: argparse.Namespace) -> int:
    if args.stream == "auto":
        number = None
    else:
        try:
            number = int(args.stream)
        except ValueError as error:
            raise UserError("no_such_stream", number=args.stream) from error
    with open_workspace(args.workspace) as ws:
        person = streams.set_participant_stream(ws, args.participant, number)
    if args.json:
        print_json(person)
    else:
        placed = "by hand" if person.stream_locked else "automatically"
        print(f"{person.full_name}: stream {person.stream_number or '-'} ({placed})")
    return 0


def _print_issues(issues: tuple[ImportIssue, ...], title: str) -> None:
    if not issues:
        return
    print(f"{len(issues)} {title}:")
    for issue in issues:
        column = f", column «{issue.column}»" if issue.column else ""
        value = f": {issue.value!r}" if issue.value else ""
        print(f"  row {issue.row_number}{column}: {issue.reason}{value}")
