"""An admitted scan survives the desk process being killed: a child process checks in a stream
of scans and prints each admitted check-in's id only after ``check_in_scan`` returned (what the
green light waits for); the parent SIGKILLs it at random moments, several rounds on the same
workspace, and then every reported id must be in the database as admitted."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from smm_event.badges import make_token
from smm_event.services import keys, participants, queries
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Checkin
from smm_event.workspace import Workspace, open_workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROUNDS = 6
REPO = Path(__file__).resolve().parents[3]

CHILD = r"""
import datetime as dt, json, random, sys
from pathlib import Path
from smm_event.services.checkin import check_in_scan
from smm_event.services.walkins import register_walk_in
from smm_event.workspace import open_workspace

plan = json.loads(Path(sys.argv[1]).read_text())
rnd = random.Random(int(sys.argv[2]))
with open_workspace(Path(plan["workspace"])) as ws:
    print("ready", flush=True)
    for n in range(100_000):
        token, days = rnd.choice(plan["badges"])
        at = dt.datetime.fromisoformat(rnd.choice(days) + "T07:00") + dt.timedelta(seconds=n)
        if n % 9 == 8:
            outcome = register_walk_in(ws, "Пришедший", f"Гость{n}", now=at).checkin
        else:
            outcome = check_in_scan(ws, token, desk="Стойка 1", now=at)
        if outcome.admitted:
            print(outcome.checkin_id, flush=True)
"""


def _prepare(ws: Workspace, folder: Path) -> Path:
    keys.init_keys(ws, "crash test passphrase")
    key = keys.unlock_signing_key(ws, "crash test passphrase")
    streams = {s.number: s for s in queries.list_streams(ws)}
    event_id = queries.workspace_summary(ws).event.id  # type: ignore[union-attr]
    badges = [
        (
            make_token(key, event_id, person.id, 1),
            [day.isoformat() for day in streams[person.stream_number or 1].days],
        )
        for person in participants.list_participants(ws)
    ]
    plan = folder / "plan.json"
    plan.write_text(json.dumps({"workspace": str(ws.path), "badges": badges}))
    return plan


def _run_and_kill(plan: Path, seed: int, rnd: random.Random) -> list[str]:
    """One round: start, wait for it to work, kill it without warning; the ids it printed."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(plan), str(seed)],
        stdout=subprocess.PIPE,
        cwd=REPO,
        env=env,
    )
    assert child.stdout is not None
    lines: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:  # keeps the pipe drained so the child never blocks on it
            lines.append(line)
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the child did not start"
    time.sleep(rnd.uniform(0.15, 1.2))
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    child.stdout.close()  # Popen leaves the pipe open (a ResourceWarning, so an error)
    assert child.returncode == -signal.SIGKILL, "the child ended before it was killed"
    # A line cut by the kill has no newline: it was never reported as admitted.
    complete = [line.decode().strip() for line in lines if line.endswith(b"\n")]
    return [line for line in complete if line != "ready"]


def test_every_reported_admission_survives_sigkill(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    plan = _prepare(demo_workspace, tmp_path)
    path = demo_workspace.path
    demo_workspace.close()
    rnd = random.Random(20260512)
    reported: list[str] = []
    for round_number in range(ROUNDS):
        reported += _run_and_kill(plan, round_number, rnd)
    assert len(reported) >= ROUNDS * 5, "too few admissions to prove anything"
    with open_workspace(path) as ws, ws.reading() as session:
        admitted = {
            str(row_id): participant
            for row_id, participant in session.execute(
                select(Checkin.id, Checkin.participant_id).where(Checkin.result == "admitted")
            )
        }
        missing = [checkin_id for checkin_id in reported if checkin_id not in admitted]
        assert missing == []
        # Nobody was admitted twice on a day, kills or not: the decision and the write share
        # one transaction.
        doubles = session.execute(
            select(Checkin.participant_id, Checkin.local_day)
            .where(Checkin.result == "admitted")
            .group_by(Checkin.participant_id, Checkin.local_day)
            .having(func.count() > 1)
        ).all()
        assert doubles == []
        # Every check-in row has its change record (what sync will push), and nothing more.
        rows = session.scalar(select(func.count()).select_from(Checkin))
        logged = session.scalar(
            select(func.count()).select_from(ChangeRecord).where(ChangeRecord.entity == "checkin")
        )
        assert rows == logged
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert all(uuid.UUID(checkin_id) for checkin_id in reported)
