"""Hostile files are refused in seconds with bounded memory, each measured in a fresh process
(``VmHWM``, the peak of the process's own memory): zip bombs that inflate to gigabytes, sheets of too many
rows or one endless row, a CSV beyond the limits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bombs import write_xlsx, zip_bomb

# Generous for a loaded CI machine; today's code took 41 s and 4.3 GB on the bundle bomb.
MAX_SECONDS = 10.0
MAX_PEAK_MB = 300

_PROBE = """
import json, resource, sys, time
from pathlib import Path
from smm_event.errors import UserError
path = Path(sys.argv[2])
started = time.monotonic()
try:
    if sys.argv[1] == "bundle":
        from smm_event.sync.bundle import read_bundle
        read_bundle(path)
    else:
        from smm_event.importing.tabular import read_records
        read_records(path)
    code = None
except UserError as error:
    code = error.code
def peak_mb():
    # Not ru_maxrss: Linux keeps the forking parent's high-water mark across exec, so a child of
    # a large pytest process "peaked" at the parent's size. VmHWM belongs to this image alone.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "seconds": time.monotonic() - started, "peak_mb": peak_mb()}))
"""


def _probe(kind: str, path: Path) -> dict[str, object]:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _refused_fast(result: dict[str, object], code: str) -> None:
    assert result["code"] == code
    assert isinstance(result["seconds"], float) and result["seconds"] < MAX_SECONDS
    assert isinstance(result["peak_mb"], float) and result["peak_mb"] < MAX_PEAK_MB


def test_a_2_mb_bundle_inflating_to_2_gb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.smm"
    manifest = {"format": "smm-event-changes", "version": 1}
    zip_bomb(
        path,
        "changes.jsonl",
        b"",
        b" ",
        2 << 30,
        others={"manifest.json": json.dumps(manifest).encode()},
    )
    assert path.stat().st_size < 3 << 20
    _refused_fast(_probe("bundle", path), "file_too_large")


def test_a_bundle_of_many_members(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "many.smm"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(5000):
            archive.writestr(f"m{number}", b"")
    _refused_fast(_probe("bundle", path), "file_too_many_entries")


@pytest.mark.parametrize(
    ("kind", "inflated_mb", "code"),
    [
        ("rows", 1200, "file_too_large"),  # 1.2 GB of sheet XML in ~4 MB
        ("rows", 60, "file_too_many_rows"),  # within the size limit: 600,000 rows
        ("wide", 24, "file_too_many_cells"),  # one row of 1.6 million cells
    ],
)
def test_xlsx_bombs(tmp_path: Path, kind: str, inflated_mb: int, code: str) -> None:
    path = tmp_path / "roster.xlsx"
    write_xlsx(path, kind, inflated_mb << 20)
    _refused_fast(_probe("table", path), code)


def test_a_csv_of_too_many_rows(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("Фамилия;Имя\n" + "Иванов;Иван\n" * 200_000, encoding="utf-8")
    _refused_fast(_probe("table", path), "file_too_many_rows")


def test_a_csv_too_large_to_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"a;b\n" + b"x" * (17 << 20))
    _refused_fast(_probe("table", path), "file_too_large")


def test_a_workbook_within_the_limits_still_reads(tmp_path: Path) -> None:
    from smm_event.importing.tabular import read_records

    path = tmp_path / "roster.xlsx"
    write_xlsx(path, "full", 1 << 20)
    records = read_records(path)
    assert records[0].cells == ("Фамилия", "Имя") and len(records) > 500
    assert records[1].cells[0] == "Значение 0 ячейки"
