"""Cell normalization for imports (smm_event.importing.normalize)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.importing import normalize
from smm_event.importing.normalize import BadValue


def reason_of(parser: Callable[[str], object], raw: str) -> str:
    with pytest.raises(BadValue) as caught:
        parser(raw)
    return caught.value.reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 (928) 123-45-67", "+79281234567"),
        ("+7 928 123 45 67", "+79281234567"),
        ("+7(928)1234567", "+79281234567"),
        ("7 928 123-45-67", "+79281234567"),
        ("9281234567", "+79281234567"),
        ("89281234567", "+79281234567"),
        ("928.123.45.67", "+79281234567"),
        ("8 8652 12-34-56", "+78652123456"),  # Stavropol landline
        ("+374 91 123456", "+37491123456"),
        (
            "'+79281234567",
            "+79281234567",
        ),  # Excel's text prefix  # an explicit foreign number is kept
        ("  ", None),
        ("", None),
    ],
)
def test_phone_normalises_the_ways_people_write_russian_numbers(
    raw: str, expected: str | None
) -> None:
    assert normalize.phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "8 (928) 12-34",
        "123",
        "+8 928 123 45 67",
        "8 928 123 45 67 доб. 1",
        "нет",
        "7,93E+10",
        "89281234567, 89281234568",
        "0281234567",
    ],
)
def test_phone_refuses_what_is_not_a_number(raw: str) -> None:
    assert reason_of(normalize.phone, raw) == "bad_phone"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 +()-.8a"), max_size=20))
def test_phone_result_is_always_e164_or_a_bad_phone(raw: str) -> None:
    try:
        result = normalize.phone(raw)
    except BadValue as exc:
        assert exc.reason == "bad_phone"
        return
    assert result is None or re.fullmatch(r"\+7\d{10}|\+[1-69]\d{9,14}", result)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" Ivanov@Mail.RU ", "ivanov@mail.ru"),
        ("<anna.k@example.org>", "anna.k@example.org"),
        ("mailto:a_b+tag@sub.example.com", "a_b+tag@sub.example.com"),
        ("ivan@почта.рф", "ivan@почта.рф"),
        ("", None),
    ],
)
def test_email_is_stripped_and_lower_cased(raw: str, expected: str | None) -> None:
    assert normalize.email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "ivanov@mail",
        "ivanov@mail,ru",
        "ivanov mail.ru",
        "a@b.ru, c@d.ru",
        "a..b@mail.ru",
        "@x.ru",
        "ivanov@mail.ru.",
    ],
)
def test_email_refuses_malformed_addresses(raw: str) -> None:
    assert reason_of(normalize.email, raw) == "bad_email"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  иванов   иван ", "Иванов Иван"),
        ("салтыков-щедрин", "Салтыков-Щедрин"),
        ("САЛТЫКОВ-ЩЕДРИН", "Салтыков-Щедрин"),
        ("Салтыков-щедрин", "Салтыков-Щедрин"),
        ("д'артаньян", "Д'Артаньян"),
        ("о’коннор", "О’Коннор"),
        ("дар'я", "Дар'я"),  # the apostrophe is a hard sign here, not a prefix
        ("ёлкина", "Ёлкина"),
        ("МакДональд", "МакДональд"),  # deliberate inner capital kept
        ("иВАНОВ", "Иванов"),  # caps lock
        ("гусейн ОГЛЫ", "Гусейн оглы"),
        ("рашид кызы", "Рашид кызы"),
        ("", None),
    ],
)
def test_name_capitalises_each_part(raw: str, expected: str | None) -> None:
    assert normalize.name(raw) == expected


@pytest.mark.parametrize("raw", ["-", "—", "нет", "Нет отчества", "отсутствует", ""])
def test_patronymic_placeholders_mean_none(raw: str) -> None:
    assert normalize.patronymic(raw) is None


def test_initials_are_recognised_but_short_names_are_not() -> None:
    assert all(normalize.is_initials(text) for text in ["И", "И.", "И.И.", "И. И."])
    assert not any(normalize.is_initials(text) for text in ["Ли", "Ян", "Ия", "Ю1"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("М", "male"),
        ("муж", "male"),
        ("Мужской", "male"),
        ("male", "male"),
        ("m", "male"),
        ("Ж", "female"),
        ("жен.", "female"),
        ("Женский", "female"),
        ("F", "female"),
        ("", None),
        ("не указан", None),
    ],
)
def test_gender(raw: str, expected: str | None) -> None:
    assert normalize.gender(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("да", True),
        ("Да", True),
        ("yes", True),
        ("TRUE", True),
        ("1", True),
        ("+", True),
        ("✓", True),
        ("Согласен(на)", True),
        ("Согласна", True),
        ("Даю согласие на обработку персональных данных", True),
        ("I agree", True),
        ("нет", False),
        ("no", False),
        ("false", False),
        ("0", False),
        ("-", False),
        ("−", False),
        ("Не согласен", False),
        ("", None),
    ],
)
def test_consent(raw: str, expected: bool | None) -> None:
    assert normalize.consent(raw) is expected


def test_consent_refuses_an_answer_it_cannot_read() -> None:
    assert reason_of(normalize.consent, "может быть") == "bad_consent"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("85", 85.0),
        ("85,5", 85.5),
        ("85.5", 85.5),
        (" 100 ", 100.0),
        ("0", 0.0),
        ("90 %", 90.0),
        ("17 / 20", 85.0),
        ("7 из 10", 70.0),
        ("", None),
    ],
)
def test_score(raw: str, expected: float | None) -> None:
    assert normalize.score(raw) == expected


@pytest.mark.parametrize("raw", ["101", "-1", "100,01", "сто", "nan", "inf", "21 / 20", "5/0"])
def test_score_refuses_out_of_range_and_non_numbers(raw: str) -> None:
    assert reason_of(normalize.score, raw) == "bad_score"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_score_is_within_range_or_bad(raw: str) -> None:
    try:
        value = normalize.score(raw)
    except BadValue as exc:
        assert exc.reason == "bad_score"
        return
    assert value is None or 0.0 <= value <= 100.0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.05.2024", dt.date(2024, 5, 12)),
        ("12.05.24", dt.date(2024, 5, 12)),
        ("2024-05-12", dt.date(2024, 5, 12)),
        ("2024-05-12 14:33:10", dt.date(2024, 5, 12)),
        ("12.05.2024 14:33:10", dt.date(2024, 5, 12)),
        ("12/05/2024", dt.date(2024, 5, 12)),
        ("5/13/2024", dt.date(2024, 5, 13)),  # US Google Forms locale: only month-first fits
        ("12 мая 2024 г.", dt.date(2024, 5, 12)),
        ("1 марта 2024 года", dt.date(2024, 3, 1)),
        ("45424", dt.date(2024, 5, 12)),  # Excel serial day
        ("", None),
    ],
)
def test_date(raw: str, expected: dt.date | None) -> None:
    assert normalize.date(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.2024", "вчера", "12.13.2024", "1 мартобря 2024", "99999"])
def test_date_refuses_impossible_dates(raw: str) -> None:
    assert reason_of(normalize.date, raw) == "bad_date"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_every_parser_returns_or_raises_bad_value(raw: str) -> None:
    parsers: list[Callable[[str], object]] = [
        normalize.phone,
        normalize.email,
        normalize.name,
        normalize.patronymic,
        normalize.gender,
        normalize.consent,
        normalize.score,
        normalize.date,
        normalize.clean_text,
    ]
    for parser in parsers:
        with contextlib.suppress(BadValue):
            parser(raw)
