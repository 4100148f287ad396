"""The desk's fast write path (``changes.record_insert``): the same bytes as ``record``, the
signature kept when the attendance savepoint fails, and the hook's caches seeing changes."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from smm_event.checkin import store as checkin_store
from smm_event.domain.attendance import DeskMarkOutcome
from smm_event.services.attendance_hooks import on_admitted
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import (
    AttendanceMark,
    Participant,
    Stream,
    StreamDay,
    TrainingSession,
)
from smm_event.workspace import Workspace, open_workspace

AT = dt.datetime(2026, 5, 12, 6, 30)  # 09:30 at the venue on stream 1's first day


def _fields(ws: Workspace, session: Any, person: uuid.UUID) -> dict[str, Any]:
    return {
        "device_id": ws.device_id,
        "desk": "Стойка 1",
        "operator": "Анна",
        "scanned_at": AT,
        "local_day": AT.date(),
        "method": "scanner",
        "raw_text": "SMM1:" + "A" * 40,
        "participant_id": person,
        "badge_version": 1,
        "result": "admitted",
    }


def _unmarked_of_stream_1(session: Any) -> tuple[list[uuid.UUID], uuid.UUID]:
    """Stream 1's people nobody marked yet at its first session, and that session."""
    stream_1 = session.scalars(select(Stream.id).where(Stream.number == 1)).one()
    first = session.scalars(
        select(TrainingSession.id)
        .join(StreamDay, TrainingSession.stream_day_id == StreamDay.id)
        .where(StreamDay.stream_id == stream_1, StreamDay.day == AT.date())
        .order_by(TrainingSession.starts_at)
    ).first()
    marked = select(AttendanceMark.participant_id).where(AttendanceMark.session_id == first)
    people = session.scalars(
        select(Participant.id)
        .where(Participant.stream_id == stream_1, Participant.id.not_in(marked))
        .order_by(Participant.surname)
    ).all()
    return list(people), first


def _first_of_stream_1(session: Any) -> tuple[uuid.UUID, uuid.UUID]:
    people, first = _unmarked_of_stream_1(session)
    return people[0], first


def _write(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "utc_now", lambda: dt.datetime(2026, 5, 12, 6, 30, 1, 5))
    monkeypatch.setattr(changes.hlc_clock, "now_ms", lambda: 1_778_567_401_000)
    with open_workspace(path) as ws, ws.transaction() as session:
        person, first = _first_of_stream_1(session)
        mark = {
            "session_id": first,
            "participant_id": person,
            "status": "present",
            "note": None,
            "source": "desk",
            "marked_at": AT,
            "device_id": ws.device_id,
            "operator": "Анна",
        }
        checkin_id = uuid.UUID(int=1)
        mark_id = uuid.UUID(int=2)
        if fast:
            changes.record_insert(session, "checkin", checkin_id, _fields(ws, session, person))
            changes.record_insert(session, "attendance_mark", mark_id, mark)
        else:
            changes.record(session, "checkin", checkin_id, _fields(ws, session, person), new=True)
            changes.record(session, "attendance_mark", mark_id, mark, new=True)


def _bytes(path: Path) -> list[Any]:
    db = sqlite3.connect(path)
    try:
        return [
            db.execute("SELECT * FROM change_log ORDER BY seq DESC LIMIT 2").fetchall(),
            db.execute("SELECT * FROM checkin ORDER BY rowid DESC LIMIT 1").fetchall(),
            db.execute("SELECT * FROM attendance_mark ORDER BY rowid DESC LIMIT 1").fetchall(),
            db.execute("SELECT * FROM local_state").fetchall(),
        ]
    finally:
        db.close()


def test_fast_path_writes_the_same_bytes_as_record(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    orm, core = tmp_path / "orm.sqlite3", tmp_path / "core.sqlite3"
    shutil.copyfile(demo_template, orm)
    shutil.copyfile(demo_template, core)
    _write(orm, False, monkeypatch)
    _write(core, True, monkeypatch)
    written = _bytes(orm)
    assert written[0][0][-1] is not None  # the head (the mark's record) is signed
    assert written[0][1][-1] is None  # one signature a transaction
    assert _bytes(core) == written


def test_a_failed_mark_leaves_the_checkin_record_signed(demo_workspace: Workspace) -> None:
    def failing_hook(session: Any, participant_id: uuid.UUID, *_args: object) -> None:
        on_admitted(session, participant_id, AT)
        raise RuntimeError("a bug in attendance")

    with demo_workspace.transaction() as session:
        person, _first = _first_of_stream_1(session)
        changes.record_insert(
            session, "checkin", uuid.UUID(int=7), _fields(demo_workspace, session, person)
        )
        checkin_store.notify_attendance(session, failing_hook, person, AT, None)
    with demo_workspace.reading() as session:
        last = session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq.desc())).first()
    assert last is not None and last.entity == "checkin"  # the mark rolled back
    assert last.signature is not None


def test_the_hook_sees_a_session_closed_in_the_same_transaction(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.transaction() as session:
        (person, *others), first = _unmarked_of_stream_1(session)
        assert on_admitted(session, person, AT).outcome is DeskMarkOutcome.MARKED
        changes.record(session, "session", first, {"closed": True})
        result = on_admitted(session, others[0], AT)
    assert result.outcome is DeskMarkOutcome.SESSION_CLOSED


def test_the_hook_sees_a_session_moved_by_another_transaction(demo_workspace: Workspace) -> None:
    with demo_workspace.transaction() as session:
        (person, *others), first = _unmarked_of_stream_1(session)
        assert on_admitted(session, person, AT).outcome is DeskMarkOutcome.MARKED
    with demo_workspace.transaction() as session:
        changes.record(session, "session", first, {"ends_at": AT})
    with demo_workspace.transaction() as session:
        assert on_admitted(session, others[0], AT).outcome is DeskMarkOutcome.SESSION_OVER
