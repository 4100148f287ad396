"""scripts/demo.sh installs only when needed; scripts/system-deps.sh says so when apt is busy.

Both run against stub commands on PATH (python3, pip, smm-event, dpkg-query, apt-get), so the
tests touch neither the real Python environment nor the system's packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def checkout(tmp_path: Path) -> Path:
    """A copy of the scripts and pyproject.toml: the stamp is written next to them."""
    copy = tmp_path / "checkout"
    (copy / "scripts").mkdir(parents=True)
    for name in ("demo.sh", "system-deps.sh"):
        shutil.copy(ROOT / "scripts" / name, copy / "scripts" / name)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def run(script: Path, bin_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    return subprocess.run(
        ["bash", str(script)], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_demo_installs_once_then_only_when_pyproject_changes(tmp_path: Path) -> None:
    repo = checkout(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.log"
    stub(bin_dir, "dpkg-query", "exit 1")  # system-deps: apt-get is not there, so it skips
    # python3 -c prints where smm_event imports from (this checkout); -m pip is logged.
    stub(
        bin_dir,
        "python3",
        f'case "$1" in -c) echo "{repo}";; -m) echo "pip $*" >> "{calls}";; esac',
    )
    stub(bin_dir, "smm-event", f'echo "smm-event $*" >> "{calls}"')
    stub(bin_dir, "id", "echo 1000")  # not root: system-deps only reports what is missing
    for _ in range(2):
        done = run(repo / "scripts" / "demo.sh", bin_dir, repo)
        assert done.returncode == 0, done.stderr
    lines = calls.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in lines] == ["pip", "smm-event", "smm-event"]
    assert lines[-1] == "smm-event gui --demo"
    with (repo / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write("\n# a new dependency\n")
    run(repo / "scripts" / "demo.sh", bin_dir, repo)
    assert calls.read_text(encoding="utf-8").splitlines()[3].startswith("pip ")


def test_a_busy_apt_gets_one_readable_message_and_no_raw_errors(tmp_path: Path) -> None:
    repo = checkout(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub(bin_dir, "id", "echo 0")
    stub(bin_dir, "dpkg-query", 'case "$3" in libegl1) echo "install ok installed";; esac')
    stub(
        bin_dir,
        "apt-get",
        "echo 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 "
        "(unattended-upgr)' >&2; exit 100",
    )
    done = run(repo / "scripts" / "system-deps.sh", bin_dir, repo)
    assert done.returncode == 0  # never stops the demo or the tests from starting
    assert "package manager is busy" in done.stderr
    assert "E: Could not get lock" not in done.stderr + done.stdout
    assert "libegl1" not in done.stdout and "libgl1" in done.stdout  # only what is missing
