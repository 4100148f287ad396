"""`smm-event attendance ...` in-process: output, JSON and error codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from smm_event.cli.main import main
from smm_event.services import attendance
from smm_event.workspace import Workspace
from tests.conftest import DEMO_FIRST_DAY


def _run(ws: Workspace, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws.path), "attendance", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _ids(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    code, out, _ = _run(
        ws, capsys, "sessions", "--stream", "1", "--day", DEMO_FIRST_DAY.isoformat(), "--json"
    )
    assert code == 0
    sessions = json.loads(out)
    assert len(sessions) == 4 and {s["stream_number"] for s in sessions} == {1}
    roster = attendance.session_roster(ws, sessions[0]["id"])
    return sessions[0]["id"], [str(e.participant.id) for e in roster.entries]


def test_mark_history_and_show(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    session, people = _ids(demo_workspace, capsys)
    assert (
        _run(
            demo_workspace,
            capsys,
            "mark",
            "--session",
            session,
            "--participant",
            people[0],
            "--status",
            "late",
            "--note",
            "пробки",
        )[0]
        == 0
    )
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "mark",
        "--session",
        session,
        "--participant",
        people[0],
        "--status",
        "present",
    )
    assert code == 0 and "present (was late)" in out
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "history",
        "--session",
        session,
        "--participant",
        people[0],
        "--json",
    )
    history = json.loads(out)
    assert [(m["status"], m["previous_status"], m["source"]) for m in history] == [
        ("late", None, "cli"),
        ("present", "late", "cli"),
    ]
    assert history[1]["note"] == "пробки"
    code, out, _ = _run(demo_workspace, capsys, "show", "--stream", "1")
    line = next(text for text in out.splitlines() if people[0] in text)
    assert code == 0 and "P..............." in line and " 6.2 " in line  # 1 of 16 held sessions
    code, out, _ = _run(demo_workspace, capsys, "show", "--stream", "1", "--json")
    matrix = json.loads(out)
    assert matrix["rows"][0]["cells"][0] == "present" and len(matrix["rows"]) == 70
    assert matrix["rows"][0]["participant"]["id"] == people[0]
    code, out, _ = _run(demo_workspace, capsys, "show", "--session", session)
    assert code == 0 and "present: 1" in out and "unmarked: 69" in out


def test_close_reopen_and_refused_marks(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    session, people = _ids(demo_workspace, capsys)
    code, out, _ = _run(demo_workspace, capsys, "close", "--session", session, "--mark-absent")
    assert code == 0 and "marked absent: 70" in out
    code, _, err = _run(
        demo_workspace,
        capsys,
        "mark",
        "--session",
        session,
        "--participant",
        people[0],
        "--status",
        "present",
    )
    assert code == 1 and "is closed" in err and "reopen" in err
    assert _run(demo_workspace, capsys, "reopen", "--session", session)[0] == 0
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "mark",
        "--session",
        session,
        "--participant",
        people[0],
        "--status",
        "excused",
    )
    assert code == 0 and "(was absent)" in out


def test_errors_are_one_line_with_codes_explained(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    session, _ = _ids(demo_workspace, capsys)
    stream2 = attendance.find_sessions(demo_workspace, 2)[0]
    other = attendance.session_roster(demo_workspace, stream2.id).entries[0].participant.id
    code, _, err = _run(
        demo_workspace,
        capsys,
        "mark",
        "--session",
        session,
        "--participant",
        str(other),
        "--status",
        "present",
    )
    assert code == 1 and "is not in stream 1" in err and err.count("\n") == 1
    code, _, err = _run(
        demo_workspace,
        capsys,
        "mark",
        "--session",
        "nope",
        "--participant",
        str(other),
        "--status",
        "present",
    )
    assert code == 1 and "is not a session id" in err
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "--workspace",
                str(demo_workspace.path),
                "attendance",
                "mark",
                "--session",
                session,
                "--participant",
                str(other),
                "--status",
                "sick",
            ]
        )
    assert exit_info.value.code == 2


def test_export_and_sheets_write_files(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    xlsx, table, pdf = tmp_path / "s.xlsx", tmp_path / "s.csv", tmp_path / "s.pdf"
    assert _run(demo_workspace, capsys, "export", "--stream", "1", "--out", str(xlsx))[0] == 0
    assert openpyxl.load_workbook(xlsx)["Поток 1"].cell(4, 2).value == "ФИО"
    assert _run(demo_workspace, capsys, "export", "--stream", "1", "--out", str(table))[0] == 0
    with table.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.reader(stream, delimiter=";"))) == 76
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "sheets",
        "--stream",
        "1",
        "--day",
        DEMO_FIRST_DAY.isoformat(),
        "--out",
        str(pdf),
        "--json",
    )
    assert code == 0 and json.loads(out)["pages"] >= 4 and pdf.read_bytes().startswith(b"%PDF")
    code, _, err = _run(demo_workspace, capsys, "export", "--stream", "9", "--out", str(xlsx))
    assert code == 1 and "no stream 9" in err


def test_settings_show_and_change(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(demo_workspace, capsys, "settings")
    assert code == 0 and "late=0.5" in out and "excused=none" in out and "10 minutes" in out
    code, out, _ = _run(
        demo_workspace,
        capsys,
        "settings",
        "--weight",
        "excused=1",
        "--grace-minutes",
        "15",
        "--desk-marks",
        "no",
        "--json",
    )
    data = json.loads(out)
    assert data == {
        "weights": {"present": 1.0, "late": 0.5, "absent": 0.0, "excused": 1.0},
        "grace_minutes": 15,
        "desk_marks_first_session": False,
    }
    assert attendance.get_settings(demo_workspace).grace_minutes == 15
    code, _, err = _run(demo_workspace, capsys, "settings", "--weight", "late=lots")
    assert code == 1 and "bad attendance setting" in err
