"""Badge printing and token checking speed.

    python benchmarks/bench_badges.py [--count 210] [--layout a4] [--repeat 3] [--out FILE]
                                      [--no-workspace]

Targets (GUIDE §2, §7): 210 badges on A4 sheets in under 3 s; one token verification in well
under 1 ms. Prints the best of ``--repeat`` runs for the PDF (cold fonts excluded: the first run
registers and parses the TTFs) and median / p99 for single-token operations.

The workspace part times what a user waits for: ``print_badges`` on the 210-person demo
(reading the roster, signing, rendering, writing the print log) and ``verify_badge`` (a read
snapshot, the keys and the participant's row around ``verify_token``).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from smm_event.badges import generate_signing_key, make_token, public_key_of, verify_token
from smm_event.pdf.badges import BadgeData, compose_badge, render_badges
from smm_event.pdf.fonts import register_fonts

SURNAMES = ["Иванова", "Хаджимурадова-Абдурахманова", "Тер-Петросян", "Мамедов", "Ли", "Гогуадзе"]
GIVEN = [("Мария", "Сергеевна"), ("Айгюн", "Магомед кызы"), ("Арам", None), ("Рашид", "оглы")]
NGOS = [
    "АНО «Ёлочка»",
    None,
    "Региональная общественная организация содействия развитию добровольчества "
    "и гражданских инициатив Республики Дагестан «Горизонт»",
]
COLOURS = {1: "#1E88E5", 2: "#FDD835", 3: "#43A047"}


def timings(call: Callable[[], object], count: int) -> list[float]:
    result = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        result.append(time.perf_counter() - start)
    return result


def describe(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    median = statistics.median(ordered)
    print(f"| {name} | {median * 1e6:8.1f} µs | {p99 * 1e6:8.1f} µs | {len(samples)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=210)
    parser.add_argument("--layout", default="a4")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="also write the PDF here, to look at it")
    parser.add_argument("--no-workspace", action="store_true", help="skip the service timings")
    args = parser.parse_args()

    key = generate_signing_key()
    event = uuid.uuid4()
    people = [uuid.uuid4() for _ in range(args.count)]
    badges = [
        BadgeData(
            surname=SURNAMES[i % len(SURNAMES)],
            first_name=GIVEN[i % len(GIVEN)][0],
            patronymic=GIVEN[i % len(GIVEN)][1],
            organization=NGOS[i % len(NGOS)],
            stream_number=i % 3 + 1,
            stream_colour=COLOURS[i % 3 + 1],
            token=make_token(key, event, participant, 1),
            event_name="SMM-компетенции для НКО ЮФО и СКФО · Минеральные Воды, 12–15 мая 2024",
        )
        for i, participant in enumerate(people)
    ]

    start = time.perf_counter()
    register_fonts()
    print(f"font registration (once per process): {time.perf_counter() - start:.3f} s")
    runs = []
    for _ in range(args.repeat):
        buffer = io.BytesIO()
        start = time.perf_counter()
        pages = render_badges(badges, args.layout, buffer)
        runs.append(time.perf_counter() - start)
    size_kb = len(buffer.getvalue()) / 1024
    print(
        f"{args.count} badges, layout {args.layout}: {pages} pages, {size_kb:.0f} KiB, "
        f"best {min(runs):.3f} s, worst {max(runs):.3f} s (target < 3 s)"
    )
    compose = timings(lambda: compose_badge(badges[1], args.layout), 200)
    if args.out is not None:
        args.out.write_bytes(buffer.getvalue())

    keys = {key.key_id: public_key_of(key)}
    versions = dict.fromkeys(people, 1)
    token = badges[0].token
    print("\n| operation | median | p99 | runs |\n|---|---|---|---|")
    describe("compose one badge (text fitting)", compose)
    describe("make_token", timings(lambda: make_token(key, event, people[0], 1), 2000))
    describe(
        "verify_token (valid, target < 1 ms)",
        timings(lambda: verify_token(token, event, keys, versions.get), 5000),
    )
    damaged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    describe(
        "verify_token (damaged, CRC reject)",
        timings(lambda: verify_token(damaged, event, keys, versions.get), 5000),
    )
    if not args.no_workspace:
        workspace_figures(args.layout, args.repeat)


def workspace_figures(layout: str, repeat: int) -> None:
    from smm_event.services import badges, keys
    from smm_event.services.demo import create_demo
    from smm_event.workspace import open_workspace

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        create_demo(path, seed=7)
        with open_workspace(path) as ws:
            keys.init_keys(ws, "benchmark passphrase")
            start = time.perf_counter()
            key = keys.unlock_signing_key(ws, "benchmark passphrase")
            unlock = time.perf_counter() - start
            runs, report = [], None
            for _ in range(repeat):
                start = time.perf_counter()
                report = badges.print_badges(ws, key, io.BytesIO(), layout)
                runs.append(time.perf_counter() - start)
            assert report is not None
            token = badges.badge_token(ws, report.participant_ids[0], key)
            verify = timings(lambda: badges.verify_badge(ws, token), 500)
    print(
        f"\nservice print_badges, demo workspace: {report.badges} badges, {report.pages} pages "
        f"({layout}), best {min(runs):.3f} s, worst {max(runs):.3f} s; "
        f"unlocking the key (scrypt) {unlock:.3f} s, once per session"
    )
    print("\n| operation | median | p99 | runs |\n|---|---|---|---|")
    describe("verify_badge(ws, token): read snapshot + verify_token", verify)


if __name__ == "__main__":
    main()
