"""A field edit withheld only because its stamp was more than a day ahead is applied once real
time catches up (re-checked on every open and after every import), with an injected clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.models import Organization, Participant
from smm_event.storage.trust_models import QuarantinedRecord
from smm_event.workspace import Workspace, open_workspace
from tests.support.old_sender import without_sender_checks
from tests.sync.conftest import Laptops, clock_off, roster

DAY = dt.timedelta(days=1)


def _surname(ws: Workspace, person: object) -> str:
    with ws.reading() as session:
        return session.get_one(Participant, person).surname


def _held(path: Path) -> int:
    with open_workspace(path) as ws, ws.reading() as session:
        query = select(func.count()).select_from(QuarantinedRecord)
        return session.scalar(query.where(QuarantinedRecord.reason == "clock_ahead")) or 0


def _work(ws: Workspace) -> None:
    """The organizer keeps using the laptop day by day: its clock stays trusted."""
    import uuid

    with ws.transaction() as session:
        changes.record(session, "organization", uuid.uuid4(), {"name": "Работа"})
        assert session.scalar(select(func.count()).select_from(Organization))


def test_a_far_future_edit_is_applied_when_its_time_comes(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organizer = laptops.organizer()
    editor = laptops.empty("Второй организатор", roles=("organizer",))
    sync_service.export_changes(organizer, tmp_path / "event.smm")
    sync_service.import_changes(editor, tmp_path / "event.smm")
    person = roster(organizer)[1][0]
    ahead = int((changes.utc_now() + 3 * DAY).timestamp() * 1000)
    with without_sender_checks(monkeypatch), editor.transaction() as session:
        changes.record(
            session, "participant", person, {"surname": "Послезавтрашний"}, wall_ms=ahead
        )
    sync_service.export_changes(editor, tmp_path / "editor.smm")
    sync_service.import_changes(organizer, tmp_path / "editor.smm")
    before = _surname(organizer, person)
    assert before != "Послезавтрашний" and _held(organizer.path) == 1
    # Each day's work is within a day of the last: the clock stays trusted as it advances.
    with clock_off(monkeypatch, dt.timedelta(hours=20)):
        _work(organizer)
        assert _held(organizer.path) == 1  # still two days ahead at the reopen
        assert _surname(organizer, person) == before
    with clock_off(monkeypatch, dt.timedelta(hours=40)):
        _work(organizer)
        assert _held(organizer.path) == 1
    with clock_off(monkeypatch, 2 * DAY + dt.timedelta(minutes=5)):
        _work(organizer)
        assert _held(organizer.path) == 0  # the reopen applied it
        assert _surname(organizer, person) == "Послезавтрашний"
