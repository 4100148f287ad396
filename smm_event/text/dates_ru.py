"""Russian dates, date ranges and hour counts as printed on certificates.

Written by hand rather than with Babel: Babel abbreviates month names in ranges that cross a
month boundary («30 мая – 2 июн. 2026 г.»), which is not acceptable on a formal document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)

EN_DASH = "\u2013"
_YEAR_WORD = "года"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for a whole number: 1 час, 2 часа, 5 часов, 11 часов, 21 час."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _day_month(d: dt.date) -> str:
    return f"{d.day} {MONTHS_GENITIVE[d.month - 1]}"


def format_date_ru(d: dt.date) -> str:
    """«12 мая 2026 года»."""
    return f"{_day_month(d)} {d.year} {_YEAR_WORD}"


def format_date_range_ru(start: dt.date, end: dt.date) -> str:
    """«12–15 мая 2026 года», «с 30 мая по 2 июня 2026 года»,
    «с 30 декабря 2026 года по 2 января 2027 года»; one day gives the plain date."""
    if end < start:
        raise ValueError(f"date range ends before it starts: {start} > {end}")
    if start == end:
        return format_date_ru(start)
    if start.year != end.year:
        return f"с {format_date_ru(start)} по {format_date_ru(end)}"
    if start.month != end.month:
        return f"с {_day_month(start)} по {_day_month(end)} {end.year} {_YEAR_WORD}"
    # The en dash between day numbers takes no spaces in Russian typography.
    return f"{start.day}{EN_DASH}{_day_month(end)} {end.year} {_YEAR_WORD}"


def _as_decimal(n: int | float | Decimal) -> Decimal:
    # str() first: Decimal(1.1) would carry the binary float error into the printed number.
    try:
        value = n if isinstance(n, Decimal) else Decimal(str(n))
    except InvalidOperation as error:
        raise ValueError(f"not a number of hours: {n!r}") from error
    if not value.is_finite() or value < 0:
        raise ValueError(f"not a number of hours: {n!r}")
    return value


def format_number_ru(n: int | float | Decimal) -> str:
    """A non-negative number with a decimal comma and no trailing zeros: 1.50 → «1,5»."""
    value = _as_decimal(n)
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def format_hours_ru(n: int | float | Decimal) -> str:
    """«1 час», «24 часа», «5 часов», «1,5 часа» (a fraction always takes the genitive singular)."""
    value = _as_decimal(n)
    number = format_number_ru(value)
    if value != value.to_integral_value():
        return f"{number} часа"
    return f"{number} {plural_ru(int(value), 'час', 'часа', 'часов')}"


def format_days_ru(days: Iterable[dt.date]) -> str:
    """A set of days as the desk says them, without the year: consecutive days become a range.

    «10–13 декабря»; «10–11 и 14 декабря»; «30 ноября – 2 декабря»; «10, 12 и 14 декабря».
    """
    runs = day_runs(days)
    parts: list[str] = []
    for index, (start, end) in enumerate(runs):
        following = runs[index + 1][0] if index + 1 < len(runs) else None
        # The month is said once for a group of runs in the same month: «10–11 и 14 декабря».
        same_month_next = following is not None and (following.year, following.month) == (
            end.year,
            end.month,
        )
        if start == end:
            text = str(start.day) if same_month_next else _day_month(start)
        elif start.month != end.month or start.year != end.year:
            text = f"{_day_month(start)} {EN_DASH} {_day_month(end)}"  # months always said
        else:
            text = f"{start.day}{EN_DASH}{end.day}"
            if not same_month_next:
                text += f" {MONTHS_GENITIVE[end.month - 1]}"
        parts.append(text)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " и " + parts[-1]


def day_runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days, (first, last), in order."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
