"""attendance: marks at sessions, the matrix, exports, sign-in sheets, closing sessions."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from smm_event.attendance.config import AttendanceSettings, settings_to_json
from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.domain.attendance import AttendanceMatrix, AttendanceStatus, MarkInfo, MarkSource
from smm_event.errors import UserError
from smm_event.services import attendance
from smm_event.workspace import open_workspace

register_messages(
    {
        "session_not_found": "no session with id {session} (see `smm-event attendance sessions`)",
        "bad_session_id": "{value!r} is not a session id (a UUID, see `attendance sessions`)",
        "bad_status": "unknown status {value!r}: use present, late, absent or excused",
        "bad_mark_source": "unknown mark source {value!r}",
        "not_in_stream": "participant {participant} is not in stream {stream}, the session's stream",
        "session_cancelled": "session {session} is cancelled; restore it on the schedule first",
        "session_closed": "session {session} is closed; reopen it with `attendance reopen --session ID`",
        "bad_attendance_setting": "bad attendance setting {name}: {value}",
        "unsupported_export": "cannot export to {path}: use a .xlsx or .csv file name",
        "no_sessions_that_day": "stream {stream} has no sessions on {day}",
        "cannot_write": "cannot write {path}: {reason}",
    }
)

STATUS_CHOICES = tuple(status.value for status in AttendanceStatus)
LETTERS = {"present": "P", "late": "L", "absent": "A", "excused": "E"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("attendance", help="marks at sessions, matrix, sign-in sheets")
    commands = group.add_subparsers(
        dest="attendance_command", required=True, parser_class=type(group)
    )
    command = commands.add_parser("mark", parents=[common], help="mark one person at a session")
    _session_and_participant(command)
    command.add_argument("--status", choices=STATUS_CHOICES, required=True)
    command.add_argument("--note", default=None, help="a note on the mark ('' clears it)")
    command.add_argument("--operator", default=None, help="who marks (kept in the audit trail)")
    command.set_defaults(handler=run_mark)
    command = commands.add_parser("scan", parents=[common], help="mark by a badge's QR text")
    command.add_argument("--session", required=True)
    command.add_argument("token", help="the text of the badge's QR code")
    command.set_defaults(handler=run_scan)
    command = commands.add_parser("show", parents=[common], help="a stream's matrix or a session")
    target = command.add_mutually_exclusive_group(required=True)
    target.add_argument("--stream", type=int, help="participants x sessions with percentages")
    target.add_argument("--session", help="one session's roster with current marks")
    command.set_defaults(handler=run_show)
    command = commands.add_parser("export", parents=[common], help="the matrix as XLSX or CSV")
    command.add_argument("--stream", type=int, required=True)
    command.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    command.set_defaults(handler=run_export)
    command = commands.add_parser("sheets", parents=[common], help="sign-in sheets PDF of a day")
    command.add_argument("--stream", type=int, required=True)
    command.add_argument("--day", type=_date, required=True, help="YYYY-MM-DD")
    command.add_argument("--session", default=None, help="only this session (default: all)")
    command.add_argument("--out", type=Path, required=True)
    command.set_defaults(handler=run_sheets)
    _register_session_commands(commands, common)


def _register_session_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser("close", parents=[common], help="close a session")
    command.add_argument("--session", required=True)
    command.add_argument("--mark-absent", action="store_true", help="mark the unmarked absent")
    command.set_defaults(handler=run_close)
    command = commands.add_parser("reopen", parents=[common], help="reopen a closed session")
    command.add_argument("--session", required=True)
    command.set_defaults(handler=run_reopen)
    command = commands.add_parser("sessions", parents=[common], help="list sessions and their ids")
    command.add_argument("--stream", type=int, default=None)
    command.add_argument("--day", type=_date, default=None)
    command.add_argument("--ids", action="store_true", help="only the ids, one a line (scripts)")
    command.set_defaults(handler=run_sessions)
    command = commands.add_parser("history", parents=[common], help="every version of a mark")
    _session_and_participant(command)
    command.set_defaults(handler=run_history)
    command = commands.add_parser("settings", parents=[common], help="show or change the rules")
    command.add_argument("--grace-minutes", type=int, default=None)
    command.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="STATUS=VALUE",
        help="e.g. late=0.5 or excused=none (leaves the denominator)",
    )
    command.add_argument(
        "--desk-marks",
        choices=("yes", "no"),
        default=None,
        help="a desk check-in marks the day's first session",
    )
    command.set_defaults(handler=run_settings)


def _session_and_participant(command: argparse.ArgumentParser) -> None:
    command.add_argument("--session", required=True, help="session id (attendance sessions)")
    command.add_argument("--participant", required=True, help="participant id (roster list)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def run_mark(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        info = attendance.mark(
            ws,
            args.session,
            args.participant,
            args.status,
            args.note,
            MarkSource.CLI,
            args.operator,
        )
    if args.json:
        print_json(info)
    else:
        before = f" (was {info.previous_status.value})" if info.previous_status else ""
        print(f"{info.participant_id}: {info.status.value}{before}")
    return 0


def run_scan(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        result = attendance.mark_by_scan(ws, args.session, args.token)
    if args.json:
        print_json(result)
    else:
        who = result.participant.full_name if result.participant else "-"
        status = result.mark.status.value if result.mark else ""
        print(f"{result.outcome.value}: {who} {status} ({result.token_result.value})".rstrip())
    return 0 if result.mark is not None else 1


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        if args.session is not None:
            roster = attendance.session_roster(ws, args.session)
            if args.json:
                print_json(roster)
                return 0
            rows = [
                (
                    e.participant.full_name,
                    e.status.value if e.status else "",
                    _mark_who(e.mark),
                    str(e.participant.id),
                )
                for e in roster.entries
            ]
            print(
                f"{roster.session.starts_at:%Y-%m-%d %H:%M} {roster.session.title}"
                f"{' (closed)' if roster.session.closed else ''}"
            )
            print_table(("Name", "Status", "Marked", "Participant id"), rows)
            print(", ".join(f"{key}: {value}" for key, value in roster.counts.items()))
            return 0
        matrix = attendance.attendance_matrix(ws, args.stream)
    if args.json:
        print_json(matrix)
    else:
        _print_matrix(matrix)
    return 0


def _mark_who(mark: MarkInfo | None) -> str:
    if mark is None:
        return ""
    who = mark.operator or mark.device_name or ""
    return f"{mark.marked_at:%H:%M} {mark.source} {who}".strip()


def _print_matrix(matrix: AttendanceMatrix) -> None:
    print(
        f"Stream {matrix.stream_number} «{matrix.stream_title}»: {len(matrix.rows)} participants, "
        f"{len(matrix.sessions)} sessions (P present, L late, A absent, E excused, . unmarked)"
    )
    rows = []
    for row in matrix.rows:
        cells = "".join(LETTERS[c.value] if c else "." for c in row.cells)
        percent = "" if row.summary.percent is None else f"{row.summary.percent:.1f}"
        rows.append((row.participant.full_name, cells, percent, str(row.participant.id)))
    print_table(("Name", "Sessions", "%", "Participant id"), rows)
    held = [total for total in matrix.totals if total.held]
    present = sum(t.counts.get("present", 0) + t.counts.get("late", 0) for t in held)
    print(f"held sessions: {len(held)}; present or late, summed over them: {present}")


def run_export(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        path = attendance.export_attendance(ws, args.stream, args.out)
    if args.json:
        print_json({"path": str(path)})
    else:
        print(f"exported stream {args.stream} to {path}")
    return 0


def run_sheets(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        pages = attendance.signin_sheet(ws, args.stream, args.day, args.out, args.session)
    if args.json:
        print_json({"path": str(args.out), "pages": pages})
    else:
        print(f"sign-in sheets for stream {args.stream} on {args.day}: {args.out} ({pages} pages)")
    return 0


def run_close(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        result = attendance.close_session(ws, args.session, args.mark_absent, operator=None)
    if args.json:
        print_json(result)
    else:
        print(f"session {result.session_id} closed; marked absent: {result.marked_absent}")
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        result = attendance.reopen_session(ws, args.session)
    if args.json:
        print_json(result)
    else:
        print(f"session {result.session_id} reopened")
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        sessions = attendance.find_sessions(ws, args.stream, args.day)
    if args.json:
        print_json(sessions)
        return 0
    if args.ids:
        print("\n".join(str(s.id) for s in sessions))
        return 0
    rows = [
        (
            s.stream_number,
            f"{s.starts_at:%Y-%m-%d}",
            f"{s.starts_at:%H:%M}-{s.ends_at:%H:%M}",
            s.title,
            "closed" if s.closed else "",
            str(s.id),
        )
        for s in sessions
    ]
    print_table(("Stream", "Day", "Time", "Title", "State", "Session id"), rows)
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        history = attendance.mark_history(ws, args.session, args.participant)
    if args.json:
        print_json(history)
        return 0
    rows = [
        (
            f"{m.marked_at:%Y-%m-%d %H:%M:%S}",
            m.status.value,
            m.previous_status.value if m.previous_status else "",
            m.source,
            m.device_name,
            m.operator,
            m.note,
        )
        for m in history
    ]
    print_table(("When", "Status", "Was", "How", "Laptop", "Who", "Note"), rows)
    return 0


def run_settings(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        settings = attendance.get_settings(ws)
        changed = _changed_settings(settings, args)
        if changed != settings:
            settings = attendance.save_settings(ws, changed)
    if args.json:
        print_json(settings_to_json(settings))
    else:
        data = settings_to_json(settings)
        weights = ", ".join(
            f"{k}={'none' if v is None else f'{v:g}'}" for k, v in data["weights"].items()
        )
        print(f"weights: {weights}")
        print(f"late after: {settings.grace_minutes} minutes from the start")
        print(
            f"desk check-in marks the day's first session: "
            f"{'yes' if settings.desk_marks_first_session else 'no'}"
        )
    return 0


def _changed_settings(settings: AttendanceSettings, args: argparse.Namespace) -> AttendanceSettings:
    weights = dict(settings.weights)
    for item in args.weight:
        name, _, value = item.partition("=")
        try:
            status = AttendanceStatus(name.strip())
            weights[status] = None if value.strip().lower() == "none" else float(value)
        except ValueError as error:
            raise UserError("bad_attendance_setting", name="weight", value=item) from error
    changed = dataclasses.replace(settings, weights=weights)
    if args.grace_minutes is not None:
        changed = dataclasses.replace(changed, grace_minutes=args.grace_minutes)
    if args.desk_marks is not None:
        changed = dataclasses.replace(changed, desk_marks_first_session=args.desk_marks == "yes")
    return changed
