"""Verifying received records (issue 10 target: 100,000 records in well under 2 s).

What a receiver does with every record before applying it (smm_event/trust/verify.py):
recompute the device's hash chain, check one Ed25519 signature per device (the newest signed
head), the station's role and revocation, the payload, the clock. Measured on 100,000 check-ins
of one desk plus the programme, as a bundle import hands them over, without the database
writes that follow (bench_sync.py measures those).

"As on pull" includes the payload validation (smm_event/storage/validation.py); a bundle's read
path validates every record already, so its import skips that step.

Run: python benchmarks/bench_verify.py [--records N] [--rounds R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from smm_event.services import keys, stations
from smm_event.services.demo import create_demo
from smm_event.storage import changes
from smm_event.sync import bundle as bundles
from smm_event.trust.verify import Verifier
from smm_event.workspace import open_workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="smm-bench-verify-"))
    organizer_path = folder / "organizer.sqlite3"
    create_demo(organizer_path, seed=7, first_day=dt.date(2026, 5, 12))
    with open_workspace(organizer_path) as organizer:
        keys.init_keys(organizer, "benchmark passphrase")
        with open_workspace(folder / "desk.sqlite3", device_name="Стойка 1") as desk:
            stations.enroll(organizer, desk, "Стойка 1", ["desk"])
            now = dt.datetime(2026, 5, 12, 7, 0)
            rows = [
                (
                    uuid.uuid4(),
                    {
                        "device_id": desk.device_id,
                        "desk": "Стойка 1",
                        "operator": None,
                        "scanned_at": now,
                        "local_day": now.date(),
                        "method": "scanner",
                        "raw_text": f"junk {n}",
                        "participant_id": None,
                        "badge_version": None,
                        "result": "forged_or_unreadable",
                    },
                )
                for n in range(args.records)
            ]
            with desk.transaction() as session:
                changes.record_new_rows(session, "checkin", rows)
            bundles.export_bundle(desk, folder / "desk.smm")
        bundles.export_bundle(organizer, folder / "organizer.smm")
        with open_workspace(folder / "receiver.sqlite3", device_name="Стойка 2") as receiver:
            stations.enroll(organizer, receiver, "Стойка 2", ["desk"])
            from smm_event.services.sync import import_changes

            import_changes(receiver, folder / "organizer.smm")
            received = bundles.read_bundle(folder / "desk.smm").changes
            wanted = [c for c in received if c.device_id != organizer.device_id]
            for validated, label in ((False, "as on pull"), (True, "as on bundle import")):
                times = []
                for _ in range(args.rounds):
                    verifier = Verifier(received, validated=validated)
                    with receiver.reading() as session:
                        started = time.perf_counter()
                        verdict = verifier.check(session, wanted)
                        times.append(time.perf_counter() - started)
                    assert len(verdict.accepted) == len(wanted) and not verdict.refused
                median = statistics.median(times)
                print(f"verify {len(wanted):,} records {label} ({args.rounds} rounds)")
                print(f"  median {median:.3f} s, best {min(times):.3f} s  (target < 2 s)")
                print(f"  {len(wanted) / median:,.0f} records/s")


if __name__ == "__main__":
    main()
