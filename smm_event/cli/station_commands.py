"""stations and join: enrolling laptops by file, with no network (docs/trust.md).

smm-event join --request FILE [--name NAME]     on the new laptop: its key, and a request file
smm-event stations add --request FILE --name «Стойка 2» --role desk [--role trainer] --out APPROVAL
smm-event join APPROVAL                         on the new laptop: check, pin the anchor, import
smm-event stations list | stations revoke ID --reason TEXT
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smm_event.cli.messages import register_messages
from smm_event.cli.output import print_json, print_table
from smm_event.errors import UserError
from smm_event.services import stations
from smm_event.trust.roles import Role
from smm_event.workspace import open_workspace

register_messages(
    {
        "station_not_enrolled": "this laptop is not enrolled in an event: ask the organizer for an approval file and run `smm-event join FILE`",
        "station_not_organizer": "only the organizer's laptop (the holder of the badge signing key) can enroll or revoke stations",
        "station_not_found": "no station {station!r} (see `smm-event stations list`)",
        "station_bad_role": "unknown role {role}: use organizer, desk, trainer or registrar",
        "station_key_mismatch": "station {station} is already enrolled with another key; nothing was changed",
        "station_revoke_self": "the organizer's laptop cannot revoke itself",
        "join_request_invalid": "the file is not a join request made by `smm-event join --request`",
        "join_approval_invalid": "the file is not a valid approval made by `smm-event stations add`",
        "join_not_for_this_laptop": "this approval was made for another laptop (it names another key); ask the organizer for one made from this laptop's request",
        "join_other_event": "this laptop already belongs to another event («{event}»); use a new workspace to join",
        "join_missing_approval": "give the approval file (`smm-event join FILE`) or --request FILE to make a request",
        "file_unwritable": "cannot write {path}: {reason}",
    }
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    join = subparsers.add_parser(
        "join", parents=[common], help="enroll this laptop: make a request, or open an approval"
    )
    join.add_argument("approval", type=Path, nargs="?", metavar="APPROVAL")
    join.add_argument("--request", type=Path, metavar="FILE", help="write a join request")
    join.add_argument("--name", default="", help="proposed station name («Стойка 2»)")
    join.set_defaults(handler=run_join)
    command = subparsers.add_parser("stations", parents=[common], help="enrolled laptops")
    actions = command.add_subparsers(dest="stations_command", required=True)
    sub = actions.add_parser("add", parents=[common], help="approve a join request")
    sub.add_argument("--request", type=Path, required=True, metavar="FILE")
    sub.add_argument("--name", required=True)
    sub.add_argument(
        "--role", action="append", required=True, choices=[role.value for role in Role]
    )
    sub.add_argument("--out", type=Path, required=True, metavar="APPROVAL")
    sub.set_defaults(handler=run_add)
    sub = actions.add_parser("list", parents=[common], help="enrolled stations")
    sub.set_defaults(handler=run_list)
    sub = actions.add_parser("revoke", parents=[common], help="refuse a station's new records")
    sub.add_argument("station", metavar="ID")
    sub.add_argument("--reason", required=True)
    sub.set_defaults(handler=run_revoke)


def run_join(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        if args.request is not None:
            path = stations.write_join_request(ws, args.request, args.name)
            print(f"Join request written to {path}: take it to the organizer's laptop")
            return 0
        if args.approval is None:
            raise UserError("join_missing_approval")
        result = stations.join(ws, args.approval)
    if args.json:
        print_json(result)
    else:
        roles = ", ".join(result.station.roles)
        print(
            f"Enrolled as «{result.station.name}» ({roles}); imported {result.imported} record(s)"
        )
    return 0


def run_add(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        info = stations.add_station(ws, args.request, args.name, args.role, args.out)
    if args.json:
        print_json(info)
    else:
        print(f"Station «{info.name}» ({', '.join(info.roles)}) enrolled; approval: {args.out}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        rows = stations.list_stations(ws)
    if args.json:
        print_json(list(rows))
        return 0
    print_table(
        ["id", "name", "roles", "records", "revoked"],
        [
            [
                row.device_id.hex[:12],
                row.name + (" (anchor)" if row.is_anchor else ""),
                ", ".join(row.roles),
                row.records,
                "" if row.revoked_after_seq is None else f"after {row.revoked_after_seq}",
            ]
            for row in rows
        ],
    )
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as ws:
        info = stations.revoke_station(ws, args.station, args.reason)
    if args.json:
        print_json(info)
    else:
        print(
            f"Station «{info.name}» revoked: its records after {info.revoked_after_seq} are refused"
        )
    return 0
