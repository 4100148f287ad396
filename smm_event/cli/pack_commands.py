"""report pack: the evidence pack for the grant report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from smm_event.cli.output import print_json
from smm_event.reporting.pack import build_pack
from smm_event.workspace import open_workspace


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("report", help="reports for the grant fund")
    sub = group.add_subparsers(dest="report_command", required=True, parser_class=type(group))
    command = sub.add_parser("pack", parents=[common], help="the dated evidence folder and zip")
    command.add_argument("--out", type=Path, required=True, help="folder to put the pack in")
    command.set_defaults(handler=run_pack)


def run_pack(args: argparse.Namespace) -> int:
    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty():
            sys.stderr.write(f"\r[{done}/{total}] {name[:60]:<60}")

    with open_workspace(args.workspace) as ws:
        result = build_pack(ws, args.out, progress)
    if not args.json and sys.stderr.isatty():
        sys.stderr.write("\n")
    if args.json:
        print_json(result)
    else:
        print(f"wrote {result.folder} ({len(result.files)} files) and {result.zip_path}")
    return 0
