"""Rows of a form export (Google Forms / Yandex Forms, CSV or XLSX) split into who answered
(e-mail, phone, name: matched to a participant by the services like the score import) and
everything else by column: the quiz total, per-topic scores, survey context and questions.

Topic columns are named «Тема: …» / «Topic: …» (the organizers add the prefix when they set
up the quiz); a cell is a 0..100 score or «3 / 5». Survey context columns (stream, day,
session, trainer) are optional; every other column is a question.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.importing.roster_rows import (
    ROSTER_HEADERS,
    RowCells,
    RowError,
    person_name,
    synonym_lookup,
)
from smm_event.importing.score_rows import SCORE_HEADERS
from smm_event.importing.tabular import IGNORED, header_key, match_columns, read_table

IDENTITY = ("surname", "first_name", "patronymic", "full_name", "phone", "email")
CONTEXT_HEADERS = {
    "stream": "Поток | Номер потока | Ваш поток | stream",
    "day": "День | Дата | Дата занятия | День обучения | day | date",
    "session": "Занятие | Сессия | Название занятия | session",
    "trainer": "Тренер | Спикер | Преподаватель | Эксперт | trainer | speaker",
    "submitted_at": "Отметка времени | Timestamp | Время ответа | Дата и время",
}
_LOOKUP = synonym_lookup(
    {**{f: ROSTER_HEADERS[f] for f in IDENTITY}, **CONTEXT_HEADERS, "score": SCORE_HEADERS["score"]}
)
_TOPIC_RE = re.compile(r"^\s*(?:тема|topic)\s*[:.№\-–—]\s*(.+?)\s*$", re.IGNORECASE)
MAX_QUESTIONS = 120


@dataclass(frozen=True)
class FormRow:
    row_number: int
    email: str | None
    phone: str | None
    full_name: str | None
    score: float | None
    topics: dict[str, float | None]
    context: dict[str, str]
    answers: dict[str, str] = field(default_factory=dict)
    submitted_at: dt.datetime | None = None


@dataclass(frozen=True)
class FormParse:
    rows: tuple[FormRow, ...]
    errors: tuple[RowError, ...]
    topics: tuple[str, ...]
    questions: tuple[str, ...]


def topic_name(header: str) -> str | None:
    match = _TOPIC_RE.match(header)
    return match.group(1) if match else None


def _classify(key: str) -> str | None:
    return _LOOKUP.get(key)


def parse_form(path: Path) -> FormParse:
    table = read_table(path, lambda text: _classify(header_key(text)) is not None)
    match = match_columns(table.header, _classify)
    columns = match.columns
    if not (
        {"email", "phone", "full_name"} & set(columns) or {"surname", "first_name"} <= set(columns)
    ):
        raise UserError("unreadable_file", path=str(path), reason="no_identity_columns")
    known = set(columns.values())
    topics: dict[int, str] = {}
    questions: dict[int, str] = {}
    for index, text in enumerate(table.header):
        if index in known or not text or _classify(header_key(text)) == IGNORED:
            continue
        name = topic_name(text)
        if name is not None:
            topics[index] = name
        else:
            questions[index] = text
    if len(questions) > MAX_QUESTIONS:
        raise UserError("unreadable_file", path=str(path), reason="too_many_columns")
    rows: list[FormRow] = []
    errors: list[RowError] = []
    for record in table.records:
        cells = RowCells(match, table.header, record)
        row = _row(cells, topics, questions)
        if cells.errors:
            errors.extend(cells.errors)
        else:
            rows.append(row)
    return FormParse(tuple(rows), tuple(errors), tuple(topics.values()), tuple(questions.values()))


def _row(cells: RowCells, topics: dict[int, str], questions: dict[int, str]) -> FormRow:
    email = cells.parse("email", normalize.email)
    phone = cells.parse("phone", normalize.phone)
    full_name = None
    if any(cells.text(f) for f in ("surname", "first_name", "full_name")):
        checked = (
            cells if not (email or phone) else RowCells(cells.match, cells.header, cells.record)
        )
        full_name = " ".join(p for p in person_name(checked) if p) or None
    if not (email or phone or full_name) and not any(cells.text(f) for f in ("email", "phone")):
        cells.fail("email" if "email" in cells.match.columns else "full_name", "missing_identity")
    raw = cells.record.cells
    values = {index: (raw[index] if index < len(raw) else "") for index in (*topics, *questions)}
    topic_scores: dict[str, float | None] = {}
    for index, name in topics.items():
        try:
            topic_scores[name] = normalize.score(values[index])
        except normalize.BadValue as error:
            cells.errors.append(RowError(cells.row_number, name, error.reason, values[index]))
    stamp = cells.text("submitted_at")
    return FormRow(
        row_number=cells.row_number,
        email=email,
        phone=phone,
        full_name=full_name,
        score=cells.parse("score", normalize.score),
        topics=topic_scores,
        context={
            k: cells.text(k) for k in ("stream", "day", "session", "trainer") if cells.text(k)
        },
        answers={questions[i]: values[i] for i in questions if values[i]},
        submitted_at=_timestamp(stamp),
    )


def _timestamp(text: str) -> dt.datetime | None:
    """Google Forms writes «12.05.2026 14:03:11», Yandex ISO; a day alone is kept as midnight."""
    for pattern in (
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ):
        try:
            return dt.datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    try:
        day = normalize.date(text)
    except normalize.BadValue:
        return None
    return dt.datetime.combine(day, dt.time()) if day else None
