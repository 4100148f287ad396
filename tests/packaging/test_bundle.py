"""The PyInstaller bundle: built from build.spec, it passes --self-check and opens the demo
without an error, under offscreen Qt. Marked ``bundle``: a build takes a few minutes.

Runs in CI (``CI=true``; PyInstaller comes with the test extras) and when asked with
``SMM_TEST_BUNDLE=1``; elsewhere it is skipped, saying how to run it, because a build keeps both
cores busy for minutes. ``SMM_BUNDLE_DIR`` points it at an existing build instead (what
``scripts/build-and-check.sh`` does after building once).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.bundle, pytest.mark.slow, pytest.mark.timeout(1800)]
DEMO_TIMEOUT_S = 180  # building the mid-course demo in a cold bundle, on a loaded machine


def _isolated_env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("PYTHONPATH", None)  # the bundle must not borrow the checkout's modules
    return env


@pytest.fixture(scope="module")
def executable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("SMM_BUNDLE_DIR")
    if given:
        return Path(given) / "smm-event"
    in_ci = os.environ.get("CI") == "true"
    if not in_ci and os.environ.get("SMM_TEST_BUNDLE") != "1":
        pytest.skip(
            "building the bundle takes minutes: set SMM_TEST_BUNDLE=1 or run "
            "bash scripts/build-and-check.sh (CI always runs it)"
        )
    if importlib.util.find_spec("PyInstaller") is None:
        if in_ci:
            pytest.fail("PyInstaller is missing in CI: it is in the test extras")
        pytest.skip("PyInstaller is not installed: pip install -e '.[test]'")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--log-level", "WARN", "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT, check=True, timeout=1500,
    )  # fmt: skip
    return work / "dist" / "smm-event" / "smm-event"


def test_the_bundle_passes_its_self_check(executable: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(executable), "--self-check"],
        env=_isolated_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-check passed" in done.stdout
    assert "Ивановой Марии Петровне" in done.stdout  # pytrovich's rules are in the bundle
    assert "FAIL" not in done.stdout


def test_the_bundle_opens_the_demo_without_an_error(executable: Path, tmp_path: Path) -> None:
    env = _isolated_env(tmp_path)
    logs = tmp_path / "data" / "smm-event" / "logs"
    process = subprocess.Popen(
        [str(executable), "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    opened = False
    try:
        deadline = time.monotonic() + DEMO_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            log = logs / "gui.log"
            if log.is_file() and "demo.sqlite3: 210 participants" in log.read_text("utf-8"):
                opened = True
                break
            time.sleep(1)
        time.sleep(5)  # the pages load their data after the workspace opened
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=60)
    log_text = (logs / "gui.log").read_text("utf-8") if (logs / "gui.log").is_file() else ""
    assert opened, f"the demo did not open:\n{err[-3000:]}\n{log_text[-3000:]}"
    assert "Traceback" not in err and " ERROR " not in log_text, err[-3000:] + log_text[-3000:]
    assert "message box" not in log_text, log_text[-3000:]  # no dialog of any kind appeared
    assert not (logs / "gui-errors.log").exists()
