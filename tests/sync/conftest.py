"""Laptops and a central database for the sync tests.

The programme template is the demo (210 people, 3 streams) with the first day TODAY, so check-ins
made "on day N" by the tests fall inside the event whatever the date the tests run, and the
organizer's badge keys. Copies of it are the organizer's laptop (same device id: never copy it
twice into one test); desks start empty and pull."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from smm_event.domain.sync import SyncResult
from smm_event.services import stations
from smm_event.services import sync as sync_service
from smm_event.storage import changes, hlc
from smm_event.sync.canonical import canonical_state
from smm_event.workspace import Workspace, open_workspace

PASSPHRASE = "correct horse battery staple"
FIRST_DAY = dt.date.today()
ALL_ROLES = ("organizer", "desk", "trainer", "registrar")


@pytest.fixture(scope="session")
def programme_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from smm_event.services.demo import create_demo
    from smm_event.services.keys import init_keys

    path = tmp_path_factory.mktemp("programme") / "organizer.sqlite3"
    create_demo(path, seed=7, first_day=FIRST_DAY, device_name="Организатор")
    with open_workspace(path) as ws:
        init_keys(ws, PASSPHRASE)
    return path


class Laptops:
    """Opens workspaces under one folder and closes them all at the end of the test."""

    def __init__(self, folder: Path, template: Path) -> None:
        self.folder, self.template = folder, template
        self.opened: list[Workspace] = []
        self._organizer: Workspace | None = None

    def organizer(self) -> Workspace:
        if self._organizer is None:
            target = self.folder / "organizer.sqlite3"
            shutil.copyfile(self.template, target)
            self._organizer = self._open(target, None)
        return self._organizer

    def empty(self, name: str, roles: tuple[str, ...] = ALL_ROLES) -> Workspace:
        """A new laptop, enrolled by the organizer's laptop (no data: it pulls). The merge
        tests predate roles and let every laptop write everything; the trust tests pass the
        roles they test."""
        ws = self.unenrolled(name)
        stations.enroll(self.organizer(), ws, name, roles)
        return ws

    def unenrolled(self, name: str) -> Workspace:
        return self._open(self.folder / f"{uuid.uuid4().hex[:8]}.sqlite3", name)

    def reopen(self, path: Path) -> Workspace:
        return self._open(path, None)

    def _open(self, path: Path, name: str | None) -> Workspace:
        ws = open_workspace(path, device_name=name)
        self.opened.append(ws)
        return ws

    def close(self) -> None:
        for ws in self.opened:
            ws.close()


@pytest.fixture
def laptops(tmp_path: Path, programme_template: Path) -> Iterator[Laptops]:
    fleet = Laptops(tmp_path, programme_template)
    try:
        yield fleet
    finally:
        fleet.close()


def dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    with ws.reading() as session:
        return canonical_state(session.connection())


def central_dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return canonical_state(connection)
    finally:
        engine.dispose()


def sync(ws: Workspace, url: str, **kwargs: Any) -> SyncResult:
    return sync_service.sync_with_central(ws, url, **kwargs)


@contextlib.contextmanager
def clock_off(monkeypatch: pytest.MonkeyPatch, offset: dt.timedelta) -> Iterator[None]:
    """This laptop's wall clock is ``offset`` away from the truth while the block runs."""
    real_now_ms, real_utc_now = hlc.now_ms, changes.utc_now
    offset_ms = int(offset.total_seconds() * 1000)
    with monkeypatch.context() as patch:
        patch.setattr(hlc, "now_ms", lambda: real_now_ms() + offset_ms)
        patch.setattr(changes, "utc_now", lambda: real_utc_now() + offset)
        yield


def roster(ws: Workspace) -> dict[int, list[uuid.UUID]]:
    """Stream number -> participant ids, in a stable order."""
    from sqlalchemy import select

    from smm_event.storage.models import Participant, Stream

    query = (
        select(Stream.number, Participant.id)
        .join(Stream, Stream.id == Participant.stream_id)
        .where(Participant.walk_in.is_(False))
        .order_by(Stream.number, Participant.sort_key)
    )
    people: dict[int, list[uuid.UUID]] = {}
    with ws.reading() as session:
        for number, pid in session.execute(query):
            people.setdefault(number, []).append(pid)
    return people


def stream_days(ws: Workspace) -> dict[int, list[dt.date]]:
    from sqlalchemy import select

    from smm_event.storage.models import Stream, StreamDay

    days: dict[int, list[dt.date]] = {}
    with ws.reading() as session:
        query = select(Stream.number, StreamDay.day).join(Stream, Stream.id == StreamDay.stream_id)
        for number, when in session.execute(query.order_by(Stream.number, StreamDay.day)):
            days.setdefault(number, []).append(when)
    return days


def at(when: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    """Naive UTC for a Moscow wall time on ``when``."""
    return dt.datetime.combine(when, dt.time(hour, minute)) - dt.timedelta(hours=3)
