"""The desk from the command line: verdicts and exit codes, JSON fields scripts rely on,
walk-ins, counts, and scan-image on a photo of a real badge."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from smm_event.cli.main import main
from smm_event.services import keys, participants
from smm_event.workspace import Workspace, open_workspace
from tests.support.badges import PASSPHRASE, badge_frame, badge_pdf

RUSSIAN_LAYOUT = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM:", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬЖ")

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


@pytest.fixture
def workspace(demo_workspace: Workspace) -> Path:
    keys.init_keys(demo_workspace, PASSPHRASE)
    path = demo_workspace.path
    demo_workspace.close()
    return path


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--workspace", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def token_of(path: Path, person_id: Any) -> str:
    from smm_event.services.badges import badge_token

    with open_workspace(path) as ws:
        return badge_token(ws, person_id, keys.unlock_signing_key(ws, PASSPHRASE))


def first_of_stream(path: Path, number: int, index: int = 0) -> Any:
    with open_workspace(path) as ws:
        return participants.list_participants(ws, stream_number=number)[index]


def test_scan_admits_then_reports_the_repeat_with_the_first_time(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = first_of_stream(workspace, 1)
    token = token_of(workspace, person.id)
    code, out, _ = run(
        workspace,
        capsys,
        "checkin",
        "scan",
        token,
        "--at",
        "2026-05-12T09:30",
        "--desk",
        "Стойка 1",
    )
    assert code == 0 and out.startswith("ADMITTED") and person.full_name in out
    code, out, _ = run(
        workspace, capsys, "checkin", "scan", token, "--at", "2026-05-12T09:41", "--json"
    )
    data = json.loads(out)
    assert code == 4  # a script tells "already in" from "admitted" without parsing
    assert data["result"] == "already_checked_in"
    assert data["participant_id"] == str(person.id)
    assert data["participant_name"] == person.full_name
    assert data["first_checkin_at"] == "2026-05-12T09:30:00+03:00"
    assert data["first_checkin_desk"] == "Стойка 1"


def test_refused_scan_exits_5_with_the_reason(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = first_of_stream(workspace, 2)
    token = token_of(workspace, other.id)
    code, out, _ = run(workspace, capsys, "checkin", "scan", token, "--at", "2026-05-12T09:30")
    assert code == 5 and "REFUSED: not this participant's stream day" in out
    assert "stream 2 meets on 2026-05-19" in out
    code, out, _ = run(workspace, capsys, "checkin", "scan", "ЫЬЬ1ЖФФФ", "--json")
    assert code == 5 and json.loads(out)["result"] == "forged_or_unreadable"


def test_a_replaced_badge_is_refused_and_the_scan_is_logged(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = first_of_stream(workspace, 1, 4)
    old = token_of(workspace, person.id)
    assert run(workspace, capsys, "badges", "reissue", str(person.id))[0] == 0
    code, out, _ = run(workspace, capsys, "checkin", "scan", old, "--at", "2026-05-12T09:30")
    assert code == 5 and out.startswith("REFUSED: this badge was replaced")
    code, out, _ = run(workspace, capsys, "checkin", "list", "--day", "2026-05-12", "--json")
    assert [s["result"] for s in json.loads(out)] == ["badge_replaced"]


def test_russian_layout_text_from_the_command_line(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = first_of_stream(workspace, 1, 1)
    typed = token_of(workspace, person.id).translate(RUSSIAN_LAYOUT)
    code, out, _ = run(
        workspace, capsys, "checkin", "scan", typed, "--at", "2026-05-12T06:30+00:00", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["result"] == "admitted"
    assert data["scanned_at"] == "2026-05-12T09:30:00+03:00"  # the offset was respected


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (("checkin", "scan", "X", "--at", "tomorrow"), 2, "is not a date and time"),
        (("checkin", "manual", "nobody"), 1, "is not a participant id"),
        (("checkin", "list", "--day", "12.05.2026"), 2, "is not a date"),
        (("walkin", "add", "--surname", "Ли", "--first-name", "Ан", "--phone", "1"), 1, "phone"),
    ],
)
def test_user_errors_are_one_line(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    try:
        actual = main([*argv, "--workspace", str(workspace)])
    except SystemExit as usage_error:  # argparse's exit for a malformed argument
        actual = int(usage_error.code or 0)
    err = capsys.readouterr().err
    assert actual == code
    assert message in err and len(err.strip().splitlines()) == 1


def test_no_event_is_a_user_error(workspace_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(workspace_path, capsys, "checkin", "scan", "SMM1:X")
    assert code == 1 and "has no event" in err


def test_manual_walkin_list_and_counts(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = first_of_stream(workspace, 1, 2)
    at = ("--at", "2026-05-12T09:50", "--desk", "Стойка 2")
    code, out, _ = run(workspace, capsys, "checkin", "manual", str(person.id), *at)
    assert code == 0 and out.startswith("ADMITTED")
    code, out, _ = run(
        workspace, capsys, "walkin", "add", "--surname", "Гусейнова", "--first-name", "Айгюн",
        "--patronymic", "Рашид кызы", "--organization", "НКО «Новые»", "--json", *at,
    )  # fmt: skip
    walk_in = json.loads(out)
    assert code == 0 and walk_in["participant"]["walk_in"] is True
    assert walk_in["checkin"]["result"] == "admitted"
    code, out, _ = run(workspace, capsys, "checkin", "list", "--day", "2026-05-12", "--json")
    scans = json.loads(out)
    assert [s["method"] for s in scans] == ["manual", "walk_in"]
    assert scans[1]["participant_name"] == "Гусейнова Айгюн Рашид кызы"
    code, out, _ = run(workspace, capsys, "checkin", "counts", "--day", "2026-05-12", "--json")
    counts = json.loads(out)
    assert (counts["arrived"], counts["expected"]) == (2, 71)
    assert counts["by_desk"] == [{"desk": "Стойка 2", "arrived": 2}]
    assert len(counts["not_arrived"]) == 69
    code, out, _ = run(workspace, capsys, "checkin", "counts", "--day", "2026-05-12")
    assert "stream 1: 2 of 71 arrived" in out and "not arrived yet (69)" in out


def test_scan_image_reads_a_badge_photo_and_verifies_it(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import cv2

    person = first_of_stream(workspace, 1, 3)
    with open_workspace(workspace) as ws:
        frame = badge_frame(badge_pdf(ws, person.id))
    photo = tmp_path / "фото бейджа.jpg"
    photo.write_bytes(cv2.imencode(".jpg", frame)[1].tobytes())
    empty = tmp_path / "empty.png"
    empty.write_bytes(cv2.imencode(".png", np.full((200, 200), 255, np.uint8))[1].tobytes())
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    code, out, _ = run(workspace, capsys, "scan-image", str(photo), str(empty), "--json")
    assert code == 0
    [badge, nothing] = json.loads(out)
    [read] = badge["codes"]
    assert read["text"] == token_of(workspace, person.id)
    assert read["verification"]["result"] == "valid"
    assert read["verification"]["participant_id"] == str(person.id)
    assert nothing["codes"] == [] and nothing["error"] is None
    code, out, _ = run(workspace, capsys, "scan-image", str(photo), str(broken))
    assert code == 1
    assert "[valid]" in out and "cannot read this file as an image" in out


def test_scan_image_without_a_workspace_only_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import qrcode

    path = tmp_path / "code.png"
    # Any QR writer will do (zxing-cpp's write_barcode is deprecated).
    qrcode.make("HELLO-DESK", box_size=8).save(path)
    code, out, _ = run(tmp_path / "missing.sqlite3", capsys, "scan-image", str(path), "--json")
    assert code == 0
    assert json.loads(out)[0]["codes"] == [{"text": "HELLO-DESK", "verification": None}]
    assert not (tmp_path / "missing.sqlite3").exists()


def test_scan_time_defaults_to_now(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(workspace, capsys, "checkin", "scan", "junk", "--json")
    assert code == 5
    scanned = dt.datetime.fromisoformat(json.loads(out)["scanned_at"])
    assert abs(scanned - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
