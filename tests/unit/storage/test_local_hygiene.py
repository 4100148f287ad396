"""Local hygiene: owner-only files, damaged workspaces refused (naming a backup that exists),
and a full disk or a read-only folder giving one clear error while the data stays readable."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from smm_event.errors import UserError
from smm_event.storage import changes, migrate
from smm_event.storage.local_models import ChangeRecord
from smm_event.workspace import open_workspace

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_workspace_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # what a desktop session usually has
    try:
        path = tmp_path / "new" / "event.sqlite3"
        with open_workspace(path) as ws:
            with ws.transaction() as session:
                changes.record(session, "device", ws.device_id, {"name": "Стойка 1"})
            companions = [p for p in path.parent.iterdir() if p.name != path.name]
            assert companions  # -wal and -shm while open
            for file in (path, *companions):
                assert _mode(file) == 0o600, file
        assert _mode(path.parent) == 0o700
        backup = migrate.backup_sqlite(path, path.parent / "backups", "test")
        assert _mode(backup) == 0o600 and _mode(backup.parent) == 0o700
    finally:
        os.umask(old)


@posix_only
def test_an_older_world_readable_workspace_is_narrowed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite3"
    open_workspace(path).close()
    path.chmod(0o644)
    open_workspace(path).close()
    assert _mode(path) == 0o600


@posix_only
def test_cli_exports_are_owner_only(tmp_path: Path) -> None:
    """The CLI sets umask 077: a bundle and an exported key are never world-readable."""
    root = Path(__file__).resolve().parents[3]
    workspace, bundle = tmp_path / "ws.sqlite3", tmp_path / "out.smm"
    script = (
        "import os, sys; os.umask(0o022); from smm_event.cli.main import main; "
        f"sys.exit(main(['--workspace', {str(workspace)!r}, 'sync', 'export', '--out', {str(bundle)!r}]))"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert _mode(bundle) == 0o600 and _mode(workspace) == 0o600


def test_a_zero_byte_workspace_is_refused_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite3"
    path.touch()
    with pytest.raises(UserError) as refused:
        open_workspace(path)
    assert refused.value.code == "workspace_damaged"
    assert path.stat().st_size == 0  # not silently turned into a new, empty workspace


def _made_with_backup(tmp_path: Path) -> tuple[Path, Path, uuid.UUID]:
    path = tmp_path / "event.sqlite3"
    with open_workspace(path) as ws:
        device = ws.device_id
        with ws.transaction() as session:
            for n in range(300):
                changes.record(session, "organization", uuid.uuid4(), {"name": f"НКО {n}" * 20})
    backup = migrate.backup_sqlite(path, path.parent / "backups", "daily")
    (path.parent / "backups" / "event-20200101-000000-old.sqlite3").touch()  # a broken one
    return path, backup, device


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage"])
def test_a_damaged_workspace_names_a_backup_that_exists(tmp_path: Path, damage: str) -> None:
    path, backup, device = _made_with_backup(tmp_path)
    data = path.read_bytes()
    path.write_bytes(
        {"empty": b"", "truncated": data[: len(data) // 2], "garbage": os.urandom(len(data))}[
            damage
        ]
    )
    damaged = path.read_bytes()
    with pytest.raises(UserError) as refused:
        open_workspace(path)
    assert refused.value.code == "workspace_damaged_backup"
    named = Path(refused.value.params["backup"])
    assert named == backup and named.exists()
    assert path.read_bytes() == damaged  # left for the user to restore, not overwritten
    named.replace(path)  # what the sentence tells the user to do
    with open_workspace(path) as restored:
        assert restored.device_id == device


def test_a_full_disk_is_one_clear_error_and_the_workspace_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite3"
    with open_workspace(path) as ws:
        with ws.reading() as session:
            before = session.scalar(select(func.count()).select_from(ChangeRecord))

        @event.listens_for(ws.write_engine, "connect")
        def _tiny_disk(connection: object, _record: object) -> None:
            connection.execute("PRAGMA max_page_count=1")  # type: ignore[attr-defined]

        ws.write_engine.dispose()  # new connections meet the "full disk"
        with pytest.raises(UserError) as refused, ws.transaction() as session:
            for _ in range(200):
                changes.record(session, "organization", uuid.uuid4(), {"name": "Н" * 400})
        assert refused.value.code == "workspace_disk_full"
        with ws.reading() as session:
            assert session.scalar(select(func.count()).select_from(ChangeRecord)) == before


def test_a_read_only_workspace_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite3"
    with open_workspace(path) as ws:

        @event.listens_for(ws.write_engine, "connect")
        def _read_only(connection: object, _record: object) -> None:
            connection.execute("PRAGMA query_only=1")  # type: ignore[attr-defined]

        ws.write_engine.dispose()
        with pytest.raises(UserError) as refused, ws.transaction() as session:
            changes.record(session, "device", ws.device_id, {"name": "Стойка 9"})
        assert refused.value.code == "workspace_read_only"
        with ws.reading() as session:
            assert session.scalar(select(func.count()).select_from(ChangeRecord)) == 1
