"""Opening workspaces: durable settings, device identity, upgrades with backups, bad paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from smm_event.errors import UserError
from smm_event.services import queries
from smm_event.workspace import open_workspace


def test_new_workspace_is_durable_and_knows_its_device(workspace_path: Path) -> None:
    with open_workspace(workspace_path, device_name="Стойка 1") as ws:
        with ws.write_engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        summary = queries.workspace_summary(ws)
        device_id = ws.device_id
    assert summary.device.name == "Стойка 1"
    assert summary.event is None
    with open_workspace(workspace_path) as again:
        assert again.device_id == device_id
        assert queries.workspace_summary(again).device.name == "Стойка 1"


def test_renaming_the_device_is_recorded(workspace_path: Path) -> None:
    open_workspace(workspace_path, device_name="Стойка 1").close()
    with open_workspace(workspace_path, device_name="Зал 2") as ws:
        assert queries.workspace_summary(ws).device.name == "Зал 2"


def test_folder_and_junk_files_give_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError) as folder:
        open_workspace(tmp_path)
    assert folder.value.code == "workspace_is_folder"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UserError) as damaged:
        open_workspace(junk)
    assert damaged.value.code == "workspace_damaged"
    assert junk.read_bytes().startswith(b"this is not a database")


def test_upgrade_of_an_old_workspace_makes_a_backup_first(workspace_path: Path) -> None:
    open_workspace(workspace_path).close()
    import sqlite3

    connection = sqlite3.connect(workspace_path)
    connection.execute("UPDATE alembic_version SET version_num = 'older'")
    connection.commit()
    connection.close()
    # An unknown revision cannot be upgraded from: refused, not silently damaged.
    with pytest.raises(UserError) as refused:
        open_workspace(workspace_path)
    assert refused.value.code == "workspace_from_newer_version"
    backups = list((workspace_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1


def test_writers_on_several_threads_take_turns_and_lose_nothing(workspace_path: Path) -> None:
    """The GUI's lanes write from several threads (a sync batch, a print log, a scan): every
    change gets its own sequence number and none is lost or fails with «database is locked»."""
    import threading
    import uuid

    from sqlalchemy import func, select

    from smm_event.storage import changes
    from smm_event.storage.local_models import ChangeRecord

    with open_workspace(workspace_path) as ws:
        with ws.reading() as session:
            before = session.scalar(select(func.count()).select_from(ChangeRecord))
        errors: list[BaseException] = []

        def write(name: str) -> None:
            try:
                for n in range(25):
                    with ws.transaction() as session:
                        changes.record(session, "device", uuid.uuid4(), {"name": f"{name}{n}"})
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(name,)) for name in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with ws.reading() as session:
            seqs = session.scalars(select(ChangeRecord.seq)).all()
        assert len(seqs) == (before or 0) + 100
        assert len(set(seqs)) == len(seqs)
