from __future__ import annotations

import pytest

from smm_event.outcomes.gains import GainStatus, gain, summarize_gains
from smm_event.outcomes.reach import (
    AccountReach,
    GrowthStatus,
    baseline_digest,
    organization_growth,
    summarize_growth,
)


def test_gain_raw_and_normalized() -> None:
    result = gain(40.0, 70.0)
    assert result.raw == 30.0
    assert result.normalized == 0.5
    assert result.status is GainStatus.OK


def test_gain_can_be_negative() -> None:
    assert gain(80.0, 60.0).normalized == -1.0


def test_entry_at_the_maximum_has_no_normalized_gain() -> None:
    result = gain(100.0, 100.0)
    assert result.raw == 0.0
    assert result.normalized is None
    assert result.status is GainStatus.ENTRY_AT_MAX


@pytest.mark.parametrize(
    ("entry", "exit_", "status"),
    [(50.0, None, GainStatus.NO_EXIT), (None, 50.0, GainStatus.NO_ENTRY)],
)
def test_missing_scores(entry: float | None, exit_: float | None, status: GainStatus) -> None:
    result = gain(entry, exit_)
    assert (result.raw, result.normalized, result.status) == (None, None, status)


def test_summary_counts_the_edges_and_averages_only_defined_gains() -> None:
    summary = summarize_gains([gain(40, 70), gain(20, 60), gain(100, 100), gain(30, None)])
    assert summary.people == 4
    assert summary.with_gain == 2
    assert summary.no_exit == 1
    assert summary.entry_at_max == 1
    assert summary.mean_normalized == pytest.approx((0.5 + 0.5) / 2)
    assert summary.mean_raw == pytest.approx((30 + 40 + 0) / 3, abs=0.01)


def test_growth_sums_accounts_with_both_measurements() -> None:
    growth = organization_growth(
        [AccountReach(100, 300), AccountReach(100, 200), AccountReach(50, None)]
    )
    assert growth.ratio == 2.5
    assert growth.status is GrowthStatus.OK


def test_zero_baseline_is_undefined_not_infinite() -> None:
    growth = organization_growth([AccountReach(0, 500)])
    assert growth.ratio is None
    assert growth.status is GrowthStatus.ZERO_BASELINE


def test_missing_baseline_and_followup() -> None:
    assert organization_growth([AccountReach(None, 10)]).status is GrowthStatus.NO_BASELINE
    assert organization_growth([AccountReach(10, None)]).status is GrowthStatus.NO_FOLLOWUP
    assert organization_growth([]).status is GrowthStatus.NO_ACCOUNTS


def test_growth_summary_share_at_target_and_missing() -> None:
    growths = [
        organization_growth([AccountReach(100, 300)]),
        organization_growth([AccountReach(100, 150)]),
        organization_growth([AccountReach(100, 250)]),
        organization_growth([AccountReach(0, 250)]),
        organization_growth([AccountReach(10, None)]),
    ]
    summary = summarize_growth(growths)
    assert summary.measured == 3
    assert summary.at_target == 2
    assert summary.share_at_target == pytest.approx(0.667)
    assert summary.median == 2.5
    assert summary.missing == {"zero_baseline": 1, "no_followup": 1}


def test_baseline_digest_is_order_free_and_changes_with_any_value() -> None:
    rows = [("2026-01-01", "2026-01-31", "vk", 100.0), ("2026-02-01", "2026-02-28", "vk", 120.0)]
    assert baseline_digest(rows) == baseline_digest(list(reversed(rows)))
    assert baseline_digest(rows) != baseline_digest([rows[0], (*rows[1][:3], 121.0)])
