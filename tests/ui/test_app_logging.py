"""A normal start of the desktop application prints no library logs on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import logging
from ui import app
app._configure_logging()
logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
logging.getLogger("alembic.runtime.migration").warning("alembic warns")
logging.getLogger("ui.context").info("opened the workspace")
logging.getLogger("ui.context").error("something to fix")
"""


def test_terminal_shows_warnings_only_and_the_log_file_keeps_our_info(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    assert "Context impl" not in done.stderr and "opened the workspace" not in done.stderr
    assert "alembic warns" in done.stderr and "something to fix" in done.stderr
    log = (tmp_path / "smm-event" / "logs" / "gui.log").read_text(encoding="utf-8")
    assert "opened the workspace" in log and "Context impl" not in log
