"""Number formats and blocks: only a block's holder numbers inside it, only the registrar
creates blocks, so numbers handed out on different laptops never meet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.certificates.numbering import (
    Block,
    allocate,
    check_may_create_blocks,
    check_number_format,
    check_series,
    format_number,
    next_range,
    overlapping,
    registrar,
    unused_ranges,
)
from smm_event.domain.certificates import CertificateSettings
from smm_event.errors import UserError

A, B, C = (uuid.UUID(int=n) for n in (1, 2, 3))
T0 = dt.datetime(2026, 5, 1)


def _block(first: int, last: int, holder: uuid.UUID, by: uuid.UUID = A, series: str = "") -> Block:
    return Block(uuid.uuid4(), series, first, last, holder, by, T0 + dt.timedelta(seconds=first))


def test_default_format() -> None:
    fmt = CertificateSettings().number_format
    assert format_number(fmt, 1, 2026) == "001/2026"
    assert format_number(fmt, 210, 2026) == "210/2026"
    assert format_number(fmt, 1000, 2026) == "1000/2026"
    assert format_number(fmt, 7, 2026, "А") == "007-А/2026"
    assert format_number("СМ-{year}-{number:04d}{series}", 12, 2026, "Б") == "СМ-2026-0012Б"


@pytest.mark.parametrize(
    "fmt", ["{year}", "{number}{x}", "{number", "{number:q}", "N{number:d}{}/{year}"]
)
def test_bad_formats_are_refused(fmt: str) -> None:
    with pytest.raises(UserError) as error:
        check_number_format(fmt)
    assert error.value.code == "bad_number_format"


def test_a_series_needs_a_format_that_shows_it() -> None:
    check_number_format("{number:03d}{series_part}/{year}", needs_series=True)
    with pytest.raises(UserError) as error:
        check_number_format("{number:03d}/{year}", needs_series=True)
    assert error.value.code == "number_format_without_series"
    assert check_series(" А ") == "А"
    for bad in ("A/B", "two words", "X" * 11):
        with pytest.raises(UserError):
            check_series(bad)


def test_first_issue_starts_the_register_and_takes_exactly_what_it_needs() -> None:
    first = allocate([], A, "", set(), 70, may_start_register=True)
    assert first.numbers == tuple(range(1, 71)) and first.new_block == (1, 70)
    blocks = [_block(1, 70, A)]
    assert registrar(blocks) == A
    more = allocate(blocks, A, "", set(range(1, 71)), 5, may_start_register=True)
    assert more.numbers == (71, 72, 73, 74, 75) and more.new_block == (71, 75)


def test_a_laptop_that_cannot_sign_or_is_not_registrar_gets_no_new_block() -> None:
    with pytest.raises(UserError) as error:
        allocate([], B, "", set(), 1, may_start_register=False)
    assert error.value.code == "no_certificate_numbers"
    with pytest.raises(UserError) as error:
        allocate([_block(1, 10, A)], B, "", set(), 1, may_start_register=True)
    assert error.value.code == "no_certificate_numbers"
    with pytest.raises(UserError) as error:
        check_may_create_blocks([_block(1, 10, A)], B, "", True)
    assert error.value.code == "not_registrar"


def test_a_granted_block_is_used_lowest_first_then_runs_out() -> None:
    blocks = [_block(1, 70, A), _block(71, 80, B)]
    taken = allocate(blocks, B, "", {1, 2, 71}, 3, may_start_register=True)
    assert taken.numbers == (72, 73, 74) and taken.new_block is None
    with pytest.raises(UserError) as error:
        allocate(blocks, B, "", set(range(71, 79)), 3, may_start_register=True)
    assert error.value.params == {"needed": 3, "available": 2}


def test_registrar_extends_past_every_block_and_every_used_number() -> None:
    blocks = [_block(1, 70, A), _block(71, 140, B)]
    assert next_range(blocks, "", 10, set()) == (141, 150)
    assert next_range(blocks, "", 10, {500}) == (501, 510)
    assert next_range(blocks, "Б", 5, set()) == (1, 5)
    with pytest.raises(UserError):
        next_range(blocks, "", 0, set())


def test_unused_ranges_and_overlaps() -> None:
    assert unused_ranges(1, 10, {1, 2, 5, 10}) == ((3, 4), (6, 9))
    assert unused_ranges(1, 3, set()) == ((1, 3),)
    assert unused_ranges(1, 3, {1, 2, 3}) == ()
    a, b, c = _block(1, 10, A), _block(5, 12, B, by=B), _block(11, 20, C)
    assert overlapping([a, c]) == []
    pairs = overlapping([c, b, a])
    assert {(x.first, y.first) for x, y in pairs} == {(1, 5), (5, 11)}


def test_two_registrars_are_told_apart_deterministically() -> None:
    early = _block(1, 5, A, by=A)
    late = dataclasses.replace(
        _block(1, 5, B, by=B), granted_at=early.granted_at + dt.timedelta(seconds=1)
    )
    tied = dataclasses.replace(late, granted_at=early.granted_at)
    assert registrar([late, early]) == A == registrar([early, late])
    # Equal clocks: the block ids decide, the same way on every laptop.
    assert registrar([tied, early]) == registrar([early, tied])


# Any sequence of grants and issues on three laptops, each acting only on what it has seen from
# the registrar (A), gives every number at most once.
_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["grant", "issue", "sync"]), st.sampled_from([A, B, C]), st.integers(1, 12)
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_STEPS)
def test_no_number_is_ever_handed_out_twice(steps: list[tuple[str, uuid.UUID, int]]) -> None:
    seen: dict[uuid.UUID, list[Block]] = {A: [], B: [], C: []}  # blocks each laptop knows
    used: dict[uuid.UUID, set[int]] = {A: set(), B: set(), C: set()}  # numbers each laptop knows
    issued: list[int] = []
    for action, device, size in steps:
        if action == "grant" and device != A:
            check_may_create_blocks(seen[A], A, "", True)
            first, last = next_range(seen[A], "", size, used[A])
            seen[A].append(_block(first, last, device))
        elif action == "issue":
            try:
                got = allocate(seen[device], device, "", used[device], size, device == A)
            except UserError:
                continue
            if got.new_block:
                seen[device].append(_block(*got.new_block, device, by=device))
            used[device].update(got.numbers)
            issued.extend(got.numbers)
        elif action == "sync":  # the laptop and the registrar exchange everything
            merged_blocks = {b.id: b for b in seen[A] + seen[device]}
            merged_used = used[A] | used[device]
            for who in {A, device}:
                seen[who] = list(merged_blocks.values())
                used[who] = set(merged_used)
    assert len(issued) == len(set(issued))
