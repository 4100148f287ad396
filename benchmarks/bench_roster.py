"""Roster import of 10,000 rows (target < 3 s) and search over 10,000 people (target < 20 ms).

Run: python benchmarks/bench_roster.py"""

from __future__ import annotations

import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from smm_event.paths import resource_path
from smm_event.services import event_setup, participants, roster_import
from smm_event.workspace import open_workspace

SURNAMES = ["Иванов", "Королёв", "Магомедов", "Акопян", "Гогуадзе", "Салтыков-Щедрин", "Хетагуров"]
NAMES = ["Алексей", "Пётр", "Рустам", "Арсен", "Георгий", "Эльчин", "Тимур"]
ROWS = 10_000


def write_roster(path: Path, rows: int) -> None:
    rnd = random.Random(1)
    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(
            [
                "Фамилия",
                "Имя",
                "Отчество",
                "Организация",
                "Телефон",
                "E-mail",
                "Балл входного теста",
            ]
        )
        for n in range(rows):
            writer.writerow(
                [
                    rnd.choice(SURNAMES),
                    rnd.choice(NAMES),
                    "Иванович",
                    f"АНО «Центр {n % 700}»",
                    f"8 (928) {n // 10000:03d}-{n % 10000 // 100:02d}-{n % 100:02d}",
                    f"person{n}@example.org",
                    f"{rnd.randint(0, 99)},5",
                ]
            )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        roster = root / "roster.csv"
        write_roster(roster, ROWS)
        with open_workspace(root / "bench.sqlite3") as ws:
            event_setup.init_event_from_file(ws, resource_path("schedule.example.toml"))
            started = time.perf_counter()
            report = roster_import.import_roster(ws, roster)
            first = time.perf_counter() - started
            assert report.created == ROWS, report
            started = time.perf_counter()
            again = roster_import.import_roster(ws, roster)
            second = time.perf_counter() - started
            assert again.unchanged == ROWS
            queries = ["коро", "ПЁТР", "щедрин", "928 0", "центр 12", "магомедов рустам", "zz"]
            timings = []
            for _ in range(5):
                for query in queries:
                    started = time.perf_counter()
                    participants.list_participants(ws, search=query, limit=50)
                    timings.append((time.perf_counter() - started) * 1000)
            unlimited = []
            for query in queries:
                started = time.perf_counter()
                participants.list_participants(ws, search=query)
                unlimited.append((time.perf_counter() - started) * 1000)
    print(f"import {ROWS} rows (cp1251 CSV, new people): {first:.2f} s  (target < 3 s)")
    print(f"re-import of the same {ROWS} rows (all unchanged): {second:.2f} s")
    print(
        f"search over {ROWS} people, first 50 results: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms  (target < 20 ms)"
    )
    print(
        f"search returning every match: median {statistics.median(unlimited):.1f} ms, max {max(unlimited):.1f} ms"
    )


if __name__ == "__main__":
    main()
