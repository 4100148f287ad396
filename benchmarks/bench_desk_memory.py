"""Memory of a desk (issue 15): a workspace of 10,000 people and 100,000 earlier check-ins, then
10,000 scans through ``check_in_scan`` (what the desk page calls), in one process.

    python benchmarks/bench_desk_memory.py [--scans 10000]

Prints the resident memory (RSS) after opening, after every 2,500 scans and the peak, against
the target: under 300 MB after 10,000 scans. The floor printed for comparison is the same
interpreter with the core imported and nothing opened. This measures the core of the desk, not
the Qt widgets (an offscreen desk window adds about the floor of the start-up benchmark).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_checkin import MEASURED_DAY, build, current_zone, scans
from floors import limit_line, print_ratio

from smm_event.services.checkin import check_in_scan
from smm_event.storage.event_context import to_utc
from smm_event.workspace import open_workspace


def rss_mb() -> float:
    """Resident memory now, from /proc (Linux); the peak comes from getrusage."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(path: Path, count: int) -> None:
    """Run in a child process, so that building the workspace leaves nothing in the desk's."""
    rnd = random.Random(4)
    with open_workspace(path, device_name="Стойка 1") as ws:
        data = build(ws, rnd)
        texts = scans(ws, data, count, rnd)
    path.with_suffix(".json").write_text(json.dumps(texts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--prepare", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare is not None:
        prepare(args.prepare, args.scans)
        return
    gc.collect()
    floor = rss_mb()
    print(f"interpreter with the core imported: {floor:.0f} MB")
    with tempfile.TemporaryDirectory(prefix="bench_desk_memory_") as folder:
        path = Path(folder) / "desk.sqlite3"
        started = time.perf_counter()
        command = [sys.executable, __file__, "--prepare", str(path), "--scans", str(args.scans)]
        subprocess.run(command, check=True)
        texts = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        print(f"setup in a child process: {time.perf_counter() - started:.1f} s")
        with open_workspace(path, device_name="Стойка 1") as ws:
            opened = rss_mb()
            print(f"workspace open: {opened:.0f} MB")
            at = to_utc(dt.datetime.combine(MEASURED_DAY, dt.time(9, 30)), current_zone(ws))
            for n, text in enumerate(texts, start=1):
                check_in_scan(ws, text, desk="Стойка 1", now=at + dt.timedelta(seconds=n))
                if n % 2500 == 0:
                    print(f"after {n:6,} scans: {rss_mb():.0f} MB")
            after = rss_mb()
    print(f"peak {peak_mb():.0f} MB\n")
    print(limit_line(f"desk RSS after {len(texts):,} scans", after, 300, "MB"))
    print_ratio("desk RSS", after, floor, "the interpreter with the core imported", "MB")
    print(f"growth over the scans: {after - opened:+.0f} MB")


if __name__ == "__main__":
    main()
