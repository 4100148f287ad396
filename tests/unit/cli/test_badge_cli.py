"""`smm-event keys …` and `smm-event badges …` run in-process: exit codes, --json, one-line errors."""

from __future__ import annotations

import getpass
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from smm_event.cli.main import main
from smm_event.cli.passphrase import ENV_VARIABLE, NEW_ENV_VARIABLE
from smm_event.workspace import Workspace

PASSPHRASE = "секрет организатора"
NEW_PASSPHRASE = "новый ключ после утечки 2026"


@pytest.fixture(autouse=True)
def quiet_terminal(monkeypatch: pytest.MonkeyPatch, cheap_scrypt: None) -> None:
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    monkeypatch.delenv(NEW_ENV_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a script: no TTY to prompt on


@pytest.fixture
def workspace(demo_workspace: Workspace) -> str:
    return str(demo_workspace.path)


@pytest.fixture
def with_key(
    workspace: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv(ENV_VARIABLE, PASSPHRASE)
    assert main(["--workspace", workspace, "keys", "init"]) == 0
    capsys.readouterr()
    return workspace


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def assert_one_line_error(err: str, words: str) -> None:
    assert err.startswith("smm-event: error: ") and err.count("\n") == 1, err
    assert words in err


def participant_ids(capsys: pytest.CaptureFixture[str], workspace: str, stream: int) -> list[str]:
    people = run_json(capsys, "--workspace", workspace, "roster", "list", "--stream", str(stream))
    return [person["id"] for person in people]


def test_keys_init_then_list(
    workspace: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_VARIABLE, PASSPHRASE)
    created = run_json(capsys, "--workspace", workspace, "keys", "init")
    assert len(created["key_id"]) == 4 and created["can_sign_here"] is True
    listed = run_json(capsys, "keys", "list", "--workspace", workspace)
    assert [k["key_id"] for k in listed] == [created["key_id"]]
    code, _out, err = run(capsys, "--workspace", workspace, "keys", "init")
    assert code == 1
    assert_one_line_error(err, "keys rotate")


def test_print_a_stream_then_the_log(
    with_key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.pdf"
    report = run_json(
        capsys, "--workspace", with_key, "badges", "print", "--stream", "2", "--out", str(out)
    )
    assert (report["badges"], report["pages"], report["layout"]) == (70, 7, "a4")
    assert out.read_bytes().startswith(b"%PDF")
    assert report["participant_ids"] == participant_ids(capsys, with_key, 2)
    log = run_json(capsys, "--workspace", with_key, "badges", "log")
    assert len(log) == 70 and {entry["badge_version"] for entry in log} == {1}
    code, text, _err = run(capsys, "--workspace", with_key, "badges", "log")
    assert code == 0 and "70 badges printed" in text


def test_token_verify_reissue(with_key: str, capsys: pytest.CaptureFixture[str]) -> None:
    person = participant_ids(capsys, with_key, 1)[0]
    token = run_json(capsys, "--workspace", with_key, "badges", "token", person)
    assert token["participant_id"] == person and token["token"].startswith("SMM1:")
    code, text, _err = run(capsys, "--workspace", with_key, "badges", "verify", token["token"])
    assert code == 0 and text.startswith("valid: ") and person in text
    reissued = run_json(capsys, "--workspace", with_key, "badges", "reissue", person)
    assert reissued["badge_version"] == 2
    code, out, _err = run(
        capsys, "--workspace", with_key, "badges", "verify", token["token"], "--json"
    )
    assert code == 1
    verdict = json.loads(out)
    assert verdict["result"] == "replaced" and verdict["participant"]["id"] == person
    code, text, _err = run(capsys, "--workspace", with_key, "badges", "token", person)
    assert code == 0 and text.strip() != token["token"]


def test_verify_garbage_is_not_ours_with_exit_1(
    workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text, err = run(capsys, "--workspace", workspace, "badges", "verify", "hello")
    assert (code, err) == (1, "") and text.startswith("NOT a badge")


def test_wrong_passphrase_is_one_line(
    with_key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(ENV_VARIABLE, "совсем не тот")
    code, _out, err = run(
        capsys, "--workspace", with_key, "badges", "print", "--out", str(tmp_path / "b.pdf")
    )
    assert code == 1
    assert_one_line_error(err, "wrong passphrase")
    assert not (tmp_path / "b.pdf").exists()


def test_passphrase_file_wins_over_the_environment(
    with_key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(ENV_VARIABLE, "совсем не тот")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    person = participant_ids(capsys, with_key, 3)[0]
    code, text, err = run(
        capsys, "--workspace", with_key, "badges", "token", person, "--passphrase-file", str(secret)
    )
    assert (code, err) == (0, "") and text.startswith("SMM1:")


def test_without_a_key_printing_is_refused_before_any_passphrase(
    workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--workspace", workspace, "badges", "print", "--out", str(tmp_path / "b.pdf")
    )
    assert code == 1
    assert_one_line_error(err, "only the public keys")


def test_no_passphrase_source_without_a_terminal(
    with_key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(ENV_VARIABLE)
    code, _out, err = run(
        capsys, "--workspace", with_key, "badges", "print", "--out", str(tmp_path / "b.pdf")
    )
    assert code == 1
    assert_one_line_error(err, "--passphrase-file")


def test_a_person_at_a_terminal_is_asked_twice_for_a_new_key(
    workspace: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter([PASSPHRASE, PASSPHRASE + "!"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, _out, err = run(capsys, "--workspace", workspace, "keys", "init")
    assert code == 1
    assert_one_line_error(err, "differ")
    answers = iter([PASSPHRASE, PASSPHRASE])
    code, out, _err = run(capsys, "--workspace", workspace, "keys", "init")
    assert code == 0 and out.startswith("created signing key")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--participant", "nobody"], "not a participant id"),
        (["--participant", "6f1c2a4e-0b7d-4c5e-9a3f-2d8e1b4c7a90"], "no participant with id"),
        (["--layout", "a3"], "unknown badge layout 'a3'"),
        (["--stream", "7"], "no stream 7"),
    ],
)
def test_bad_choices_are_one_line_errors(
    with_key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    code, _out, err = run(
        capsys, "--workspace", with_key, "badges", "print", *argv, "--out", str(tmp_path / "b.pdf")
    )
    assert code == 1
    assert_one_line_error(err, words)


def test_stream_and_participants_together_is_a_usage_error(
    workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "--workspace",
                workspace,
                "badges",
                "print",
                "--stream",
                "1",
                "--participant",
                "x",
                "--out",
                "b.pdf",
            ]
        )
    assert caught.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_rotate_keeps_old_badges_valid_unless_retired(
    with_key: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    person = participant_ids(capsys, with_key, 1)[0]
    old = run_json(capsys, "--workspace", with_key, "badges", "token", person)["token"]
    monkeypatch.setenv(NEW_ENV_VARIABLE, NEW_PASSPHRASE)
    run_json(capsys, "--workspace", with_key, "keys", "rotate")
    assert run(capsys, "--workspace", with_key, "badges", "verify", old)[0] == 0
    # The new key has the new passphrase: the old one no longer signs.
    code, _out, err = run(capsys, "--workspace", with_key, "badges", "token", person)
    assert code != 0
    assert_one_line_error(err, "wrong passphrase")
    monkeypatch.setenv(ENV_VARIABLE, NEW_PASSPHRASE)
    fresh = run_json(capsys, "--workspace", with_key, "badges", "token", person)["token"]
    assert run(capsys, "--workspace", with_key, "badges", "verify", fresh)[0] == 0
    third = tmp_path / "third.txt"
    third.write_text("третий-ключ мая 2026 года\n", encoding="utf-8")
    monkeypatch.delenv(NEW_ENV_VARIABLE)
    run_json(
        capsys,
        "--workspace",
        with_key,
        "keys",
        "rotate",
        "--retire-old",
        "--new-passphrase-file",
        str(third),
    )
    code, text, _err = run(capsys, "--workspace", with_key, "badges", "verify", old)
    assert code == 1 and "UNKNOWN KEY" in text
    listed = run_json(capsys, "--workspace", with_key, "keys", "list")
    assert [k["retired"] for k in listed] == [True, True, False]


def test_rotate_without_a_new_passphrase_changes_nothing(
    with_key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script rotating after a leak must not end up with the leaked passphrase on the new key."""
    code, _out, err = run(capsys, "--workspace", with_key, "keys", "rotate")
    assert code != 0
    assert_one_line_error(err, "--new-passphrase-file")
    assert len(run_json(capsys, "--workspace", with_key, "keys", "list")) == 1
