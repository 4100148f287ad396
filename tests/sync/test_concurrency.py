"""Several laptops syncing at the same moment: central's transactions interleave batch by
batch (small batches make them), two laptops relay the same records at once, and everyone edits
the same people. Afterwards every laptop and central hold identical data, equal to what a
fresh laptop builds by pulling the records one after another."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from smm_event.services import badges, checkin
from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Participant
from smm_event.sync import apply
from smm_event.workspace import Workspace
from tests.sync.conftest import Laptops, at, central_dump, dump, roster, stream_days, sync

pytestmark = pytest.mark.postgres


def _edit(ws: Workspace, people: list, field: str, value: object) -> None:  # type: ignore[type-arg]
    with ws.transaction() as session:
        for pid in people:
            changes.record(session, "participant", pid, {field: value})


def _all_at_once(laptops: list[Workspace], url: str, batch_size: int) -> None:
    start = threading.Barrier(len(laptops))
    errors: list[BaseException] = []

    def run(ws: Workspace) -> None:
        try:
            start.wait()
            for _ in range(2):
                sync(ws, url, batch_size=batch_size)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(ws,)) for ws in laptops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


@pytest.mark.parametrize("copy_from", [1, 10_000], ids=["copy", "executemany"])
def test_laptops_syncing_at_the_same_time_converge(
    laptops: Laptops,
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    copy_from: int,
) -> None:
    monkeypatch.setattr(apply, "COPY_MIN_ROWS", copy_from)  # both ways of writing a batch
    organizer = laptops.organizer()
    desks = [laptops.empty(f"Стойка {n}") for n in (1, 2)]
    # The desks got the event by file, so all three will push the organizer's records at once.
    sync_service.export_changes(organizer, tmp_path / "event.smm")
    for desk in desks:
        sync_service.import_changes(desk, tmp_path / "event.smm")
    people, days = roster(organizer)[1], stream_days(organizer)[1]
    for n, ws in enumerate([organizer, *desks]):
        for pid in people[n * 15 : n * 15 + 30]:  # overlapping: people 15-44 admitted twice
            checkin.check_in_manual(ws, pid, desk=f"Стойка {n}", now=at(days[0], 8, 30 + n))
        _edit(ws, people[:20], "phone", f"+7928000000{n}")  # the same field everywhere
        _edit(ws, people[n::3][:10], "notes", f"заметка {n}")
    badges.reissue_badge(organizer, people[0])
    # A desk cannot reissue (it holds no signing key), but a relayed edit can still carry a
    # badge version: the grow-only merge is what this test checks.
    _edit(desks[0], [people[1]], "badge_version", 2)
    _edit(desks[0], [people[1]], "badge_version", 3)

    _all_at_once([organizer, *desks], postgres_url, batch_size=40)
    for ws in (organizer, *desks):  # a last round: the first pushers have not seen the last
        sync(ws, postgres_url)

    expected = central_dump(postgres_url)
    for ws in (organizer, *desks):
        assert dump(ws) == expected
    reference = laptops.empty("Проверка")
    sync(reference, postgres_url, batch_size=10_000)
    rebuilt = dump(reference)
    assert rebuilt == central_dump(postgres_url)
    # The reference laptop added only its own device and station rows.
    assert {k: v for k, v in rebuilt.items() if k not in ("device", "station")} == {
        k: v for k, v in expected.items() if k not in ("device", "station")
    }
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            records = connection.scalar(select(func.count()).select_from(ChangeRecord))
    finally:
        engine.dispose()
    with reference.reading() as session:  # nothing lost or doubled on the way
        assert records == session.scalar(select(func.count()).select_from(ChangeRecord))
    with desks[1].reading() as session:
        assert session.get_one(Participant, people[0]).badge_version == 2
        assert session.get_one(Participant, people[1]).badge_version == 3
        phone = session.get_one(Participant, people[2]).phone
        assert phone is not None and phone.startswith("+7928000000")
    assert len(expected["checkin"]) == 90  # every scan kept, duplicates included


def test_two_reissues_to_the_same_version_converge(laptops: Laptops, postgres_url: str) -> None:
    organizer, desk = laptops.organizer(), laptops.empty("Стойка 1")
    sync(organizer, postgres_url)
    sync(desk, postgres_url)
    person = roster(organizer)[1][0]
    badges.reissue_badge(organizer, person)
    # Offline, a second laptop's reissue to the same version 2 (a desk reprinting with the
    # signing key writes exactly this edit).
    _edit(desk, [person], "badge_version", 2)
    for ws in (organizer, desk, organizer):
        sync(ws, postgres_url)
    assert dump(organizer) == dump(desk) == central_dump(postgres_url)
