"""keys, badges: the event's signing keys, badge PDFs, QR tokens, scans and the print log."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smm_event.badges import SigningKey
from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.cli.passphrase import (
    add_new_passphrase_argument,
    add_passphrase_argument,
    read_new_passphrase,
    read_passphrase,
)
from smm_event.domain.badges import BadgeToken, BadgeVerification, TokenResult
from smm_event.domain.keys import KeyInfo
from smm_event.errors import UserError
from smm_event.private_files import create_private, make_private
from smm_event.services import badges, keys, participants
from smm_event.workspace import Workspace, open_workspace

EXIT_NOT_VALID = 1  # `badges verify`: scripts can test the exit code

register_messages(
    {
        "unknown_badge_layout": "unknown badge layout {name!r}: use a4, a6, label-62x100 or a template FILE.toml",
        "bad_badge_template": "the badge template {path} is not valid: {reason}",
        "badge_layout_does_not_fit": "the badges of layout {name!r} do not fit on its page",
        "badge_qr_too_small": "layout {name!r}: the QR code must be at least {min_mm} mm with its quiet zone",
        "badge_too_small": "layout {name!r}: the badge is too small for its QR code and text",
        "badge_text_too_long": "a name or organization is too long for the badge even at the smallest size",
        "bad_stream_colour": "the stream colour {colour!r} is not a colour (use #RRGGBB)",
        "no_badges": "nobody to print: the selection is empty",
        "cancelled": "cancelled; no file was written",
        "signing_key_retired": "the signing key {key_id} is retired; print with the current key",
        "badge_version_exhausted": "participant {participant} has had too many badges reissued",
        "empty_passphrase_file": "the passphrase file {path} is empty",
        "passphrases_differ": "the two passphrases differ; nothing was changed",
        "not_a_key_file": "that file is not a signing key exported by `smm-event keys export`",
        "key_of_another_event": "that signing key belongs to another event",
        "key_unknown_here": "this laptop does not know key {key_id} yet: sync with the organizer's laptop first",
        "cannot_write": "cannot write {path}: {reason}",
    }
)

_VERDICTS = {
    TokenResult.VALID: "valid",
    TokenResult.REPLACED: "REPLACED by a newer badge",
    TokenResult.FORGED_OR_DAMAGED: "FORGED OR DAMAGED",
    TokenResult.UNKNOWN_KEY: "signed by an UNKNOWN KEY (sync this laptop)",
    TokenResult.NOT_OURS: "NOT a badge of this event",
    TokenResult.UNKNOWN_PARTICIPANT: "signed, but the participant is UNKNOWN here (sync this laptop)",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("keys", help="the event's badge signing keys")
    key_commands = group.add_subparsers(
        dest="keys_command", required=True, parser_class=type(group)
    )
    command = key_commands.add_parser("init", parents=[common], help="create the signing key")
    add_passphrase_argument(command)
    command.set_defaults(handler=run_keys_init)
    command = key_commands.add_parser("rotate", parents=[common], help="add a new signing key")
    command.add_argument("--retire-old", action="store_true", help="stop accepting older keys")
    add_passphrase_argument(command)
    add_new_passphrase_argument(command)
    command.set_defaults(handler=run_keys_rotate)
    command = key_commands.add_parser("list", parents=[common], help="list the keys")
    command.set_defaults(handler=run_keys_list)
    command = key_commands.add_parser(
        "export", parents=[common], help="the encrypted signing key, for a second laptop"
    )
    command.add_argument("--out", type=Path, required=True, metavar="FILE")
    command.set_defaults(handler=run_keys_export)
    command = key_commands.add_parser("import", parents=[common], help="take an exported key")
    command.add_argument("file", type=Path)
    add_passphrase_argument(command)
    command.set_defaults(handler=run_keys_import)
    _register_badges(subparsers, common)


def _register_badges(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("badges", help="badge PDFs, QR tokens and scans")
    badge_commands = group.add_subparsers(
        dest="badges_command", required=True, parser_class=type(group)
    )
    command = badge_commands.add_parser("print", parents=[common], help="write a badge PDF")
    who = command.add_mutually_exclusive_group()
    who.add_argument("--stream", type=int, default=None, help="one stream (default: everyone)")
    who.add_argument("--participant", action="extend", nargs="+", default=None, metavar="ID")
    command.add_argument("--layout", default="a4", help="a4, a6, label-62x100 or FILE.toml")
    command.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_passphrase_argument(command)
    command.set_defaults(handler=run_badges_print)
    command = badge_commands.add_parser("token", parents=[common], help="the QR text of a badge")
    command.add_argument("participant", metavar="PARTICIPANT")
    add_passphrase_argument(command)
    command.set_defaults(handler=run_badges_token)
    command = badge_commands.add_parser("verify", parents=[common], help="check a scanned text")
    command.add_argument("text", metavar="TEXT")
    command.set_defaults(handler=run_badges_verify)
    command = badge_commands.add_parser("reissue", parents=[common], help="replace a badge")
    command.add_argument("participant", metavar="PARTICIPANT")
    command.set_defaults(handler=run_badges_reissue)
    command = badge_commands.add_parser("log", parents=[common], help="who got a badge printed")
    command.add_argument("--participant", default=None, metavar="ID")
    command.set_defaults(handler=run_badges_log)


def run_keys_init(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        _require_event(ws)
        info = keys.init_keys(ws, read_passphrase(args.passphrase_file, confirm=True))
    _print_key(args, info, "created signing key")
    return 0


def run_keys_rotate(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        _require_signing(ws)
        current = read_passphrase(args.passphrase_file)
        info = keys.rotate_keys(
            ws, current, args.retire_old, read_new_passphrase(args.new_passphrase_file)
        )
    _print_key(args, info, "new signing key")
    return 0


def run_keys_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        infos = keys.list_keys(ws)
    if args.json:
        print_json(infos)
        return 0
    rows = [
        (k.key_id, k.created_at.isoformat(" ", "seconds"), k.retired, k.can_sign_here)
        for k in infos
    ]
    print_table(("Key", "Created (UTC)", "Retired", "Private key here"), rows)
    if not any(k.can_sign_here for k in infos):
        print("this laptop verifies badges but cannot issue them")
    return 0


def run_keys_export(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        data = keys.export_signing_key(ws)
    try:
        if not args.out.exists():
            create_private(args.out)  # the encrypted signing key: never world-readable
        make_private(args.out)
        args.out.write_bytes(data)
    except OSError as error:
        raise UserError("cannot_write", path=str(args.out), reason=error.strerror) from error
    if args.json:
        print_json({"path": str(args.out)})
    else:
        print(
            f"exported the encrypted signing key to {args.out} (it needs the passphrase to be used)"
        )
    return 0


def run_keys_import(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise UserError("file_not_found", path=str(args.file)) from error
    with open_workspace(args.workspace) as ws:
        info = keys.import_signing_key(ws, data, read_passphrase(args.passphrase_file))
    _print_key(args, info, "imported signing key")
    return 0


def run_badges_print(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        key = _unlock(ws, args.passphrase_file)
        report = badges.print_badges(
            ws,
            key,
            args.out,
            args.layout,
            stream_number=args.stream,
            participant_ids=args.participant,
        )
    if args.json:
        print_json(report)
    else:
        print(
            f"{report.badges} badges on {report.pages} pages ({report.layout}) written to {report.path}"
        )
    return 0


def run_badges_token(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        person = participants.get_participant(ws, args.participant)
        key = _unlock(ws, args.passphrase_file)
        token = badges.badge_token(ws, person.id, key)
    if args.json:
        print_json(BadgeToken(person.id, person.badge_version, key.key_id, token))
    else:
        print(token)
    return 0


def run_badges_verify(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        verification = badges.verify_badge(ws, args.text)
    if args.json:
        print_json(verification)
    else:
        print(_describe(verification))
    return 0 if verification.valid else EXIT_NOT_VALID


def run_badges_reissue(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        person = badges.reissue_badge(ws, args.participant)
    if args.json:
        print_json(person)
    else:
        print(
            f"{person.full_name}: badge version {person.badge_version}; older badges are now replaced"
        )
        print(
            "print the new badge with `smm-event badges print --participant "
            f"{person.id} --out FILE.pdf`"
        )
    return 0


def run_badges_log(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        entries = badges.print_log(ws, args.participant)
    if args.json:
        print_json(entries)
        return 0
    rows = [
        (
            e.printed_at.isoformat(" ", "seconds"),
            e.participant_name or str(e.participant_id),
            e.stream_number,
            e.badge_version,
            e.layout,
            e.device_name or str(e.device_id),
        )
        for e in entries
    ]
    print_table(("Printed (UTC)", "Participant", "Stream", "Version", "Layout", "Laptop"), rows)
    print(f"{len(entries)} badges printed")
    return 0


def _require_event(ws: Workspace) -> None:
    from smm_event.storage.event_context import current_event

    with ws.reading() as session:
        current_event(session)


def _require_signing(ws: Workspace) -> None:
    # Checked before the prompt: a desk laptop is told it cannot sign, not asked a passphrase.
    _require_event(ws)
    if not keys.can_sign(ws):
        raise UserError("no_signing_key")


def _unlock(ws: Workspace, passphrase_file: Path | None) -> SigningKey:
    _require_signing(ws)
    return keys.unlock_signing_key(ws, read_passphrase(passphrase_file))


def _print_key(args: argparse.Namespace, info: KeyInfo, what: str) -> None:
    if args.json:
        print_json(info)
    else:
        print(
            f"{what} {info.key_id}; keep the passphrase safe: without it no new badges can be printed"
        )


def _describe(verification: BadgeVerification) -> str:
    verdict = _VERDICTS[verification.result]
    person = verification.participant
    if person is None:
        return verdict if verification.key_id is None else f"{verdict} (key {verification.key_id})"
    stream = f"stream {person.stream_number}" if person.stream_number else "no stream"
    version = f"badge version {verification.badge_version}"
    if verification.result is TokenResult.REPLACED:
        version += f", current {verification.current_badge_version}"
    return f"{verdict}: {person.full_name} ({stream}, {version}, id {person.id})"
