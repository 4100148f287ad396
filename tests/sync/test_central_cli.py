"""The central address and password, «test connection», and the sync commands of the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smm_event.cli.main import main
from smm_event.errors import UserError
from smm_event.services import sync as sync_service
from smm_event.sync import central
from tests.support.keyring import MemoryKeyring
from tests.sync.conftest import Laptops


@pytest.mark.parametrize(
    "text, shown",
    [
        ("postgresql://smm@db.local/event", "postgresql://smm@db.local:5432/event"),
        ("postgres://smm:secret@10.0.0.5:6543/event", "postgresql://smm@10.0.0.5:6543/event"),
        ("postgresql+psycopg://smm@host/event", "postgresql://smm@host:5432/event"),
    ],
)
def test_addresses_are_normalized_and_never_show_the_password(text: str, shown: str) -> None:
    assert central.display_url(central.parse_central_url(text)) == shown


@pytest.mark.parametrize(
    "text", ["", "mysql://x@y/z", "postgresql://host-without-database", "not a url"]
)
def test_bad_addresses_are_user_errors(text: str) -> None:
    with pytest.raises(UserError) as error:
        central.parse_central_url(text)
    assert error.value.code == "bad_central_url"


def test_password_comes_from_the_keyring_and_never_a_file(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    url = "postgresql://smm@db.local/event"
    sync_service.save_central_password(url, "s3cret")
    assert memory_keyring.store == {(central.KEYRING_SERVICE, "smm@db.local:5432/event"): "s3cret"}
    engine, shown = central.central_engine(url)
    assert engine.url.password == "s3cret" and "s3cret" not in shown
    explicit, _ = central.central_engine("postgresql://smm:given@db.local/event")
    assert explicit.url.password == "given"
    sync_service.forget_central_password(url)
    sync_service.forget_central_password(url)  # forgetting twice is fine
    assert central.central_engine(url)[0].url.password is None


def test_a_broken_keyring_does_not_stop_a_sync_that_needs_no_password() -> None:
    assert central.password_from_keyring(central.parse_central_url("postgresql://u@h/d")) is None


@pytest.mark.postgres
def test_connection_check_reports_what_is_there(postgres_url: str) -> None:
    check = sync_service.check_central(postgres_url)
    assert check.server_version and check.schema_revision is None and check.changes == 0
    with pytest.raises(UserError) as missing:
        sync_service.check_central(postgres_url.rsplit("/", 1)[0] + "/smm_no_such_database")
    assert missing.value.code == "central_no_database"
    with pytest.raises(UserError) as unreachable:
        sync_service.check_central("postgresql://postgres@127.0.0.1:1/x")
    assert unreachable.value.code == "central_unreachable"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.postgres
def test_sync_commands(
    laptops: Laptops, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    organizer = laptops.organizer()
    path = str(organizer.path)
    organizer.close()
    code, out, _ = _run(capsys, "--workspace", path, "sync", "--central", postgres_url, "--json")
    result = json.loads(out)
    assert code == 0 and result["pushed"] > 600 and "password" not in result["central"]
    code, out, _ = _run(capsys, "--workspace", path, "sync", "--json")  # the last central again
    assert code == 0 and (json.loads(out)["pushed"], json.loads(out)["pulled"]) == (0, 0)
    code, out, _ = _run(capsys, "--workspace", path, "sync", "status", "--json")
    assert json.loads(out)["unsynced"] == 0 and json.loads(out)["last_success_at"]
    code, out, _ = _run(capsys, "--workspace", path, "sync", "verify")
    assert code == 0 and out.strip() == "identical"
    code, out, _ = _run(capsys, "--workspace", path, "sync", "check", "--central", postgres_url)
    assert code == 0 and "Schema: 0" in out
    bundle = tmp_path / "event.smm"
    code, out, _ = _run(capsys, "--workspace", path, "sync", "export", "--out", str(bundle))
    assert code == 0 and bundle.exists() and "Exported" in out
    desk = str(tmp_path / "desk.sqlite3")
    code, out, err = _run(capsys, "--workspace", desk, "sync", "import", str(bundle))
    assert code == 1 and "not enrolled" in err  # an unenrolled laptop trusts nobody yet
    request, approval = tmp_path / "desk.request", tmp_path / "desk.approval"
    code, out, _ = _run(capsys, "--workspace", desk, "join", "--request", str(request))
    assert code == 0 and request.exists()
    code, out, _ = _run(
        capsys, "--workspace", path, "stations", "add", "--request", str(request),
        "--name", "Стойка 2", "--role", "desk", "--out", str(approval),
    )  # fmt: skip
    assert code == 0 and "Стойка 2" in out
    code, out, _ = _run(capsys, "--workspace", desk, "join", str(approval), "--json")
    assert code == 0 and json.loads(out)["imported"] > 600
    code, out, _ = _run(capsys, "--workspace", desk, "sync", "import", str(bundle), "--json")
    assert code == 0 and json.loads(out)["imported"] == 0  # the approval carried all of it
    code, out, _ = _run(capsys, "--workspace", desk, "sync", "attention")
    assert code == 0 and out.strip() == "Nothing needs attention."
    bundle.write_bytes(b"garbage")
    code, out, err = _run(capsys, "--workspace", desk, "sync", "import", str(bundle))
    assert code == 1 and err.count("\n") == 1 and "is not an smm-event sync file" in err
    code, out, err = _run(capsys, "--workspace", str(tmp_path / "new.sqlite3"), "sync")
    assert code == 1 and "--central" in err
