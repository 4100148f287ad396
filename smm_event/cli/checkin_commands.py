"""checkin, walkin, scan-image: the registration desk from the command line.

Every judged scan is logged, refused ones too; the exit code tells a script the verdict without
parsing: 0 admitted, 4 already checked in today, 5 refused (forged, replaced, wrong day...; the
reason is in the output and in ``--json``). Exit 1 is a user error (no event, unknown
participant, bad walk-in data), exit 2 a usage error (such as an --at that is not a time).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table, to_jsonable
from smm_event.domain.checkin import CheckinMethod, CheckinOutcome, CheckinResult, DeskCounts
from smm_event.errors import UserError
from smm_event.services import checkin
from smm_event.storage.event_context import to_utc
from smm_event.workspace import Workspace, open_workspace

register_messages(
    {
        "walk_in_name_required": "a walk-in needs at least a surname and a first name",
        "bad_phone": "{value!r} is not a phone number (e.g. +7 928 123-45-67)",
        "bad_email": "{value!r} is not an e-mail address",
        "no_session_today": "no stream meets on {day}: a walk-in can only join today's stream",
        "choose_stream": "several streams meet today ({streams}): give --stream",
        "stream_not_today": "stream {number} does not meet on {day}",
        "unreadable_image": "{path} is not an image this program can read",
        "annul_reason_required": "give the reason for annulling with --reason",
        "annul_reason_too_long": "the reason is longer than {max_length} characters",
        "checkin_not_found": "no check-in with id {checkin} (see `checkin list --json`)",
        "bad_checkin_id": "{value!r} is not a check-in id (a UUID, see `checkin list --json`)",
        "checkin_not_admitted": "this scan admitted nobody ({result}): there is nothing to annul",
        "checkin_already_annulled": "this check-in was already annulled",
        "admission_override_reason_required": "give the reason for the override with --override-reason",
        "override_reason_too_long": "the reason is longer than {max_length} characters",
        "override_approver_required": (
            "this laptop is not the organizer's: name the organizer who allowed it with"
            " --approved-by"
        ),
        "override_not_needed": (
            "no override needed: the participant's stream meets today, or they have no stream"
        ),
    }
)

# 1, 2 and 3 are taken by user, usage and internal errors (smm_event.cli.main).
EXIT_ADMITTED = 0
EXIT_ALREADY_CHECKED_IN = 4
EXIT_REFUSED = 5

_VERDICTS = {
    CheckinResult.ADMITTED: "ADMITTED",
    CheckinResult.ALREADY_CHECKED_IN: "ALREADY CHECKED IN",
    CheckinResult.BADGE_REPLACED: "REFUSED: this badge was replaced by a newer one",
    CheckinResult.FORGED_OR_UNREADABLE: "REFUSED: forged, damaged or foreign code",
    CheckinResult.UNKNOWN_PARTICIPANT: "REFUSED: signed badge of someone not on this laptop (sync it)",
    CheckinResult.NOT_ASSIGNED: "REFUSED: the participant has no stream",
    CheckinResult.WRONG_STREAM_DAY: "REFUSED: not this participant's stream day",
    CheckinResult.NO_SESSION_TODAY: "REFUSED: no stream meets today",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("checkin", help="check people in at the desk")
    commands = group.add_subparsers(dest="checkin_command", required=True, parser_class=type(group))
    command = commands.add_parser("scan", parents=[common], help="judge and log a scanned code")
    command.add_argument("text", metavar="TEXT", help="the code as the scanner typed it")
    _desk_arguments(command)
    command.set_defaults(handler=run_scan)
    command = commands.add_parser("manual", parents=[common], help="check in without a badge")
    command.add_argument("participant", metavar="PARTICIPANT", help="participant id")
    _desk_arguments(command)
    command.add_argument(
        "--override-reason",
        default=None,
        metavar="REASON",
        help="let the person in although their stream does not meet today (logged)",
    )
    command.add_argument(
        "--approved-by",
        default=None,
        metavar="ORGANIZER",
        help="the organizer who allowed the override (required on a desk laptop)",
    )
    command.set_defaults(handler=run_manual)
    command = commands.add_parser("list", parents=[common], help="the scans of a day")
    command.add_argument("--day", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    command.set_defaults(handler=run_list)
    command = commands.add_parser(
        "annul", parents=[common], help="undo a wrong admission (its desk-made mark too)"
    )
    command.add_argument("checkin", metavar="CHECKIN", help="check-in id (checkin list --json)")
    command.add_argument("--reason", required=True, help="why, for the log (required)")
    command.add_argument("--operator", default=None, help="who annuls it")
    command.set_defaults(handler=run_annul)
    command = commands.add_parser("counts", parents=[common], help="arrivals of the day's stream")
    command.add_argument("--day", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    command.add_argument("--desk", default=None, help="also count this desk's arrivals")
    command.set_defaults(handler=run_counts)

    group = subparsers.add_parser("walkin", help="people who are not on the roster")
    commands = group.add_subparsers(dest="walkin_command", required=True, parser_class=type(group))
    command = commands.add_parser("add", parents=[common], help="register and check in a walk-in")
    command.add_argument("--surname", required=True)
    command.add_argument("--first-name", required=True)
    command.add_argument("--patronymic", default=None)
    command.add_argument("--organization", default=None)
    command.add_argument("--phone", default=None)
    command.add_argument("--email", default=None)
    command.add_argument("--stream", type=int, default=None, help="if several streams meet today")
    _desk_arguments(command)
    command.set_defaults(handler=run_walkin)

    command = subparsers.add_parser(
        "scan-image", parents=[common], help="read QR codes from photos as the camera would"
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    command.set_defaults(handler=run_scan_image)


def _desk_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--desk", default=None, help="desk name (default: this laptop's)")
    command.add_argument("--operator", default=None, help="who is at the desk")
    command.add_argument(
        "--at",
        type=_instant,
        default=None,
        metavar="ISO_TIME",
        help="scan time, e.g. 2026-05-12T09:30 (venue time unless it has an offset)",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def _instant(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time (e.g. 2026-05-12T09:30)"
        ) from error


def _when(ws: Workspace, at: dt.datetime | None) -> dt.datetime | None:
    """A time without an offset is the venue's wall clock (how people say it)."""
    if at is None or at.tzinfo is not None:
        return at
    return to_utc(at, checkin.event_zone_of(ws))


def _desk(args: argparse.Namespace) -> str | None:
    if args.desk:
        return str(args.desk)
    from smm_event.station import load_station_settings

    return load_station_settings().desk_name or None


def run_scan(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        outcome = checkin.check_in_scan(
            ws, args.text, _desk(args), args.operator, CheckinMethod.TYPED, _when(ws, args.at)
        )
    _print_outcome(args, outcome)
    return exit_code(outcome.result)


def run_manual(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        if args.override_reason is not None or args.approved_by is not None:
            from smm_event.services.checkin_override import check_in_override

            outcome = check_in_override(
                ws,
                args.participant,
                args.override_reason or "",
                args.approved_by,
                _desk(args),
                args.operator,
                _when(ws, args.at),
            )
        else:
            outcome = checkin.check_in_manual(
                ws, args.participant, _desk(args), args.operator, _when(ws, args.at)
            )
    _print_outcome(args, outcome)
    return exit_code(outcome.result)


def exit_code(result: CheckinResult) -> int:
    """The verdict for scripts: admitted, already in today, or refused for any reason."""
    if result is CheckinResult.ALREADY_CHECKED_IN:
        return EXIT_ALREADY_CHECKED_IN
    return EXIT_ADMITTED if result.admitted else EXIT_REFUSED


def run_walkin(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        from smm_event.services.walkins import register_walk_in

        outcome = register_walk_in(
            ws,
            args.surname,
            args.first_name,
            args.patronymic,
            args.organization,
            args.phone,
            args.email,
            args.stream,
            _desk(args),
            args.operator,
            _when(ws, args.at),
        )
    if args.json:
        print_json(outcome)
    else:
        print(f"registered walk-in {outcome.participant.id} (flagged for review)")
        _print_outcome(args, outcome.checkin)
    return 0


def outcome_json(outcome: CheckinOutcome) -> dict[str, Any]:
    """The outcome with the fields scripts look for first at the top level."""
    data: dict[str, Any] = to_jsonable(outcome)
    first = outcome.first_checkin
    data["participant_name"] = outcome.participant_name
    data["first_checkin_at"] = first.at.isoformat() if first is not None else None
    data["first_checkin_desk"] = first.desk if first is not None else None
    return data


def _print_outcome(args: argparse.Namespace, outcome: CheckinOutcome) -> None:
    if args.json:
        print_json(outcome_json(outcome))
        return
    line = _VERDICTS[outcome.result]
    person = outcome.participant
    if person is not None:
        details = [person.full_name, person.organization or ""]
        if person.stream_number is not None:
            details.append(f"stream {person.stream_number}")
        line += "  " + " · ".join(part for part in details if part)
    print(line)
    if outcome.first_checkin is not None:
        first = outcome.first_checkin
        print(f"first checked in at {first.at:%H:%M} at desk «{first.desk}»")
    if outcome.result is CheckinResult.WRONG_STREAM_DAY and outcome.stream_days:
        days = ", ".join(day.isoformat() for day in outcome.stream_days)
        print(f"stream {outcome.stream_number} meets on {days}")
    if outcome.result.refused and outcome.token_result is not None:
        print(f"badge check: {outcome.token_result.value}")


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        scans = checkin.list_scans(ws, args.day)
    if args.json:
        print_json(scans)
        return 0
    rows = [
        (
            scan.scanned_at.strftime("%H:%M:%S"),
            f"{scan.result} (annulled)" if scan.annulled else scan.result,
            scan.participant_name or "",
            scan.stream_number,
            scan.desk,
            f"{scan.method}: {scan.override_reason} ({scan.override_by})"
            if scan.override_reason
            else scan.method,
            scan.operator,
            str(scan.participant_id or ""),
        )
        for scan in scans
    ]
    print_table(("Time", "Result", "Name", "Stream", "Desk", "Method", "Operator", "Id"), rows)
    print(f"{len(scans)} scans")
    return 0


def run_annul(args: argparse.Namespace) -> int:
    from smm_event.services.annulments import annul_checkin

    with open_workspace(args.workspace) as ws:
        result = annul_checkin(ws, args.checkin, args.reason, args.operator)
    if args.json:
        print_json(result)
        return 0
    mark = "; the desk's attendance mark was withdrawn" if result.mark_withdrawn else ""
    print(f"annulled the check-in of {result.participant_name or '—'}{mark}")
    return 0


def run_counts(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        counts = checkin.desk_counts(ws, args.day, args.desk)
    if args.json:
        print_json(counts)
    else:
        _print_counts(counts)
    return 0


def _print_counts(counts: DeskCounts) -> None:
    if not counts.streams:
        print(f"{counts.day}: no stream meets")
        return
    for stream in counts.streams:
        print(f"{counts.day} stream {stream.number}: {stream.arrived} of {stream.expected} arrived")
    for desk in counts.by_desk:
        print(f"  {desk.desk}: {desk.arrived}")
    if counts.desk is not None:
        print(f"at desk «{counts.desk}»: {counts.arrived_at_desk}")
    if counts.not_arrived:
        print(f"not arrived yet ({len(counts.not_arrived)}):")
        for person in counts.not_arrived:
            organization = f" — {person.organization}" if person.organization else ""
            print(f"  {person.full_name}{organization}")


def run_scan_image(args: argparse.Namespace) -> int:
    from smm_event.scanning.decode import decode_image_file

    verify = _verifier(args.workspace)
    results: list[dict[str, Any]] = []
    for path in args.files:
        try:
            texts = decode_image_file(path)
        except UserError as error:
            results.append({"file": str(path), "error": error.code, "codes": []})
            continue
        codes = [{"text": text, "verification": verify(text)} for text in texts]
        results.append({"file": str(path), "error": None, "codes": codes})
    if args.json:
        print_json(results)
    else:
        _print_images(results)
    return 1 if any(result["error"] for result in results) else 0


def _verifier(path: Path | None) -> Any:
    """Verification against the workspace when there is one with an event; never creates
    a workspace just to read a photo."""
    from smm_event.paths import default_workspace_path
    from smm_event.services.badges import verify_badge

    target = path or default_workspace_path()
    if not target.is_file():
        return lambda _text: None

    def verify(text: str) -> Any:
        with open_workspace(target) as ws:
            try:
                return to_jsonable(verify_badge(ws, text))
            except UserError:
                return None

    return verify


def _print_images(results: list[dict[str, Any]]) -> None:
    for result in results:
        if result["error"]:
            print(f"{result['file']}: cannot read this file as an image")
            continue
        if not result["codes"]:
            print(f"{result['file']}: no QR code found")
        for code in result["codes"]:
            verification = code["verification"]
            verdict = f"  [{verification['result']}]" if verification else ""
            print(f"{result['file']}: {code['text']}{verdict}")
