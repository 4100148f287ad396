"""Parse a reach file: the NGO's own statistics export or the table the organizers fill.
One row per account and window: organization, platform, account (a link or @name), the
window's first and last day, and the reach. Platform names are folded to vk/telegram/ok/…"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from smm_event.errors import UserError
from smm_event.importing import normalize
from smm_event.importing.roster_rows import ROSTER_HEADERS, RowCells, RowError, synonym_lookup
from smm_event.importing.tabular import IGNORED, header_key, match_columns, read_table

REACH_HEADERS = {
    "organization": ROSTER_HEADERS["organization"],
    "platform": "Платформа | Соцсеть | Социальная сеть | Площадка | platform | network",
    "handle": "Аккаунт | Ссылка | Ссылка на аккаунт | Сообщество | Канал | Страница | account"
    " | link | url | handle",
    "period_from": "Период с | С | Начало периода | Дата начала | from | start",
    "period_to": "Период по | По | Конец периода | Дата окончания | to | end",
    "reach": "Охват | Охват за период | Средний охват | Просмотры | reach | views",
    IGNORED: "Отметка времени | Timestamp | № | N",
}
_LOOKUP = synonym_lookup(REACH_HEADERS)
PLATFORMS = {
    "vk": "vk", "вк": "vk", "вконтакте": "vk", "vkontakte": "vk",
    "telegram": "telegram", "телеграм": "telegram", "телеграмм": "telegram", "tg": "telegram",
    "ok": "ok", "ок": "ok", "одноклассники": "ok", "odnoklassniki": "ok",
    "дзен": "dzen", "dzen": "dzen", "rutube": "rutube", "рутуб": "rutube", "youtube": "youtube",
}  # fmt: skip
MAX_REACH = 1e10


@dataclass(frozen=True)
class ReachRow:
    row_number: int
    organization: str
    platform: str
    handle: str
    period_from: dt.date
    period_to: dt.date
    reach: float


def _reach(text: str) -> float | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise normalize.BadValue("bad_reach") from None
    if not 0 <= value <= MAX_REACH or value != value:
        raise normalize.BadValue("bad_reach")
    return value


def _platform(text: str) -> str:
    key = header_key(text)
    if key not in PLATFORMS:
        raise normalize.BadValue("bad_platform")
    return PLATFORMS[key]


def parse_reach(path: Path) -> tuple[tuple[ReachRow, ...], tuple[RowError, ...]]:
    table = read_table(path, lambda text: header_key(text) in _LOOKUP)
    match = match_columns(table.header, _LOOKUP.get)
    missing = {"organization", "platform", "handle", "period_from", "period_to", "reach"} - set(
        match.columns
    )
    if missing:
        raise UserError(
            "unreadable_file", path=str(path), reason="missing_columns:" + ",".join(sorted(missing))
        )
    rows: list[ReachRow] = []
    errors: list[RowError] = []
    for record in table.records:
        cells = RowCells(match, table.header, record)
        values = {
            "organization": cells.parse("organization", normalize.clean_text),
            "platform": cells.parse("platform", _platform),
            "handle": cells.parse("handle", normalize.clean_text),
            "period_from": cells.parse("period_from", normalize.date),
            "period_to": cells.parse("period_to", normalize.date),
            "reach": cells.parse("reach", _reach),
        }
        for name, value in values.items():
            if value is None and not cells.text(name):
                cells.fail(name, "missing_value")
        start, end = values["period_from"], values["period_to"]
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            cells.fail("period_to", "period_reversed", cells.text("period_to"))
        if cells.errors:
            errors.extend(cells.errors)
            continue
        rows.append(ReachRow(cells.row_number, **values))  # type: ignore[arg-type]
    return tuple(rows), tuple(errors)
