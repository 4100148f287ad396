"""`smm-event certificates …`: eligibility, override, names, issue, void, reissue, register,
verify and grant, with --json, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from smm_event.cli.main import main
from tests.support import certificates as certificate_support
from tests.support.certificates import PASSPHRASE, Prepared

prepared = certificate_support.prepared  # the shared fixture


@pytest.fixture
def workspace(prepared: Prepared, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    import shutil

    target = tmp_path / "event.sqlite3"
    shutil.copyfile(prepared.path, target)
    monkeypatch.setenv("SMM_EVENT_KEY_PASSPHRASE", PASSPHRASE)
    return str(target)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_eligibility_in_numbers(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(
        capsys, "--workspace", workspace, "certificates", "eligibility", "--stream", "2"
    )
    assert len(rows) == 70 and not any(r["eligible"] for r in rows)
    assert rows[0]["missing"] == ["attendance", "no_exit_test"] and rows[0]["sessions_short"] == 12
    code, out, _ = run(
        capsys, "--workspace", workspace, "certificates", "eligibility", "--stream", "1"
    )
    assert code == 0 and "70 of 70 eligible" in out


def test_override_needs_a_reason(
    workspace: str, prepared: Prepared, capsys: pytest.CaptureFixture[str]
) -> None:
    person = str(prepared.stream1[0])
    code, _, err = run(
        capsys, "--workspace", workspace, "certificates", "override", person, "--eligible", "no"
    )
    assert (
        code == 1
        and err == "smm-event: error: an override needs a written reason: add --reason TEXT\n"
    )
    verdict = run_json(
        capsys, "--workspace", workspace, "certificates", "override", person,
        "--eligible", "no", "--reason", "не сдал итоговый проект",
    )  # fmt: skip
    assert verdict["eligible"] is False and verdict["decided_by"] == "override"


def test_issue_void_reissue_register_verify(
    workspace: str, prepared: Prepared, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stream1.pdf"
    report = run_json(
        capsys,
        "--workspace",
        workspace,
        "certificates",
        "issue",
        "--stream",
        "1",
        "--out",
        str(out),
        "--files",
    )
    assert len(report["issued"]) == 70 and out.exists()
    assert len(list((tmp_path / "stream1_files").glob("*.pdf"))) == 70
    first = report["issued"][0]
    assert first["number"] == "001/2026"
    code, text, _ = run(
        capsys, "--workspace", workspace, "certificates", "verify", first["verify_text"]
    )
    assert (
        code == 0
        and text.startswith("GENUINE certificate 001/2026 (version 1)")
        and "status: VALID" in text
    )
    tampered = first["verify_text"][:-3] + (
        "AAA" if not first["verify_text"].endswith("AAA") else "BBB"
    )
    code, text, _ = run(capsys, "--workspace", workspace, "certificates", "verify", tampered)
    assert code == 1 and text.startswith("NOT GENUINE")
    run_json(
        capsys, "--workspace", workspace, "certificates", "void", "002/2026", "--reason", "дубликат"
    )
    again = run_json(
        capsys, "--workspace", workspace, "certificates", "reissue", "001/2026",
        "--reason", "опечатка", "--out", str(tmp_path / "001v2.pdf"),
    )  # fmt: skip
    assert (again["number"], again["version"], again["status"]) == ("001/2026", 2, "valid")
    code, text, _ = run(
        capsys, "--workspace", workspace, "certificates", "verify", first["verify_text"]
    )
    assert code == 1 and "status: REPLACED" in text
    xlsx = tmp_path / "register.xlsx"
    register = run_json(
        capsys, "--workspace", workspace, "certificates", "register", "--out", str(xlsx)
    )
    statuses = [(r["number"], r["version"], r["status"]) for r in register["records"][:3]]
    assert statuses == [
        ("001/2026", 1, "replaced"),
        ("001/2026", 2, "valid"),
        ("002/2026", 1, "void"),
    ]
    assert load_workbook(xlsx)["Реестр"].max_row == 72


def test_names_and_grant(
    workspace: str, prepared: Prepared, capsys: pytest.CaptureFixture[str]
) -> None:
    pending = run_json(
        capsys, "--workspace", workspace, "certificates", "names", "--stream", "1", "--pending"
    )
    assert pending and all(r["needs_review"] for r in pending)
    person = pending[0]["participant_id"]
    review = run_json(
        capsys,
        "--workspace",
        workspace,
        "certificates",
        "set-name",
        person,
        "--dative",
        "Иному Иван",
    )
    assert review["confirmed"] and review["dative"] == "Иному Иван"
    code, _, err = run(
        capsys, "--workspace", workspace, "certificates", "grant", "Нет такого", "--size", "5"
    )
    assert code == 1 and "no laptop called" in err
    grant = run_json(
        capsys, "--workspace", workspace, "certificates", "grant", "Организатор", "--size", "5"
    )
    assert (grant["block"]["first"], grant["block"]["last"]) == (1, 5)


def test_settings_change_the_rule(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = run_json(capsys, "--workspace", workspace, "certificates", "settings")
    assert shown["rule"]["min_attendance_percent"] == 75.0 and shown["template"] == "default"
    changed = run_json(
        capsys, "--workspace", workspace, "certificates", "settings", "--min-attendance", "80",
        "--exit-test", "optional", "--template", "dative", "--hours", "32",
    )  # fmt: skip
    assert changed["rule"] == {
        "min_attendance_percent": 80.0,
        "exit_test_required": False,
        "min_exit_score": None,
    }
    assert (changed["template"], changed["hours"]) == ("dative", 32.0)
    code, _, err = run(
        capsys, "--workspace", workspace, "certificates", "settings", "--number-format", "{year}"
    )
    assert code == 1 and "number format" in err
    back = run_json(capsys, "--workspace", workspace, "certificates", "settings", "--hours", "auto")
    assert back["hours"] is None and back["template"] == "dative"


def test_a_batch_that_issues_nothing_says_why_and_exits_1(
    workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stream2.pdf"
    argv = ("--workspace", workspace, "certificates", "issue", "--stream", "2", "--out", str(out))
    code, text, err = run(capsys, *argv)
    assert code == 1 and not out.exists()
    assert "0 issued, 0 issued before, 70 skipped" in text
    assert err.count("\n") == 1
    assert err.startswith("smm-event: error: no certificate was issued and no PDF written: ")
    assert "70 not eligible yet (see `smm-event certificates eligibility --stream 2`)" in err
    code, text, _ = run(capsys, *argv, "--json")
    assert code == 1 and json.loads(text)["pdf_path"] is None
