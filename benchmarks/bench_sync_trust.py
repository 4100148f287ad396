"""What trust costs on the 100,000-record push and pull of bench_sync.py (issue 10/14 target:
signing and verifying ≤ +15 % of the path without them).

The same laptop and central as bench_sync.py (the demo plus signed check-ins up to
``--records``, a throwaway database). The trust steps are timed inside the real sync by
wrapping them, so the path is exactly today's and nothing is weakened:

- push: validating the outgoing records and looking up what this laptop holds in quarantine;
- pull: ``Verifier.check`` (chain hashes, the signed heads, stations, roles, payloads, clock);
- the organizer's owner-login step that copies its verified log into central's ``verified``
  schema (docs/central-setup.md §3), reported on its own: it is the price of reports that
  count only verified records, not part of signing or verifying.

Overhead = trust time / (sync time - trust time): the sync as it would run with the trust
steps switched off. Signing happens when a record is written (the scan), not in the sync; its
cost per transaction is in docs/performance.md («One signature ≈ 0.11 ms»).

Run: python benchmarks/bench_sync_trust.py [--records N] [--admin-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sync import ADMIN_URL, enrolled, fill, throwaway_database

from smm_event.services import keys
from smm_event.services import sync as sync_service
from smm_event.services.demo import create_demo
from smm_event.sync import protocol
from smm_event.trust import quarantine
from smm_event.trust.verify import Verifier
from smm_event.workspace import open_workspace

SPENT: dict[str, float] = {}


def _timed(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[key] = SPENT.get(key, 0.0) + time.perf_counter() - start

    return wrapper


def _instrument() -> None:
    protocol.refuse_invalid_records = _timed("push", protocol.refuse_invalid_records)  # type: ignore[assignment]
    protocol.far_future = _timed("push", protocol.far_future)  # type: ignore[assignment]
    quarantine.withheld_keys = _timed("push", quarantine.withheld_keys)  # type: ignore[assignment]
    quarantine.rows_for = _timed("push", quarantine.rows_for)  # type: ignore[assignment]
    Verifier.check = _timed("pull", Verifier.check)  # type: ignore[method-assign]
    sync_service.publish_verified = _timed("publish", sync_service.publish_verified)  # type: ignore[attr-defined]
    sync_service.backfill_chain = _timed("backfill", sync_service.backfill_chain)  # type: ignore[attr-defined]


def _report(label: str, total: float, trust: float, extra: float = 0.0) -> None:
    base = total - trust - extra
    print(
        f"{label:<44} {total:7.2f} s; trust steps {trust:6.2f} s"
        f" = +{100 * trust / base:5.1f} % over the path without them ({base:.2f} s)"
        f"{'; target ≤ +15 %: met' if trust / base <= 0.15 else '; target ≤ +15 %: NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--admin-url", default=ADMIN_URL)
    args = parser.parse_args()
    _instrument()
    folder = Path(tempfile.mkdtemp(prefix="smm-bench-trust-"))
    programme = folder / "programme.sqlite3"
    create_demo(programme, seed=7, first_day=dt.date(2026, 5, 12))
    with open_workspace(programme) as ws:
        keys.init_keys(ws, "benchmark passphrase")
    big = folder / "laptop.sqlite3"
    big.write_bytes(programme.read_bytes())
    with open_workspace(big) as ws:
        fill(ws, args.records)
    with throwaway_database(args.admin_url) as url:
        with open_workspace(big) as ws:
            sync_service.check_central(url)
            SPENT.clear()
            start = time.perf_counter()
            pushed = sync_service.sync_with_central(ws, url)
            total = time.perf_counter() - start
        push_s, publish_s = SPENT.get("push", 0.0), SPENT.get("publish", 0.0)
        print(f"pushed {pushed.pushed:,}; marked verified on central {pushed.verified:,}")
        _report(f"push {args.records:,} (organizer, owner login)", total, push_s, publish_s)
        print(
            f"{'  of it: copy into the verified schema':<44} {publish_s:7.2f} s"
            f" (+{100 * publish_s / (total - publish_s):.0f} % on the organizer's push only)"
        )
        with enrolled(folder / "fresh.sqlite3", "Новая стойка", programme) as ws:
            SPENT.clear()
            start = time.perf_counter()
            pulled = sync_service.sync_with_central(ws, url)
            total = time.perf_counter() - start
        print(f"pulled {pulled.pulled:,}")
        _report(f"pull {args.records:,} (new desk)", total, SPENT.get("pull", 0.0))


if __name__ == "__main__":
    main()
