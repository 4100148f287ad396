"""Laptops whose clocks are a year off: the merge still converges, order follows what each
laptop had seen (hybrid logical clocks), and the needs-attention list names the laptop."""

from __future__ import annotations

import datetime as dt

import pytest

from smm_event.domain.sync import AttentionKind
from smm_event.services import checkin
from smm_event.services import clock as clock_service
from smm_event.services import sync as sync_service
from smm_event.storage import changes
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace
from tests.sync.conftest import (
    Laptops,
    at,
    central_dump,
    clock_off,
    dump,
    roster,
    stream_days,
    sync,
)

pytestmark = pytest.mark.postgres
YEAR = dt.timedelta(days=365)


def _set(ws: Workspace, person: object, **fields: object) -> None:
    with ws.transaction() as session:
        changes.record(session, "participant", person, fields)  # type: ignore[arg-type]


def _get(ws: Workspace, person: object, field: str) -> object:
    with ws.reading() as session:
        return getattr(session.get_one(Participant, person), field)


def _kinds(ws: Workspace) -> dict[AttentionKind, set[str]]:
    found: dict[AttentionKind, set[str]] = {}
    for item in sync_service.attention_list(ws):
        found.setdefault(item.kind, set()).update(item.device_names)
    return found


def test_a_laptop_a_year_behind_merges_in_causal_order(
    laptops: Laptops, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    organizer, slow = laptops.organizer(), laptops.empty("Стойка со старой датой")
    person = roster(organizer)[1][0]
    _set(organizer, person, phone="+79280000001")
    sync(organizer, postgres_url)
    with clock_off(monkeypatch, -YEAR):
        sync(slow, postgres_url)
        # Edited after seeing the organizer's edit: it must win although its clock says 2025.
        _set(slow, person, phone="+79280000002")
        checkin.check_in_manual(slow, person)  # its clock puts the scan a year early
        sync(slow, postgres_url)
    sync(organizer, postgres_url)
    assert _get(organizer, person, "phone") == "+79280000002"
    assert dump(organizer) == dump(slow) == central_dump(postgres_url)
    found = _kinds(organizer)
    assert found[AttentionKind.CLOCK_BEHIND] == {"Стойка со старой датой"}
    assert found[AttentionKind.CLOCK_OUTSIDE_EVENT] == {"Стойка со старой датой"}
    with clock_off(monkeypatch, -YEAR):
        assert AttentionKind.CLOCK_SKEW_AT_SYNC in _kinds(slow)
    assert AttentionKind.CLOCK_SKEW_AT_SYNC not in found


def test_a_laptop_a_year_ahead_converges_and_is_named(
    laptops: Laptops, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    organizer, fast = laptops.organizer(), laptops.empty("Стойка из будущего")
    people, first_day = roster(organizer)[1], stream_days(organizer)[1][0]
    sync(organizer, postgres_url)
    with clock_off(monkeypatch, YEAR):
        sync(fast, postgres_url)
        # Someone told it the wrong clock is right, so it stamps a year ahead: the receivers'
        # rule is the one that must hold now (the sender's own check is in test_clock_guard).
        clock_service.confirm_clock(fast)
        _set(fast, people[0], email="fast@example.org")
        checkin.check_in_manual(fast, people[1])
        sync(fast, postgres_url)
    checkin.check_in_manual(organizer, people[2], now=at(first_day))
    _set(organizer, people[0], notes="правка организатора")
    sync(organizer, postgres_url)
    with clock_off(monkeypatch, YEAR):
        sync(fast, postgres_url)
    # Its far-future field edit is adopted neither by central nor by the organizer (issue 10,
    # clocks): it is quarantined, so fixing the clock later lets the next edit count again.
    assert dump(organizer) == central_dump(postgres_url)
    assert _get(organizer, people[0], "email") != "fast@example.org"
    assert _get(fast, people[0], "notes") == "правка организатора"
    assert {item.details.get("reason") for item in sync_service.attention_list(organizer)} >= {
        "clock_ahead"
    }
    mine, theirs = dump(fast), dump(organizer)
    assert {k for k in mine if mine[k] != theirs[k]} == {"participant"}
    found = _kinds(organizer)
    assert found[AttentionKind.CLOCK_AHEAD] == {"Стойка из будущего"}
    assert found[AttentionKind.CLOCK_OUTSIDE_EVENT] == {"Стойка из будущего"}
    assert AttentionKind.CLOCK_BEHIND not in found  # the far-future stamps were not adopted


def test_a_laptop_whose_clock_jumped_a_year_ahead_cannot_win_later_edits(
    laptops: Laptops, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sender's rule (docs/sync.md, "Clocks"): a laptop that has synced and then finds its
    clock a year ahead keeps stamping at the trusted time, so its edit is applied everywhere
    but a later genuine edit of the same field still wins, and no mark waits a year."""
    organizer, fast = laptops.organizer(), laptops.empty("Стойка из будущего")
    person = roster(organizer)[1][0]
    sync(organizer, postgres_url)
    sync(fast, postgres_url)
    with clock_off(monkeypatch, YEAR):
        assert clock_service.clock_status(fast) is not None
        _set(fast, person, email="fast@example.org")
        sync(fast, postgres_url)  # central's clock becomes the trusted time: still a year off
        _set(fast, person, phone="+79280000009")
        sync(fast, postgres_url)
    sync(organizer, postgres_url)
    assert _get(organizer, person, "email") == "fast@example.org"  # applied, not quarantined
    assert _get(organizer, person, "phone") == "+79280000009"
    _set(organizer, person, email="organizer@example.org")
    sync(organizer, postgres_url)
    sync(fast, postgres_url)
    assert _get(fast, person, "email") == _get(organizer, person, "email")
    assert _get(organizer, person, "email") == "organizer@example.org"
    assert dump(organizer) == dump(fast) == central_dump(postgres_url)
    assert "clock_ahead" not in {
        item.details.get("reason") for item in sync_service.attention_list(organizer)
    }
