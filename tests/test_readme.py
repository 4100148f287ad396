"""The README's command-line examples run word for word, in order, so the README cannot drift.

The block after the ``readme-examples`` marker is run by bash (``-e``: the first failing line
fails the test) in a scratch folder that sees the checkout's ``resources/`` and ``tests/`` as
the README's reader does from the checkout, with the user data and config folders inside the
scratch folder and ``smm-event`` meaning this checkout's code.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- readme-examples:"


def examples_block(readme: str) -> str:
    """The ```sh block right after the marker comment."""
    after = readme.split(MARKER, 1)
    if len(after) != 2:
        raise AssertionError(f"README.md has no {MARKER} block")
    found = re.search(r"```sh\n(.*?)\n```", after[1], re.DOTALL)
    if found is None:
        raise AssertionError("no ```sh block after the marker")
    return found.group(1)


def test_the_block_is_found_and_holds_real_commands() -> None:
    block = examples_block((ROOT / "README.md").read_text(encoding="utf-8"))
    commands = [line for line in block.splitlines() if line.startswith(("smm-event ", "P=", "T="))]
    assert len(commands) > 20
    assert block.splitlines()[0].startswith("mkdir -p out")
    with pytest.raises(AssertionError):
        examples_block("# no marker here\n```sh\nsmm-event info\n```\n")


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_readme_examples_run_word_for_word(tmp_path: Path) -> None:
    block = examples_block((ROOT / "README.md").read_text(encoding="utf-8"))
    scratch = tmp_path / "checkout"
    scratch.mkdir()
    for name in ("resources", "tests"):
        (scratch / name).symlink_to(ROOT / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "smm-event"
    shim.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m smm_event.cli.main "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SMM_EVENT_KEY_PASSPHRASE", None)  # the README sets it itself
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-x", "-c", block],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=580,
        check=False,
    )
    trace = done.stderr[-4000:]
    assert done.returncode == 0, f"a README example failed:\n{trace}"
    out = done.stdout
    # Real outcomes, not just exit codes: the admitted scan, the genuine badge and certificate.
    assert "ADMITTED  Арсанукаева Марьям" in out
    assert "GENUINE certificate" in out
    assert "Образец QR-кода" in out
    for name in ("b.pdf", "attendance.xlsx", "sheets.pdf", "register.xlsx", "event.smm"):
        assert (scratch / "out" / name).stat().st_size > 0, name
    assert (tmp_path / "data" / "smm-event" / "demo.sqlite3").is_file()  # the shared demo
    assert (scratch / "out" / "key.smmkey").is_file()
