"""The CLI with a really wrong clock (the ``faketime`` tool, scripts/system-deps.sh): it warns
in one line before it writes, clamps a far-future stamp, and trusts the clock once confirmed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from smm_event.storage.hlc import Hlc
from smm_event.workspace import Workspace

FAKETIME = shutil.which("faketime")
# In CI scripts/system-deps.sh installs it, so a missing tool there fails instead of skipping.
pytestmark = pytest.mark.skipif(
    FAKETIME is None and not os.environ.get("CI"), reason="faketime is not installed"
)
DAY_MS = 24 * 3_600_000


def _cli(shift: str, workspace: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    assert FAKETIME is not None
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    command = [FAKETIME, shift, sys.executable, "-m", "smm_event.cli.main"]
    return subprocess.run(
        [*command, "--workspace", str(workspace), *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _last_stamp(workspace: Path, entity: str) -> Hlc:
    with sqlite3.connect(workspace) as db:
        (stamp,) = db.execute(
            "SELECT hlc FROM change_log WHERE entity = ? ORDER BY seq DESC LIMIT 1", (entity,)
        ).fetchone()
    return Hlc.parse(stamp)


def _newest_stamp(workspace: Path) -> Hlc:
    with sqlite3.connect(workspace) as db:
        (stamp,) = db.execute("SELECT max(hlc) FROM change_log").fetchone()
    return Hlc.parse(stamp)


def _roster(tmp_path: Path, surname: str) -> Path:
    path = tmp_path / f"{surname}.csv"
    path.write_text(f"Фамилия,Имя\n{surname},Пётр\n", encoding="utf-8")
    return path


def test_a_clock_400_days_ahead_warns_first_and_never_stamps_the_future(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    before = _newest_stamp(path)

    status = _cli("+400 days", path, "clock")
    assert status.returncode == 1
    assert "400 days after the newest time it trusts" in status.stdout
    assert "Traceback" not in status.stderr

    imported = _cli("+400 days", path, "roster", "import", str(_roster(tmp_path, "Будущев")))
    assert imported.returncode == 0, imported.stderr
    warnings = [line for line in imported.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "check the date and time" in warnings[0]
    stamp = _last_stamp(path, "participant")
    assert stamp.wall_ms == before.wall_ms  # clamped: the next stamp after the last one
    assert stamp > before

    # The clock set back three days: a warning, and the record still sorts after the others.
    behind = _cli("-3 days", path, "roster", "import", str(_roster(tmp_path, "Вчерашний")))
    assert behind.returncode == 0, behind.stderr
    assert "before a time it already trusted" in behind.stderr
    assert _last_stamp(path, "participant") > stamp


def test_a_confirmed_clock_stamps_its_own_time(demo_workspace: Workspace, tmp_path: Path) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    before = _newest_stamp(path)
    confirmed = _cli("+10 days", path, "clock", "confirm")
    assert confirmed.returncode == 0, confirmed.stderr
    assert _cli("+10 days", path, "clock").returncode == 0
    imported = _cli("+10 days", path, "roster", "import", str(_roster(tmp_path, "Позднов")))
    assert imported.returncode == 0 and "warning" not in imported.stderr
    assert _last_stamp(path, "participant").wall_ms >= before.wall_ms + 10 * DAY_MS - 60_000
