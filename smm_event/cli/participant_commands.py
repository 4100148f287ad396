"""participants merge / unmerge: two records of one person made one, and taken apart again."""

from __future__ import annotations

import argparse
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json
from smm_event.services import merges
from smm_event.workspace import open_workspace

register_messages(
    {
        "merge_reason_required": "say why the two records are one person (--reason)",
        "unmerge_reason_required": "say why the merge is taken back (--reason)",
        "merge_same_person": "both ids are the same person; give the other record's id",
        "already_merged": "{participant} is already merged into someone; unmerge first",
        "merge_into_withdrawn": (
            "{participant} withdrew: take them back first, or keep the other record"
        ),
        "merge_both_certified": (
            "both have a valid certificate ({kept} and {merged}): void the wrong one first"
        ),
        "not_merged": "this person is not merged into anyone",
    }
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("participants", help="merge duplicate records of one person")
    commands = group.add_subparsers(
        dest="participants_command", required=True, parser_class=type(group)
    )
    command = commands.add_parser("merge", parents=[common], help="OTHER becomes KEEP")
    command.add_argument("keep", help="id of the person who stays")
    command.add_argument("other", help="id of the duplicate record")
    command.add_argument("--reason", required=True)
    command.add_argument("--dry-run", action="store_true", help="only show what would move")
    command.set_defaults(handler=run_merge)
    command = commands.add_parser("unmerge", parents=[common], help="take a merge back")
    command.add_argument("other", help="id of the record that was merged away")
    command.add_argument("--reason", required=True)
    command.set_defaults(handler=run_unmerge)


def run_merge(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        preview = merges.merge_preview(ws, args.keep, args.other)
        result = (
            None
            if args.dry_run
            else merges.merge_participants(ws, args.keep, args.other, args.reason)
        )
    if args.json:
        print_json(result or preview)
        return 0
    moved = (
        f"{preview.checkins} check-ins, {preview.marks} marked sessions, "
        f"{preview.badges} badge prints"
        + (f", certificate {preview.certificate}" if preview.certificate else "")
    )
    verb = "would move" if args.dry_run else "merged; moved"
    print(f"{preview.merged.full_name} -> {preview.kept.full_name}: {verb} {moved}")
    return 0


def run_unmerge(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        result = merges.unmerge_participant(ws, args.other, args.reason)
    if args.json:
        print_json(result)
    else:
        print(f"{result.merged_name} and {result.kept_name} are two people again")
    return 0
