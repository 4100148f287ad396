"""Fault injection: the sync process killed, its connection dropped, the user cancelling, in
the middle of a push or a pull. The next run completes, and nothing is lost or doubled."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from smm_event.errors import UserError
from smm_event.services import sync as sync_service
from smm_event.storage.changes import SIGN_EVERY
from smm_event.storage.local_models import ChangeRecord
from smm_event.sync import apply
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, central_dump, dump, sync

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
BATCH = 100


def _central_changes(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(ChangeRecord)) or 0
    finally:
        engine.dispose()


def _local_changes(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(ChangeRecord)) or 0


# Runs a sync in a child process that SIGKILLs itself inside batch number ``kill_at``, after
# the batch's statements ran and before its transaction committed.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from smm_event.sync import apply
    from smm_event.services import sync
    from smm_event.workspace import open_workspace

    workspace, url, kill_at, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    original, calls = apply.store_and_apply, [0]

    def dying(session, changes, withheld=frozenset()):
        calls[0] += 1
        skipped = original(session, changes, withheld)
        if calls[0] == kill_at:
            session.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return skipped

    apply.store_and_apply = dying
    with open_workspace(Path(workspace)) as ws:
        sync.sync_with_central(ws, url, batch_size=batch)
""")


def _run_killed_sync(ws: Workspace, url: str, kill_at: int) -> None:
    ws.close()  # the child opens the file itself; this process reopens it afterwards
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(ws.path), url, str(kill_at), str(BATCH)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr.decode()[-2000:]


def test_sigkill_mid_push_leaves_whole_batches_and_the_next_run_completes(
    laptops: Laptops, postgres_url: str
) -> None:
    organizer = laptops.organizer()
    total = _local_changes(organizer)
    _run_killed_sync(organizer, postgres_url, kill_at=3)
    assert _central_changes(postgres_url) == 2 * BATCH  # batch 3 died with its transaction
    organizer = laptops.reopen(organizer.path)
    result = sync(organizer, postgres_url)
    assert result.pushed == total - 2 * BATCH
    assert _central_changes(postgres_url) == total
    assert central_dump(postgres_url) == dump(organizer)


def test_sigkill_mid_pull_and_the_next_run_completes(laptops: Laptops, postgres_url: str) -> None:
    organizer = laptops.organizer()
    sync(organizer, postgres_url)
    desk = laptops.empty("Стойка 1")
    _run_killed_sync(desk, postgres_url, kill_at=4)  # call 1 pushes its device row, then pulls
    desk = laptops.reopen(desk.path)
    # Batch 3 of the pull was rolled back; of batches 1 and 2, records after the last signed
    # head (at most SIGN_EVERY - 1) were waiting for batch 3.
    assert 2 * BATCH - SIGN_EVERY < _local_changes(desk) - 2 <= 2 * BATCH
    lacking = _central_changes(postgres_url) - _local_changes(desk)
    assert sync(desk, postgres_url).pulled == lacking
    assert dump(desk) == central_dump(postgres_url)
    assert _local_changes(desk) == _central_changes(postgres_url)


def _terminate_sync_connections(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = 'smm-event sync' AND datname = current_database()"
                )
            )
    finally:
        engine.dispose()


def test_dropped_connection_mid_push(
    laptops: Laptops, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    organizer = laptops.organizer()
    total = _local_changes(organizer)
    original, calls = apply.store_and_apply, [0]

    def dropping(session: Any, batch: Any, withheld: Any = frozenset()) -> int:
        calls[0] += 1
        skipped = original(session, batch, withheld)
        if calls[0] == 2:
            session.flush()
            _terminate_sync_connections(postgres_url)
        return skipped

    monkeypatch.setattr(apply, "store_and_apply", dropping)
    with pytest.raises(UserError) as dropped:
        sync(organizer, postgres_url, batch_size=BATCH)
    assert dropped.value.code == "central_connection_lost"
    assert _central_changes(postgres_url) == BATCH
    status = sync_service.sync_status(organizer)
    assert (
        status.peers[0].last_error == "central_connection_lost" and status.last_success_at is None
    )
    monkeypatch.setattr(apply, "store_and_apply", original)
    assert sync(organizer, postgres_url).pushed == total - BATCH
    assert _central_changes(postgres_url) == total
    assert central_dump(postgres_url) == dump(organizer)


def test_cancel_stops_between_batches_and_resumes(laptops: Laptops, postgres_url: str) -> None:
    organizer = laptops.organizer()
    total = _local_changes(organizer)
    cancel = threading.Event()

    def progress(report: Any) -> None:
        if report.pushed >= 2 * BATCH:
            cancel.set()

    first = sync(organizer, postgres_url, batch_size=BATCH, progress=progress, cancel=cancel)
    assert first.cancelled and first.pushed == 2 * BATCH
    assert _central_changes(postgres_url) == 2 * BATCH
    assert sync_service.sync_status(organizer).unsynced == total  # no successful sync yet
    second = sync(organizer, postgres_url, batch_size=BATCH)
    assert not second.cancelled and second.pushed == total - 2 * BATCH
    assert sync_service.sync_status(organizer).unsynced == 0
    assert central_dump(postgres_url) == dump(organizer)
