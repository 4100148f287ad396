"""Parse a participant roster file into validated rows and per-row errors (no database).

A row with any error goes to ``errors`` (all of its errors, not just the first) and not to
``rows``; a completely blank row is skipped; nothing else is dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.importing.tabular import (
    IGNORED,
    SAMPLE_ROWS,
    TEXT_SHAPE,
    ColumnMatch,
    FileShape,
    ReadOptions,
    Record,
    Table,
    chosen_columns,
    header_key,
    match_columns,
    read_table,
)
from smm_event.storage.validation import FIELD_LIMITS, max_length

T = TypeVar("T")
_NOT_A_NAME_RE = re.compile(r"[\d@/\\]")
_LETTER_RE = re.compile(r"[^\W\d_]")

# Field → header synonyms, «|»-separated; each is compared after ``header_key`` folding.
ROSTER_HEADERS: dict[str, str] = {
    "surname": "Фамилия | surname | last name | family name",
    "first_name": "Имя | first name | given name",
    "patronymic": "Отчество | patronymic | middle name",
    "full_name": "ФИО | Ф.И.О. | Фамилия, имя, отчество | Фамилия и имя | Фамилия, имя"
    " | Участник | full name | name | participant",
    "gender": "Пол | gender | sex",
    "organization": "Организация | НКО | Организация (НКО) | Название организации"
    " | Наименование организации | Название НКО | Наименование НКО | organization"
    " | organisation | NGO | company",
    "position": "Должность | Должность в организации | position | job title | role",
    "region": "Регион | Субъект РФ | Субъект | Субъект Российской Федерации | Регион проживания"
    " | region",
    "phone": "Телефон | Мобильный телефон | Номер телефона | Контактный телефон | Тел"
    " | Телефон для связи | Номер мобильного телефона | phone | phone number | mobile"
    " | mobile phone | telephone",
    "email": "Email | E-mail | Электронная почта | Адрес электронной почты | Эл. почта | Почта"
    " | email address | mail",
    "consent": "Согласие | consent",
    "consent_date": "Дата согласия | consent date",
    "entry_score": "Балл входного теста | Баллы входного теста | Входной тест"
    " | Входное тестирование | Результат входного теста | Входной балл | entry score"
    " | entry test | entry test score",
    "exit_score": "Балл выходного теста | Баллы выходного теста | Выходной тест"
    " | Выходное тестирование | Результат выходного теста | Выходной балл | exit score"
    " | exit test | exit test score",
    "notes": "Примечание | Примечания | Комментарий | notes | note | comment | comments",
    IGNORED: "Отметка времени | Timestamp",
}


def synonym_lookup(headers: dict[str, str]) -> dict[str, str]:
    return {
        header_key(text): field for field, texts in headers.items() for text in texts.split("|")
    }


_ROSTER_LOOKUP = synonym_lookup(ROSTER_HEADERS)


def classify_roster_header(key: str) -> str | None:
    """Exact synonyms first; consent questions are long-winded, so match those by their stem."""
    field = _ROSTER_LOOKUP.get(key)
    if field is not None:
        return field
    if key.startswith("датасоглас") or key == "датаподписаниясогласия":
        return "consent_date"
    if "согласи" in key or "персональныхданных" in key or "обработкупдн" in key:
        return "consent"
    return None


@dataclass(frozen=True)
class RosterRow:
    row_number: int
    surname: str
    first_name: str
    patronymic: str | None
    gender: str | None
    organization: str | None
    position: str | None
    region: str | None
    phone: str | None
    email: str | None
    consent: bool | None
    consent_date: dt.date | None
    entry_score: float | None
    exit_score: float | None
    notes: str | None


@dataclass(frozen=True)
class RowError:
    row_number: int
    column: str | None
    reason: str
    value: str | None


@dataclass(frozen=True)
class RosterParse:
    rows: tuple[RosterRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    # What a preview shows: how the file was read, its header, which column is which field,
    # and the first rows as they stand in the file.
    shape: FileShape = dataclasses.field(default=TEXT_SHAPE, compare=False)
    header: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    columns: tuple[tuple[str, int], ...] = dataclasses.field(default=(), compare=False)
    sample: tuple[Record, ...] = dataclasses.field(default=(), compare=False)


def read_matched(
    path: Path,
    options: ReadOptions,
    is_known: Callable[[str], bool],
    classify: Callable[[str], str | None],
) -> tuple[Table, ColumnMatch]:
    """The table and its column mapping: detected, or the organizer's when given."""
    table = read_table(path, is_known, encoding=options.encoding, delimiter=options.delimiter)
    if options.columns is not None:
        return table, chosen_columns(table.header, options.columns)
    return table, match_columns(table.header, classify)


def parse_roster(path: Path, options: ReadOptions | None = None) -> RosterParse:
    table, match = read_matched(
        path,
        options or ReadOptions(),
        lambda text: classify_roster_header(header_key(text)) is not None,
        classify_roster_header,
    )
    if not has_name_columns(match):
        raise UserError("unreadable_file", path=str(path), reason="no_name_columns")
    duplicates = DuplicateGuard(("email", "phone"))
    rows: list[RosterRow] = []
    errors: list[RowError] = []
    for record in table.records:
        cells = RowCells(match, table.header, record)
        row = _roster_row(cells)
        duplicates.check(cells)
        if cells.errors:
            errors.extend(cells.errors)
        elif row is not None:
            rows.append(row)
    return RosterParse(
        tuple(rows),
        tuple(errors),
        match.ignored,
        table.shape,
        table.header,
        tuple(match.columns.items()),
        table.records[:SAMPLE_ROWS],
    )


def _roster_row(cells: RowCells) -> RosterRow | None:
    surname, first_name, patronymic = person_name(cells)
    row = RosterRow(
        row_number=cells.row_number,
        surname=surname or "",
        first_name=first_name or "",
        patronymic=patronymic,
        gender=cells.parse("gender", normalize.gender),
        organization=cells.parse("organization", normalize.clean_text),
        position=cells.parse("position", normalize.clean_text),
        region=cells.parse("region", normalize.clean_text),
        phone=cells.parse("phone", normalize.phone),
        email=cells.parse("email", normalize.email),
        consent=cells.parse("consent", normalize.consent),
        consent_date=cells.parse("consent_date", normalize.date),
        entry_score=cells.parse("entry_score", normalize.score),
        exit_score=cells.parse("exit_score", normalize.score),
        notes=cells.parse("notes", normalize.clean_text),
    )
    return row if surname and first_name else None


def has_name_columns(match: ColumnMatch) -> bool:
    columns = match.columns
    return "full_name" in columns or ("surname" in columns and "first_name" in columns)


class RowCells:
    """One record's cells by field, collecting the row's errors as fields are parsed."""

    def __init__(self, match: ColumnMatch, header: tuple[str, ...], record: Record) -> None:
        self.match = match
        self.header = header
        self.record = record
        self.row_number = record.row_number
        self.texts = match.texts(record.cells)
        self.errors: list[RowError] = []
        self.parsed: dict[str, object] = {}

    def text(self, field: str) -> str:
        return self.texts.get(field, "")

    def column(self, field: str) -> str | None:
        index = self.match.columns.get(field)
        return self.header[index] if index is not None else None

    def fail(self, field: str, reason: str, value: str | None = None) -> None:
        self.errors.append(RowError(self.row_number, self.column(field), reason, value or None))

    def parse(self, field: str, parser: Callable[[str], T | None]) -> T | None:
        raw = self.text(field)
        if not raw:
            return None
        try:
            value = parser(raw)
        except normalize.BadValue as exc:
            self.fail(field, exc.reason, raw)
            return None
        limit = _text_limit(field)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            # Refused here, by row, so the rest of the file imports (see storage.validation).
            self.fail(field, "too_long", raw[:80])
            return None
        self.parsed[field] = value
        return value


def _text_limit(field: str) -> int | None:
    """The longest text the column behind a roster field holds, the same on every engine
    (name parts are checked by ``person_name``, after a «ФИО» column is split)."""
    if field in ("surname", "first_name", "patronymic"):
        return None
    entity, column = ("organization", "name") if field == "organization" else ("participant", field)
    limit = FIELD_LIMITS[entity].get(column)
    return limit.max_length if limit is not None else None


class DuplicateGuard:
    """Flags a later row repeating an earlier row's value of an identifying field."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        self.seen: dict[str, set[object]] = {field: set() for field in fields}

    def check(self, cells: RowCells) -> None:
        for field, seen in self.seen.items():
            value = cells.parsed.get(field)
            if value is None:
                continue
            if value in seen:
                cells.fail(field, "duplicate_in_file", cells.text(field))
            seen.add(value)


def person_name(cells: RowCells) -> tuple[str | None, str | None, str | None]:
    """Surname, first name and patronymic from three columns or one «ФИО» column; a missing
    surname or first name, initials instead of a name, or digits in it are row errors."""
    surname = cells.parse("surname", normalize.name)
    first_name = cells.parse("first_name", normalize.name)
    patronymic = cells.parse("patronymic", normalize.patronymic)
    name_field = "surname"
    if surname is None and first_name is None and "full_name" in cells.match.columns:
        name_field = "full_name"
        surname, first_name, patronymic = split_full_name(cells.text("full_name"))
    if surname is None:
        cells.fail(name_field, "missing_surname")
    if first_name is None:
        cells.fail(name_field if name_field == "full_name" else "first_name", "missing_first_name")
    for part_field, part in (
        ("surname", surname),
        ("first_name", first_name),
        ("patronymic", patronymic),
    ):
        if part is not None and len(part) > max_length("participant", part_field):
            cells.fail(name_field if name_field == "full_name" else part_field, "too_long", part)
        elif part is not None and _bad_name_part(part):
            column = name_field if name_field == "full_name" else part_field
            reason = "initials_only" if normalize.is_initials(part) else "bad_name"
            cells.fail(column, reason, part)
    return surname, first_name, patronymic


def split_full_name(raw: str) -> tuple[str | None, str | None, str | None]:
    """«Мамедов Эльчин Гусейн оглы» → («Мамедов», «Эльчин», «Гусейн оглы»); surname first."""
    words = (normalize.name(raw.replace(",", " ")) or "").split()
    surname = words[0] if words else None
    first_name = words[1] if len(words) > 1 else None
    patronymic = " ".join(words[2:]) or None
    return surname, first_name, patronymic


def _bad_name_part(part: str) -> bool:
    """Digits, «@», slashes (a shifted column) or no letter at all; or initials."""
    if _NOT_A_NAME_RE.search(part) or not _LETTER_RE.search(part):
        return True
    return normalize.is_initials(part)
