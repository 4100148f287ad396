"""The CLI as scripts and people use it: JSON output with ids, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smm_event.cli.main import main
from smm_event.paths import resource_path

DATA = Path(__file__).resolve().parents[2] / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_then_roster_list_stream_1_gives_70_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.sqlite3")
    code, out, _ = run(
        capsys,
        "--workspace",
        ws,
        "demo",
        "--scenario",
        "first-day",
        "--seed",
        "3",
        "--start",
        "2026-05-12",
    )
    assert code == 0 and "210" in out
    code, out, _ = run(capsys, "--workspace", ws, "roster", "list", "--stream", "1", "--json")
    people = json.loads(out)
    assert code == 0 and len(people) == 70
    assert all(p["stream_number"] == 1 and p["id"] for p in people)
    # --workspace and --json are accepted after the command too.
    code, out, _ = run(capsys, "info", "--workspace", ws, "--json")
    info = json.loads(out)
    assert info["participants"] == 210 and [s["size"] for s in info["streams"]] == [70, 70, 70]
    code, _, err = run(capsys, "--workspace", ws, "demo")
    assert code == 1 and err.count("\n") == 1 and "--replace" in err


def test_bad_cp1251_file_is_reported_row_by_row_and_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.sqlite3")
    assert (
        run(
            capsys,
            "--workspace",
            ws,
            "init",
            "--event",
            str(resource_path("schedule.example.toml")),
        )[0]
        == 0
    )
    code, out, _ = run(
        capsys, "--workspace", ws, "roster", "import", str(DATA / "roster" / "excel_cp1251.csv")
    )
    assert code == 1
    assert "row 5, column «Телефон»: bad_phone" in out
    assert "nothing was imported" in out
    code, out, _ = run(capsys, "--workspace", ws, "roster", "list", "--json")
    assert json.loads(out) == []


def test_user_mistakes_are_one_line_with_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.sqlite3")
    code, _, err = run(capsys, "--workspace", ws, "roster", "list")
    assert code == 1 and err.strip().count("\n") == 0 and "init" in err
    with pytest.raises(SystemExit) as usage:
        main(["--workspace", ws, "roster", "import", str(tmp_path / "missing.csv")])
    assert usage.value.code == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    bad_schedule = tmp_path / "bad.toml"
    bad_schedule.write_text("[event]\nname = 'x'\n[[streams]]\nnumber = 'one'\n", encoding="utf-8")
    code, _, err = run(capsys, "--workspace", ws, "init", "--event", str(bad_schedule))
    assert (
        code == 1 and err.startswith("smm-event: error: schedule error") and "Traceback" not in err
    )


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "smm_event.cli.main",
            "--workspace",
            str(tmp_path / "w.sqlite3"),
            "info",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Event:     none yet" in result.stdout


def test_a_file_that_cannot_be_written_is_one_line_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "w.sqlite3")
    assert (
        run(
            capsys,
            "--workspace",
            ws,
            "demo",
            "--scenario",
            "first-day",
            "--seed",
            "3",
            "--start",
            "2026-05-12",
        )[0]
        == 0
    )
    missing = tmp_path / "no such folder" / "sheets.pdf"
    code, _, err = run(
        capsys,
        "--workspace",
        ws,
        "attendance",
        "sheets",
        "--stream",
        "1",
        "--day",
        "2026-05-12",
        "--out",
        str(missing),
    )
    assert code == 1
    assert err.count("\n") == 1 and "no such folder" in err and "internal error" not in err
    assert not missing.parent.exists()


def test_demo_option_acts_on_the_shared_demo_and_ids_print_one_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    code, _, _ = run(capsys, "demo", "--scenario", "first-day", "--start", "2026-05-12")
    assert code == 0 and (tmp_path / "smm-event" / "demo.sqlite3").is_file()
    code, out, _ = run(capsys, "roster", "list", "--stream", "1", "--ids", "--demo")
    ids = out.split()
    assert code == 0 and len(ids) == 70 and all(len(i) == 36 for i in ids)
    code, out, _ = run(capsys, "attendance", "sessions", "--day", "2026-05-12", "--ids", "--demo")
    assert code == 0 and len(out.split()) == 4  # stream 1's first day
    code, _, err = run(capsys, "certificates", "token", ids[0], "--demo")
    assert code == 1 and "no certificate" in err  # nobody has one on the first day
    with pytest.raises(SystemExit) as usage:
        main(["info", "--demo", "--workspace", str(tmp_path / "other.sqlite3")])
    assert usage.value.code == 2
    assert "not both" in capsys.readouterr().err
