"""The duplicates list over 10,000 people (target < 1 s), read from a real workspace.

Run: python benchmarks/bench_duplicates.py"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_roster import ROWS, write_roster
from smm_event.paths import resource_path
from smm_event.services import event_setup, roster_import
from smm_event.services.duplicates import find_duplicates
from smm_event.workspace import open_workspace


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        roster = root / "roster.csv"
        write_roster(roster, ROWS)
        with open_workspace(root / "bench.sqlite3") as ws:
            event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
            roster_import.import_roster(ws, roster)
            timings = []
            for _ in range(3):
                started = time.perf_counter()
                pairs = find_duplicates(ws)
                timings.append(time.perf_counter() - started)
        # The generated roster repeats 7 × 7 names with one patronymic: every name group is
        # far over MAX_GROUP, so this measures the worst case of grouping, not of pairing.
        print(
            f"duplicates over {ROWS:,} people: {min(timings):.2f} s best of 3, {len(pairs)} pairs"
        )


if __name__ == "__main__":
    main()
