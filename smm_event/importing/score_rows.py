"""Parse a test-results file (entry or exit test) into scores keyed by e-mail, phone or name.

The file says who (e-mail, phone, «ФИО» or surname + first name + patronymic) and how many
points; matching a row to a participant is the importing service's job, not this module's.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.importing.roster_rows import (
    ROSTER_HEADERS,
    DuplicateGuard,
    RowCells,
    RowError,
    person_name,
    read_matched,
    synonym_lookup,
)
from smm_event.importing.tabular import (
    IGNORED,
    SAMPLE_ROWS,
    TEXT_SHAPE,
    ColumnMatch,
    FileShape,
    ReadOptions,
    Record,
    header_key,
)

_IDENTITY_FIELDS = ("surname", "first_name", "patronymic", "full_name", "phone", "email")
SCORE_HEADERS: dict[str, str] = {
    **{field: ROSTER_HEADERS[field] for field in (*_IDENTITY_FIELDS, IGNORED)},
    "score": "Балл | Баллы | Результат | Итоговый балл | Количество баллов | Сумма баллов"
    " | Итог | score | scores | points | total | total score | result",
}
# A sheet made by hand may name the test; the first score-like column wins, later ones are
# listed as ignored so the organizer sees which one was read.
SCORE_HEADERS["score"] += (
    " | " + ROSTER_HEADERS["entry_score"] + " | " + ROSTER_HEADERS["exit_score"]
)
_SCORE_LOOKUP = synonym_lookup(SCORE_HEADERS)


@dataclass(frozen=True)
class ScoreRow:
    row_number: int
    email: str | None
    phone: str | None
    full_name: str | None
    score: float


@dataclass(frozen=True)
class ScoreParse:
    rows: tuple[ScoreRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...] = ()
    shape: FileShape = dataclasses.field(default=TEXT_SHAPE, compare=False)
    header: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    columns: tuple[tuple[str, int], ...] = dataclasses.field(default=(), compare=False)
    sample: tuple[Record, ...] = dataclasses.field(default=(), compare=False)


def parse_scores(path: Path, options: ReadOptions | None = None) -> ScoreParse:
    table, match = read_matched(
        path,
        options or ReadOptions(),
        lambda text: header_key(text) in _SCORE_LOOKUP,
        _SCORE_LOOKUP.get,
    )
    if "score" not in match.columns:
        raise UserError("unreadable_file", path=str(path), reason="no_score_column")
    if not _has_identity_columns(match):
        raise UserError("unreadable_file", path=str(path), reason="no_identity_columns")
    duplicates = DuplicateGuard(("email", "phone", "full_name"))
    rows: list[ScoreRow] = []
    errors: list[RowError] = []
    for record in table.records:
        cells = RowCells(match, table.header, record)
        row = _score_row(cells)
        duplicates.check(cells)
        if cells.errors:
            errors.extend(cells.errors)
        elif row is not None:
            rows.append(row)
    return ScoreParse(
        tuple(rows),
        tuple(errors),
        match.ignored,
        table.shape,
        table.header,
        tuple(match.columns.items()),
        table.records[:SAMPLE_ROWS],
    )


def _score_row(cells: RowCells) -> ScoreRow | None:
    email = cells.parse("email", normalize.email)
    phone = cells.parse("phone", normalize.phone)
    full_name = _full_name(cells, is_identity=not (email or phone))
    score = cells.parse("score", normalize.score)
    if score is None and not cells.text("score"):
        cells.fail("score", "missing_score")
    if not (email or phone or full_name or _identity_failed(cells)):
        cells.fail(_first_identity_field(cells), "missing_identity")
    if score is None:
        return None
    return ScoreRow(cells.row_number, email, phone, full_name, score)


def _full_name(cells: RowCells, is_identity: bool) -> str | None:
    """«Фамилия Имя Отчество» normalised like the roster. Its flaws (initials, no first name)
    are errors only when the name is what identifies the row; next to an e-mail they are not."""
    if not any(cells.text(field) for field in ("surname", "first_name", "full_name")):
        return None
    checked = cells if is_identity else RowCells(cells.match, cells.header, cells.record)
    parts = person_name(checked)
    full_name = " ".join(part for part in parts if part) or None
    if is_identity and full_name:
        cells.parsed["full_name"] = full_name
    return full_name


def _identity_failed(cells: RowCells) -> bool:
    """An identity cell was there but bad: its own error says so, «missing» would mislead."""
    return any(cells.text(field) for field in ("email", "phone"))


def _first_identity_field(cells: RowCells) -> str:
    columns = cells.match.columns
    return next((field for field in _IDENTITY_FIELDS if field in columns), "score")


def _has_identity_columns(match: ColumnMatch) -> bool:
    columns = match.columns
    return (
        "email" in columns
        or "phone" in columns
        or "full_name" in columns
        or ("surname" in columns and "first_name" in columns)
    )
