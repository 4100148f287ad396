"""sync: with the central PostgreSQL database, by bundle file, status and needs-attention list.

smm-event sync --central postgresql://user@host/db     push and pull (password: keyring)
smm-event sync export --out FILE | sync import FILE     by USB stick
smm-event sync status | sync attention | sync check | sync verify | sync password
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.domain.sync import AttentionItem, SyncProgress
from smm_event.errors import UserError
from smm_event.services import sync
from smm_event.workspace import open_workspace

register_messages(
    {
        "no_central_url": "no central database given: use --central postgresql://user@host/database",
        "bad_central_url": "{url!r} is not a PostgreSQL address (postgresql://user@host:5432/database)",
        "central_auth_failed": "the central database refused the login ({reason}); store the password with `smm-event sync password --central URL`",
        "central_no_database": "the central database does not exist ({reason}); ask the administrator to create it",
        "central_unreachable": "cannot reach the central database: {reason}",
        "central_connection_lost": "the connection to the central database was lost ({reason}); run sync again, it continues where it stopped",
        "central_from_newer_version": "the central database was set up by a newer smm-event; update the program on this laptop",
        "central_other_event": "the central database holds another event ({central}), not this laptop's ({ours}); use the database of this event",
        "device_clash": "the central database has different records from this laptop's device id {device}: this workspace is a copy of another laptop's; create a new workspace and pull instead",
        "keyring_unavailable": "the system keyring is not available ({reason}); put the password in the URL or in ~/.pgpass",
        "bundle_not_a_bundle": "{path} is not an smm-event sync file",
        "bundle_damaged": "the sync file {path} is damaged ({reason}); nothing was imported, export it again",
        "bundle_newer_version": "the sync file {path} was made by a newer smm-event (format {version}); update the program",
        "bundle_other_event": "the sync file {path} is from another event ({event}), not this laptop's ({ours}); nothing was imported",
        "bundle_conflicts": "the sync file {path} contradicts this laptop's records (device {device}, record {seq}); it is forged or from a copied workspace: nothing was imported",
        "bundle_unwritable": "cannot write the sync file {path}: {reason}",
        "bundle_invalid_record": "the sync file {path} has an invalid record {record} ({entity}.{field}: {problem}); nothing was imported",
        "sync_invalid_record": "record {seq} of device {device} is invalid ({entity}.{field}: {problem}); sync stopped before its batch, nothing of it was saved",
    }
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    central = argparse.ArgumentParser(add_help=False)
    central.add_argument(
        "--central",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="postgresql://user@host:5432/database (default: the last one); "
        "a password not in the URL comes from the system keyring",
    )
    command = subparsers.add_parser(
        "sync", parents=[common, central], help="sync with the central database or by file"
    )
    command.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)
    command.set_defaults(handler=run_sync, central=None)
    actions = command.add_subparsers(dest="sync_command", parser_class=type(command))

    sub = actions.add_parser(
        "export", parents=[common], help="write everything this laptop knows to a file"
    )
    sub.add_argument("--out", type=Path, required=True, metavar="FILE")
    sub.set_defaults(handler=run_export)
    sub = actions.add_parser(
        "import", parents=[common], help="merge a file exported on another laptop"
    )
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.set_defaults(handler=run_import)
    sub = actions.add_parser(
        "status", parents=[common], help="last sync and records not yet on central"
    )
    sub.set_defaults(handler=run_status)
    sub = actions.add_parser("attention", parents=[common], help="what an organizer should look at")
    sub.set_defaults(handler=run_attention)
    sub = actions.add_parser(
        "check", parents=[common, central], help="test the connection to central"
    )
    sub.set_defaults(handler=run_check)
    sub = actions.add_parser(
        "verify", parents=[common, central], help="compare this laptop's data with central"
    )
    sub.set_defaults(handler=run_verify)
    sub = actions.add_parser(
        "password",
        parents=[common, central],
        help="store central's password in the system keyring (read from stdin)",
    )
    sub.add_argument("--forget", action="store_true", help="remove the stored password")
    sub.set_defaults(handler=run_password)


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(progress: SyncProgress) -> None:
        sys.stderr.write(f"\r{progress.phase.value}: {progress.done}/{progress.total}   ")
        sys.stderr.flush()

    return show


def run_sync(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        # The service's batch size unless a test asks for another.
        sizing = {} if args.batch_size is None else {"batch_size": args.batch_size}
        result = sync.sync_with_central(ws, args.central, progress=_progress(args), **sizing)
    if args.json:
        print_json(result)
        return 0
    if _progress(args):
        sys.stderr.write("\n")
    print(f"Central: {result.central}")
    print(f"Pushed {result.pushed}, pulled {result.pulled} record(s).")
    if result.verified:
        print(f"Marked {result.verified} record(s) verified on central (the reports count them).")
    if result.attention:
        print(f"{result.attention} item(s) need attention: smm-event sync attention")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        summary = sync.export_changes(ws, args.out)
    if args.json:
        print_json(summary)
    else:
        print(
            f"Exported {summary.records} record(s) of {len(summary.devices)} device(s) to {summary.path}"
        )
        print(f"SHA-256 {summary.sha256}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        result = sync.import_changes(ws, args.file, progress=_progress(args))
    if args.json:
        print_json(result)
        return 0
    print(
        f"Imported {result.imported} new record(s), {result.already_present} already here, from {result.bundle.path}"
    )
    if result.attention:
        print(f"{result.attention} item(s) need attention: smm-event sync attention")
    return 0


def run_status(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        status = sync.sync_status(ws)
    if args.json:
        print_json(status)
        return 0
    last = (
        status.last_success_at.isoformat(" ", "seconds") + " UTC"
        if status.last_success_at
        else "never"
    )
    print(
        f"Last successful sync: {last}"
        + (f" with {status.last_central}" if status.last_central else "")
    )
    print(f"Not yet on central: {status.unsynced} record(s)")
    if status.peers:
        print_table(
            ("peer", "last success (UTC)", "last error", "pushed", "pulled"),
            [(p.peer, p.last_success_at, p.last_error, p.pushed, p.pulled) for p in status.peers],
        )
    return 0


def run_attention(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        items = sync.attention_list(ws)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print("Nothing needs attention.")
        return 0
    print_table(
        ("kind", "participant", "day", "laptops", "details"), [_row(item) for item in items]
    )
    return 0


def _row(item: AttentionItem) -> tuple[Any, ...]:
    details = ", ".join(
        f"{k}={v}" for k, v in item.details.items() if k not in ("scans", "statuses")
    )
    return (
        item.kind.value,
        item.participant_name or "",
        item.day,
        ", ".join(item.device_names),
        details,
    )


def run_check(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        url = sync.resolve_central(ws, args.central)
    check = sync.check_central(url)
    if args.json:
        print_json(check)
        return 0
    print(f"Connected to {check.central} (PostgreSQL {check.server_version})")
    schema = (
        "empty (the first sync creates it)"
        if check.schema_revision is None
        else check.schema_revision
    )
    print(
        f"Schema: {schema}{'' if check.schema_current or check.schema_revision is None else ' (will be upgraded)'}"
    )
    print(
        f"Events: {', '.join(check.event_names) or 'none'}; devices: {check.devices}; records: {check.changes}"
    )
    print(f"This laptop's clock differs from the server's by {check.clock_skew_ms / 1000:.1f} s")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        url = sync.resolve_central(ws, args.central)
        report = sync.compare_with_central(ws, url)
    if args.json:
        print_json(report)
    else:
        print(
            "identical"
            if report.identical
            else f"different tables: {', '.join(report.different_tables)}"
        )
    return 0 if report.identical else 1


def run_password(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        url = sync.resolve_central(ws, args.central)
    if args.forget:
        sync.forget_central_password(url)
        return 0
    password = (
        getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    )
    if not password:
        raise UserError("empty_password")
    sync.save_central_password(url, password)
    if not args.json:
        print("Password stored in the system keyring.")
    return 0


register_messages({"empty_password": "no password given"})
