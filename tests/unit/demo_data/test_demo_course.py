"""The mid-course demo: stream 1 finished, stream 2 on its second day, stream 3 ahead."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from smm_event.cli.main import main
from smm_event.domain.attendance import AttendanceStatus
from smm_event.domain.checkin import CheckinResult
from smm_event.services import attendance, certificates, checkin, demo, keys
from smm_event.workspace import Workspace, open_workspace

TODAY = dt.date(2026, 5, 20)  # stream 2's second day when the programme starts on 12 May
# Late afternoon of TODAY at the venue (UTC+3): every session of the day has started.
EVENING = dt.datetime(2026, 5, 20, 15, 0, tzinfo=dt.UTC)


def build(path: Path, seed: int = 11) -> Path:
    demo.create_demo(path, seed=seed, scenario=demo.MID_COURSE, today=TODAY)
    return path


@pytest.fixture(scope="module")
def course_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("course") / "demo.sqlite3")


@pytest.fixture
def course(course_path: Path) -> Iterator[Workspace]:
    with open_workspace(course_path) as ws:
        yield ws


def test_the_programme_is_placed_around_today(course: Workspace) -> None:
    days = {s.stream_number: s.day for s in attendance.find_sessions(course)}
    assert days[1] < TODAY
    stream_two = sorted({s.day for s in attendance.find_sessions(course, stream_number=2)})
    assert stream_two[1] == TODAY
    assert min(s.day for s in attendance.find_sessions(course, stream_number=3)) > TODAY


def test_stream_one_is_finished_marked_closed_and_certified(course: Workspace) -> None:
    matrix = attendance.attendance_matrix(course, 1, now=EVENING)
    assert len(matrix.rows) == 70 and all(s.closed for s in matrix.sessions)
    cells = [cell for row in matrix.rows for cell in row.cells]
    assert None not in cells  # closing marked every remaining person absent
    counts = Counter(cells)
    # Realistic: mostly present, some late and absent, an excused day here and there.
    assert counts[AttendanceStatus.PRESENT] > 0.8 * len(cells)
    assert counts[AttendanceStatus.LATE] > 0 and counts[AttendanceStatus.ABSENT] > 0
    verdicts = certificates.eligibility(course, 1, now=EVENING)
    eligible = {v.participant_id for v in verdicts if v.eligible}
    assert 40 <= len(eligible) < 70  # some miss the rule: the page shows both kinds
    assert any(v.exit_score is None for v in verdicts)  # someone skipped the exit test
    register = certificates.certificate_register(course)
    assert {r.participant_id for r in register.records} == eligible
    assert sorted(r.number for r in register.records)[0] == "001/2026"


def test_stream_two_is_under_way_this_morning(course: Workspace) -> None:
    matrix = attendance.attendance_matrix(course, 2, now=EVENING)
    today = [i for i, s in enumerate(matrix.sessions) if s.day == TODAY]
    yesterday = [i for i, s in enumerate(matrix.sessions) if s.day < TODAY]
    assert len(yesterday) == 4 and len(today) == 4
    assert all(matrix.sessions[i].closed for i in yesterday)
    morning, second, *afternoon = today
    assert matrix.sessions[morning].closed and not matrix.sessions[second].closed
    for row in matrix.rows:
        assert all(row.cells[i] is not None for i in [*yesterday, morning, second])
        assert all(row.cells[i] is None for i in afternoon)
    scans = checkin.list_scans(course, TODAY)
    results = Counter(scan.result for scan in scans)
    assert 50 <= results[CheckinResult.ADMITTED.value] < 70
    assert results[CheckinResult.FORGED_OR_UNREADABLE.value] == 1


def test_stream_three_has_not_started(course: Workspace) -> None:
    matrix = attendance.attendance_matrix(course, 3, now=EVENING)
    assert all(cell is None for row in matrix.rows for cell in row.cells)
    assert not any(s.closed for s in matrix.sessions)


def test_the_demo_key_opens_with_the_documented_passphrase(course: Workspace) -> None:
    assert keys.can_sign(course)
    keys.unlock_signing_key(course, demo.DEMO_PASSPHRASE)


def test_the_same_seed_gives_the_same_course_and_another_seed_another(
    course_path: Path, tmp_path: Path
) -> None:
    def picture(path: Path) -> tuple[object, ...]:
        with open_workspace(path) as ws:
            matrix = attendance.attendance_matrix(ws, 1, now=EVENING)
            register = certificates.certificate_register(ws).records
            return (
                tuple((row.participant.email, row.cells) for row in matrix.rows),
                tuple(sorted((r.number, r.full_name) for r in register)),
            )

    assert picture(build(tmp_path / "again.sqlite3")) == picture(course_path)
    assert picture(build(tmp_path / "other.sqlite3", seed=12)) != picture(course_path)


def test_cli_demo_writes_the_shared_demo_workspace(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    from smm_event.paths import demo_workspace_path

    assert demo_workspace_path() == tmp_path / "smm-event" / "demo.sqlite3"
    assert main(["demo", "--scenario", "first-day", "--start", "2026-05-12"]) == 0
    assert "demo.sqlite3" in capsys.readouterr().out
    assert demo_workspace_path().is_file()
    assert main(["demo", "--scenario", "first-day"]) == 1  # an existing demo is not overwritten
    assert "--replace" in capsys.readouterr().err
