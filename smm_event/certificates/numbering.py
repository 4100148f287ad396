"""Certificate numbers: the printed format, and which numbers a laptop may take.

The rule that keeps two offline laptops from ever printing the same number (docs/certificates.md):
a laptop numbers only inside the blocks it holds, and every block is created by one laptop, the
registrar (the laptop that started the register). The registrar hands out consecutive ranges from
the top of a series (its frontier); because all hand-outs happen on one machine, one after the
other, ranges never overlap, and within its own blocks each laptop's single SQLite writer keeps
its numbers apart. The registrar takes ranges for itself exactly as large as a batch needs, so
its own numbering leaves no holes; only a block handed to another laptop can leave an unused tail.
"""

from __future__ import annotations

import datetime as dt
import string
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from smm_event.errors import UserError

MAIN_SERIES = ""
MAX_SERIES_LENGTH = 10
_FIELDS = frozenset({"number", "year", "series", "series_part"})


@dataclass(frozen=True)
class Block:
    id: uuid.UUID
    series: str
    first: int
    last: int
    holder: uuid.UUID
    granted_by: uuid.UUID
    granted_at: dt.datetime

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last


@dataclass(frozen=True)
class Allocation:
    """Numbers for a batch, and the block the registrar must record for itself first (if any)."""

    series: str
    numbers: tuple[int, ...]
    new_block: tuple[int, int] | None = None


def format_number(fmt: str, number: int, year: int, series: str = MAIN_SERIES) -> str:
    """«001/2026» with the default format; a series adds «-А»: «001-А/2026»."""
    part = f"-{series}" if series else ""
    return fmt.format(number=number, year=year, series=series, series_part=part)


def check_number_format(fmt: str, needs_series: bool = False) -> None:
    """Refuse a format that cannot tell numbers (or series) apart, or does not render."""
    try:
        names = {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(fmt)
            if name
        }
    except ValueError:
        raise UserError("bad_number_format", format=fmt) from None
    if "number" not in names or not names <= _FIELDS:
        raise UserError("bad_number_format", format=fmt)
    if needs_series and not names & {"series", "series_part"}:
        raise UserError("number_format_without_series", format=fmt)
    try:
        samples = {format_number(fmt, n, 2026, "Б") for n in (1, 2, 99, 100, 1000)}
    except (ValueError, KeyError, IndexError, TypeError):
        raise UserError("bad_number_format", format=fmt) from None
    if len(samples) != 5:
        raise UserError("bad_number_format", format=fmt)


def check_series(series: str) -> str:
    cleaned = series.strip()
    if len(cleaned) > MAX_SERIES_LENGTH or any(ch in "/\\{}" or ch.isspace() for ch in cleaned):
        raise UserError("bad_series", series=series)
    return cleaned


def root_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Blocks that start the main series; more than one means two laptops each started a
    register without ever having synced (reported as a register problem)."""
    roots = [b for b in blocks if b.series == MAIN_SERIES and b.first == 1]
    return sorted(roots, key=lambda b: (b.granted_at, str(b.id)))


def registrar(blocks: Iterable[Block]) -> uuid.UUID | None:
    """The laptop that started the register: it alone creates blocks."""
    roots = root_blocks(blocks)
    return roots[0].granted_by if roots else None


def frontier(blocks: Iterable[Block], series: str) -> int:
    """The first number of ``series`` no block covers yet."""
    return max((b.last for b in blocks if b.series == series), default=0) + 1


def free_numbers(
    blocks: Iterable[Block], holder: uuid.UUID, series: str, used: Collection[int]
) -> Iterable[int]:
    """The holder's unused numbers of the series, lowest first (lazily: blocks can be large)."""
    own = sorted(
        (b for b in blocks if b.holder == holder and b.series == series), key=lambda b: b.first
    )
    for block in own:
        for number in range(block.first, block.last + 1):
            if number not in used:
                yield number


def allocate(
    blocks: Sequence[Block],
    device: uuid.UUID,
    series: str,
    used: Collection[int],
    count: int,
    may_start_register: bool,
) -> Allocation:
    """``count`` numbers for ``device``: its own free numbers first, then (on the registrar, or
    on the laptop allowed to start the register when none exists) a new block at the frontier."""
    numbers: list[int] = []
    for number in free_numbers(blocks, device, series, used):
        if len(numbers) == count:
            break
        numbers.append(number)
    missing = count - len(numbers)
    if missing == 0:
        return Allocation(series, tuple(numbers))
    boss = registrar(blocks)
    if boss != device and not (boss is None and may_start_register and series == MAIN_SERIES):
        raise UserError("no_certificate_numbers", needed=count, available=len(numbers))
    block = next_range(blocks, series, missing, used)
    return Allocation(series, (*numbers, *range(block[0], block[1] + 1)), block)


def check_may_create_blocks(
    blocks: Sequence[Block], device: uuid.UUID, series: str, may_start_register: bool
) -> None:
    """Only the registrar creates blocks. The laptop holding the event's first signing key
    starts the register (becomes the registrar) by creating the first block of the main series."""
    boss = registrar(blocks)
    if boss == device:
        return
    if boss is None and may_start_register and series == MAIN_SERIES:
        return
    if boss is None:
        raise UserError("register_not_started")
    raise UserError("not_registrar")


def next_range(
    blocks: Sequence[Block], series: str, size: int, used: Collection[int]
) -> tuple[int, int]:
    """The next ``size`` numbers of the series at the frontier. A number used outside every
    block could only come from an inconsistent register; it is never handed out again."""
    if size < 1:
        raise UserError("bad_block_size", size=size)
    start = max(frontier(blocks, series), max(used, default=0) + 1)
    return start, start + size - 1


def unused_ranges(first: int, last: int, used: Collection[int]) -> tuple[tuple[int, int], ...]:
    """Consecutive runs of unused numbers in first..last."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for number in range(first, last + 1):
        if number in used:
            if start is not None:
                runs.append((start, number - 1))
                start = None
        elif start is None:
            start = number
    if start is not None:
        runs.append((start, last))
    return tuple(runs)


def overlapping(blocks: Sequence[Block]) -> list[tuple[Block, Block]]:
    """Pairs of blocks of one series that share numbers (only possible with two registrars)."""
    pairs = []
    ordered = sorted(blocks, key=lambda b: (b.series, b.first))
    for index, block in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other.series != block.series or other.first > block.last:
                break
            pairs.append((block, other))
    return pairs
