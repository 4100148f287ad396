"""The whole programme, synced through central and by USB stick only: at the end every laptop
(and central) holds identical data, with every scan kept and the duplicates listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from smm_event.domain.sync import AttentionKind
from smm_event.services import sync as sync_service
from smm_event.storage.local_models import ChangeRecord
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, central_dump, dump
from tests.sync.programme import Programme, by_files, play, through_central

pytestmark = pytest.mark.slow


def _changes(ws: Workspace) -> int:
    with ws.reading() as session:
        return session.scalar(select(func.count()).select_from(ChangeRecord)) or 0


def _check(run: Programme) -> dict[str, list[tuple[object, ...]]]:
    state = dump(run.organizer)
    for desk in run.desks:
        assert dump(desk) == state
        assert _changes(desk) == _changes(run.organizer)
    assert len(state["checkin"]) == run.scans == 210 * 4 + 3 * 3 + run.walk_ins
    assert len(state["participant"]) == 210 + run.walk_ins
    lists = [sync_service.attention_list(ws) for ws in run.everyone]
    assert all(items == lists[0] for items in lists)
    items = lists[0]
    twins = {
        (i.participant_id, i.day) for i in items if i.kind is AttentionKind.DUPLICATE_ADMISSION
    }
    assert twins == run.twins
    old = {i.participant_id for i in items if i.kind is AttentionKind.ADMITTED_WITH_REPLACED_BADGE}
    assert old == run.old_badge_admissions and len(old) == 1
    walk_ins = [i for i in items if i.kind is AttentionKind.POSSIBLE_DUPLICATE_WALK_IN]
    assert len(walk_ins) == 3  # one per stream, matched by phone
    return state


@pytest.mark.postgres
def test_programme_through_central(laptops: Laptops, postgres_url: str) -> None:
    run = play(laptops, through_central(postgres_url))
    state = _check(run)
    assert central_dump(postgres_url) == state
    for ws in run.everyone:
        assert sync_service.sync_status(ws).unsynced == 0
        assert sync_service.compare_with_central(ws, postgres_url).identical


def test_programme_by_files_only(laptops: Laptops, tmp_path: Path) -> None:
    run = play(laptops, by_files(tmp_path))
    _check(run)
