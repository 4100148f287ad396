"""The sender's clock rule with an injected clock: a laptop whose clock jumps says so before it
stamps, and a far-future reading never becomes a stamp (docs/sync.md, "Clocks"; the same with
the real ``faketime`` is in tests/unit/cli/test_clock_faketime.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smm_event.domain.clock import ClockAlert, ClockProblem
from smm_event.services import clock as clock_service
from smm_event.storage import changes, clock_guard, hlc
from smm_event.storage.local_models import ChangeRecord
from smm_event.storage.models import Organization
from smm_event.workspace import Workspace, open_workspace

HOUR = 3_600_000
DAY = 24 * HOUR
START = 1_796_000_000_000  # 2026-11-29


class Clock:
    """The wall clock and the elapsed-time clock the guard reads, moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.wall = START
        self.elapsed = 5_000
        monkeypatch.setattr(hlc, "now_ms", lambda: self.wall)
        monkeypatch.setattr(clock_guard, "_elapsed_ms", lambda: self.elapsed)

    def run(self, ms: int) -> None:
        """Time passes for real: both clocks move."""
        self.wall += ms
        self.elapsed += ms

    def set_wall(self, ms: int) -> None:
        """Someone sets the date by hand: only the wall clock moves."""
        self.wall += ms


class Told:
    """Every warning told, with the number of change records that existed at that moment."""

    def __init__(self) -> None:
        self.heard: list[tuple[ClockAlert, int]] = []
        self.ws: Workspace | None = None

    def watch(self, ws: Workspace) -> None:
        self.ws = ws

    def __call__(self, warning: ClockAlert) -> None:
        assert self.ws is not None
        with self.ws.reading() as session:
            count = session.scalar(select(func.count(ChangeRecord.seq))) or 0
        self.heard.append((warning, count))

    def problems(self) -> list[ClockProblem]:
        return [warning.problem for warning, _count in self.heard]


@pytest.fixture
def told() -> Iterator[Told]:
    listener = Told()
    clock_guard._reset_session()
    clock_guard.add_listener(listener)
    yield listener
    clock_guard.remove_listener(listener)
    clock_guard._reset_session()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def ws(clock: Clock, tmp_path: Path) -> Iterator[Workspace]:
    with open_workspace(tmp_path / "w.sqlite3", device_name="Стойка") as workspace:
        yield workspace


def _write(ws: Workspace, key: uuid.UUID, name: str) -> str:
    with ws.transaction() as session:
        return changes.record(session, "organization", key, {"name": name}).hlc


def _name(ws: Workspace, key: uuid.UUID) -> str:
    with ws.reading() as session:
        return session.get_one(Organization, key).name


def test_the_rule_itself() -> None:
    judge = clock_guard.judge
    assert judge(START, START, START) is None
    assert judge(START - 9 * 60_000, START, START) is None  # NTP-sized corrections are fine
    went_back = judge(START - HOUR, START, START)
    assert went_back is not None and went_back.problem is ClockProblem.WENT_BACK
    assert went_back.offset_ms == -HOUR
    assert judge(START + 23 * HOUR, START, START) is None  # a night between two event days
    ahead = judge(START + 400 * DAY, START, START - DAY)
    assert ahead is not None and ahead.problem is ClockProblem.FAR_AHEAD
    # A received stamp is a reference too: having seen yesterday's records, today is fine.
    assert judge(START + 30 * HOUR, START + 20 * HOUR, START) is None
    assert judge(START + 400 * DAY, 0, None) is None  # a brand-new laptop has nothing to go by


def test_a_clock_a_year_ahead_is_told_before_the_stamp_and_clamped(
    ws: Workspace, clock: Clock, told: Told
) -> None:
    told.watch(ws)
    first, second = uuid.uuid4(), uuid.uuid4()
    before = hlc.Hlc.parse(_write(ws, first, "Ромашка"))
    with ws.reading() as session:
        records_before = session.scalar(select(func.count(ChangeRecord.seq)))
    clock.set_wall(400 * DAY)
    assert clock_service.clock_status(ws) == ClockAlert(
        ClockProblem.FAR_AHEAD, clock.wall, before.wall_ms
    )
    ahead = hlc.Hlc.parse(_write(ws, first, "Ромашка из будущего"))
    _write(ws, second, "Василёк")  # a queue keeps going: nothing is refused
    assert told.problems() == [ClockProblem.FAR_AHEAD]  # once, not at every write
    assert told.heard[0][1] == records_before  # told before the record existed
    # The stamp continues the last one instead of taking the reading.
    assert (ahead.wall_ms, ahead.counter) == (before.wall_ms, before.counter + 1)
    assert _name(ws, second) == "Василёк"
    # The clock is fixed a minute later: writes take the real time again, and a genuine edit
    # made then wins over the edit stamped while the clock was wrong.
    clock.set_wall(-400 * DAY)
    clock.run(60_000)
    assert clock_service.clock_status(ws) is None
    fixed = hlc.Hlc.parse(_write(ws, first, "Ромашка, исправлено"))
    assert fixed.wall_ms == clock.wall
    assert _name(ws, first) == "Ромашка, исправлено"


def test_a_clock_set_back_warns_and_keeps_the_order(
    ws: Workspace, clock: Clock, told: Told
) -> None:
    told.watch(ws)
    key = uuid.uuid4()
    first = _write(ws, key, "Первая")
    clock.run(HOUR)
    clock.set_wall(-3 * DAY)
    warning = clock_service.clock_status(ws)
    assert warning is not None and warning.problem is ClockProblem.WENT_BACK
    second = _write(ws, key, "Вторая")
    assert second > first and _name(ws, key) == "Вторая"
    assert ClockProblem.WENT_BACK in told.problems()


def test_confirming_the_clock_trusts_it_again(ws: Workspace, clock: Clock, told: Told) -> None:
    """A laptop really idle for a week: the user checks the date and says it is right."""
    told.watch(ws)
    key = uuid.uuid4()
    _write(ws, key, "До")
    clock.run(7 * DAY)
    assert clock_service.clock_status(ws) is not None
    clock_service.confirm_clock(ws)
    assert clock_service.clock_status(ws) is None
    stamp = hlc.Hlc.parse(_write(ws, key, "После"))
    assert stamp.wall_ms == clock.wall
    assert told.problems() == []


@pytest.mark.skipif(clock_guard._BOOTTIME is None, reason="forward jumps need CLOCK_BOOTTIME")
def test_a_jump_while_running_is_told_once(ws: Workspace, clock: Clock, told: Told) -> None:
    """Three hours ahead is within the receivers' day, so only the elapsed-time clock shows it."""
    told.watch(ws)
    key = uuid.uuid4()
    _write(ws, key, "1")
    clock.run(HOUR)
    _write(ws, key, "2")
    assert told.problems() == []
    clock.set_wall(3 * HOUR)
    _write(ws, key, "3")
    clock.run(60_000)
    _write(ws, key, "4")
    assert told.problems() == [ClockProblem.JUMPED]
    warning = told.heard[0][0]
    assert 3 * HOUR - 1000 <= warning.offset_ms <= 3 * HOUR + 1000


def test_a_laptop_a_year_ahead_does_not_adopt_stamps_a_year_ahead(
    ws: Workspace, clock: Clock
) -> None:
    _write(ws, uuid.uuid4(), "Сейчас")
    with ws.reading() as session:
        before = changes.local_state(session).hlc_wall_ms
    clock.set_wall(365 * DAY)
    remote = hlc.Hlc(clock.wall, 0, uuid.uuid4().hex).encode()
    with ws.transaction() as session:
        changes.observe_remote_stamp(session, remote)
        assert changes.local_state(session).hlc_wall_ms == before
