from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smm_event.text.dates_ru import (
    MONTHS_GENITIVE,
    format_date_range_ru,
    format_date_ru,
    format_days_ru,
    format_hours_ru,
    format_number_ru,
    plural_ru,
)

D = dt.date


def test_single_date() -> None:
    assert format_date_ru(D(2026, 5, 12)) == "12 мая 2026 года"
    assert format_date_ru(D(2026, 1, 1)) == "1 января 2026 года"
    assert format_date_ru(D(2024, 2, 29)) == "29 февраля 2024 года"


def test_every_month_is_genitive_and_unabbreviated() -> None:
    got = [format_date_ru(D(2026, month, 3)).split()[1] for month in range(1, 13)]
    assert got == [
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
    ]
    assert all("." not in name for name in MONTHS_GENITIVE)


def test_datetime_is_accepted_as_a_date() -> None:
    assert format_date_ru(dt.datetime(2026, 6, 2, 18, 30)) == "2 июня 2026 года"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 5, 12), D(2026, 5, 15), "12\u201315 мая 2026 года"),
        (D(2026, 5, 12), D(2026, 5, 13), "12\u201313 мая 2026 года"),
        (D(2026, 5, 1), D(2026, 5, 31), "1\u201331 мая 2026 года"),
        (D(2026, 5, 30), D(2026, 6, 2), "с 30 мая по 2 июня 2026 года"),
        (D(2026, 2, 27), D(2026, 3, 2), "с 27 февраля по 2 марта 2026 года"),
        (D(2026, 1, 10), D(2026, 11, 20), "с 10 января по 20 ноября 2026 года"),
        (D(2026, 12, 30), D(2027, 1, 2), "с 30 декабря 2026 года по 2 января 2027 года"),
        (D(2026, 5, 12), D(2026, 5, 12), "12 мая 2026 года"),
    ],
)
def test_date_range(start: dt.date, end: dt.date, expected: str) -> None:
    assert format_date_range_ru(start, end) == expected


def test_same_month_range_uses_an_en_dash_without_spaces() -> None:
    text = format_date_range_ru(D(2026, 9, 7), D(2026, 9, 10))
    assert "\u2013" in text and "-" not in text and " \u2013" not in text


def test_reversed_range_is_rejected() -> None:
    with pytest.raises(ValueError):
        format_date_range_ru(D(2026, 5, 15), D(2026, 5, 12))


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 часов"),
        (1, "1 час"),
        (2, "2 часа"),
        (3, "3 часа"),
        (4, "4 часа"),
        (5, "5 часов"),
        (10, "10 часов"),
        (11, "11 часов"),
        (12, "12 часов"),
        (13, "13 часов"),
        (14, "14 часов"),
        (15, "15 часов"),
        (19, "19 часов"),
        (20, "20 часов"),
        (21, "21 час"),
        (22, "22 часа"),
        (24, "24 часа"),
        (25, "25 часов"),
        (31, "31 час"),
        (100, "100 часов"),
        (101, "101 час"),
        (102, "102 часа"),
        (111, "111 часов"),
        (112, "112 часов"),
        (113, "113 часов"),
        (114, "114 часов"),
        (121, "121 час"),
        (122, "122 часа"),
        (1001, "1001 час"),
        (1011, "1011 часов"),
    ],
)
def test_hours_plural_forms(n: int, expected: str) -> None:
    assert format_hours_ru(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1.5, "1,5 часа"),
        (0.5, "0,5 часа"),
        (2.25, "2,25 часа"),
        (11.5, "11,5 часа"),
        (21.5, "21,5 часа"),
        (Decimal("1.50"), "1,5 часа"),
        (24.0, "24 часа"),
        (Decimal("5.000"), "5 часов"),
        (1.1, "1,1 часа"),
    ],
)
def test_fractional_and_float_hours(n: float | Decimal, expected: str) -> None:
    assert format_hours_ru(n) == expected


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), Decimal("-0.5")])
def test_bad_hours_are_rejected(bad: float | Decimal) -> None:
    with pytest.raises(ValueError):
        format_hours_ru(bad)


def test_number_and_plural_helpers() -> None:
    assert format_number_ru(Decimal("12.340")) == "12,34"
    assert format_number_ru(7) == "7"
    forms = ("день", "дня", "дней")
    assert [plural_ru(n, *forms) for n in (1, 3, 7, 11, 14, 21, 104, 111)] == [
        "день",
        "дня",
        "дней",
        "дней",
        "дней",
        "день",
        "дня",
        "дней",
    ]


D = dt.date


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([D(2026, 12, 13), D(2026, 12, 10), D(2026, 12, 12), D(2026, 12, 11)], "10–13 декабря"),
        ([D(2026, 12, 10), D(2026, 12, 11), D(2026, 12, 14)], "10–11 и 14 декабря"),
        ([D(2026, 12, 10), D(2026, 12, 12), D(2026, 12, 14)], "10, 12 и 14 декабря"),
        ([D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 2)], "30 ноября – 2 декабря"),
        ([D(2026, 11, 29), D(2026, 12, 1), D(2026, 12, 2)], "29 ноября и 1–2 декабря"),
        ([D(2026, 12, 31), D(2027, 1, 1)], "31 декабря – 1 января"),
        ([D(2026, 5, 12), D(2026, 5, 12)], "12 мая"),
        ([], ""),
    ],
)
def test_stream_days_as_the_desk_says_them(days: list[dt.date], expected: str) -> None:
    assert format_days_ru(days) == expected
