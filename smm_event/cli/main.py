"""Entry point: parses the command line, runs one command, turns user errors into one line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from smm_event import __version__
from smm_event.cli.clock_commands import print_warning
from smm_event.cli.messages import message_for
from smm_event.errors import UserError
from smm_event.paths import demo_workspace_path, user_data_dir
from smm_event.private_files import restrict_umask
from smm_event.storage import clock_guard

# Each module has ``register(subparsers, common)``; later features add a line here.
COMMAND_MODULES = (
    "smm_event.cli.workspace_commands",
    "smm_event.cli.roster_commands",
    "smm_event.cli.participant_commands",
    "smm_event.cli.badge_commands",
    "smm_event.cli.attendance_commands",
    "smm_event.cli.certificate_commands",
    "smm_event.cli.sync_commands",
    "smm_event.cli.checkin_commands",
    "smm_event.cli.outcome_commands",
    "smm_event.cli.selection_commands",
    "smm_event.cli.pack_commands",
    "smm_event.cli.station_commands",
    "smm_event.cli.clock_commands",
)

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus the error; a user gets one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="smm-event", description="Check-in, attendance and certificates.")
    parser.add_argument("--version", action="version", version=f"smm-event {__version__}")
    parser.add_argument("--workspace", type=Path, default=None, help="workspace file (SQLite)")
    parser.add_argument(
        "--demo", action="store_true", help="use the demo workspace (the one `gui --demo` opens)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    # Accept --workspace and --json after the command too; SUPPRESS keeps the global value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workspace", type=Path, default=argparse.SUPPRESS, help="workspace file")
    common.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="use the demo workspace"
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="JSON output"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()  # workspaces, keys, exports: owner-only (see private_files)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo:
        if args.workspace is not None:
            parser.error("give --workspace or --demo, not both")
        args.workspace = demo_workspace_path()
    # A clock that jumped is told before the write it would stamp (storage/clock_guard.py).
    clock_guard.add_listener(print_warning)
    try:
        result = args.handler(args)
        return int(result or 0)
    except UserError as error:
        sys.stderr.write(f"smm-event: error: {message_for(error)}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("smm-event: interrupted\n")
        return 130
    except BrokenPipeError:
        # `smm-event roster list | head`: the reader left; that is not an error of ours.
        _silence_stdout()
        return 0
    except OSError as error:
        if args.debug:
            raise
        if error.filename is None:
            return _internal_error()
        # A missing folder, a full disk, a file another program holds: the user can fix it.
        sys.stderr.write(f"smm-event: error: cannot use {error.filename}: {error.strerror}\n")
        return EXIT_USER_ERROR
    except Exception:
        if args.debug:
            raise
        return _internal_error()


def _internal_error() -> int:
    """A bug of ours: one line for the user, the traceback in a log file for us."""
    log = _write_crash_log()
    sys.stderr.write(f"smm-event: internal error, details in {log}\n")
    return EXIT_INTERNAL


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _write_crash_log() -> Path:
    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cli-errors.log"
    with path.open("a", encoding="utf-8") as log:
        log.write(traceback.format_exc() + "\n")
    logging.getLogger(__name__).debug("internal error logged to %s", path)
    return path


if __name__ == "__main__":
    raise SystemExit(main())
