"""Roster files in every real-world shape (smm_event.importing.roster_rows)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smm_event.errors import UserError
from smm_event.importing import RosterParse, RosterRow, RowError, parse_roster

DATA = Path(__file__).resolve().parents[2] / "data" / "roster"


def errors_by_row(parse: RosterParse) -> dict[int, list[tuple[str | None, str, str | None]]]:
    found: dict[int, list[tuple[str | None, str, str | None]]] = {}
    for error in parse.errors:
        found.setdefault(error.row_number, []).append((error.column, error.reason, error.value))
    return found


def test_google_forms_csv() -> None:
    parse = parse_roster(DATA / "google_forms.csv")
    assert parse.errors == ()
    assert parse.ignored_columns == ("Откуда вы узнали о программе?",)  # Timestamp is not listed
    first = parse.rows[0]
    assert first == RosterRow(
        row_number=2, surname="Иванов", first_name="Иван", patronymic="Иванович",
        gender="male", organization='АНО "Центр, который помогает"', position="директор",
        region="Ставропольский край", phone="+79281234567", email="ivanov@mail.ru",
        consent=True, consent_date=None, entry_score=None, exit_score=None, notes=None,
    )  # fmt: skip
    by_surname = {row.surname: row for row in parse.rows}
    assert set(by_surname) == {"Иванов", "Салтыков-Щедрин", "Мамедов", "Ёлкина"}
    assert by_surname["Мамедов"].patronymic == "Гусейн оглы"
    assert by_surname["Ёлкина"].first_name == "Алёна"
    assert by_surname["Ёлкина"].patronymic is None  # «-» in a required form field
    assert by_surname["Ёлкина"].position == "координатор волонтёров"  # a two-line cell
    assert by_surname["Ёлкина"].gender == "female"
    assert [row.row_number for row in parse.rows] == [2, 3, 4, 5]


def test_excel_cp1251_semicolon_with_full_name_column_and_bad_rows() -> None:
    parse = parse_roster(DATA / "excel_cp1251.csv")
    assert [row.row_number for row in parse.rows] == [2, 3]
    petrova, kuznetsov = parse.rows
    assert (petrova.surname, petrova.first_name, petrova.patronymic) == (
        "Петрова", "Анна", "Сергеевна",
    )  # fmt: skip
    assert petrova.consent_date == dt.date(2024, 5, 12)
    assert petrova.entry_score == 87.5
    assert petrova.region == "Ставропольский край"
    assert (kuznetsov.first_name, kuznetsov.patronymic, kuznetsov.consent) == ("Олег", None, False)
    # Row 7 is blank and skipped; every other row is accounted for with its own errors.
    assert errors_by_row(parse) == {
        4: [("ФИО", "missing_first_name", None)],
        5: [("Телефон", "bad_phone", "8 (928) 12-34")],
        6: [("E-mail", "bad_email", "aliyeva@example")],
        8: [("E-mail", "duplicate_in_file", "PETROVA@example.org")],
        9: [
            ("Дата согласия", "bad_date", "31.02.2024"),
            ("Балл входного теста", "bad_score", "120"),
        ],
        10: [("ФИО", "initials_only", "И.И.")],
    }


def test_utf8_bom_semicolon_with_apostrophes_and_hyphens() -> None:
    parse = parse_roster(DATA / "excel_utf8_bom.csv")
    assert parse.errors == ()
    assert [(r.surname, r.first_name, r.phone) for r in parse.rows] == [
        ("Гогичайшвили", "Нино", "+79381112233"),
        ("О'Коннор", "Патрик", "+79381112234"),
        ("Тер-Петросян", "Арам", "+79381112235"),
    ]


def test_tab_separated() -> None:
    parse = parse_roster(DATA / "roster.tsv")
    assert [(r.surname, r.phone, r.entry_score) for r in parse.rows] == [
        ("Абрамян", "+79280001122", 73.5),
        ("Дзуцева", "+79280001123", 91.0),
    ]


def test_xlsx_with_three_name_columns_numeric_phones_and_a_title_row() -> None:
    parse = parse_roster(DATA / "three_names.xlsx")
    assert parse.ignored_columns == ("№",)
    assert [(r.row_number, r.surname, r.first_name, r.phone) for r in parse.rows] == [
        (4, "Хаджиева", "Мадина", "+79287770001"),
        (5, "Беридзе", "Георгий", "+79287770002"),
        (6, "Ли", "Ян", "+79287770003"),
    ]
    khadzhieva, beridze, _ = parse.rows
    assert (khadzhieva.consent, khadzhieva.consent_date) == (True, dt.date(2024, 5, 12))
    assert (beridze.entry_score, beridze.consent_date) == (55.5, dt.date(2024, 5, 13))
    assert errors_by_row(parse) == {
        7: [("Имя", "missing_first_name", None), ("Балл входного теста", "bad_score", "101")],
    }


def test_english_headers() -> None:
    parse = parse_roster(DATA / "english.csv")
    assert parse.errors == () and parse.ignored_columns == ()
    kozlova, bekov = parse.rows
    assert kozlova == RosterRow(
        row_number=2, surname="Kozlova", first_name="Maria", patronymic=None, gender="female",
        organization="Hope Foundation", position="PR manager", region="Adygea",
        phone="+79283334455", email="maria@example.org", consent=True,
        consent_date=dt.date(2024, 5, 12), entry_score=64.5, exit_score=88.0, notes=None,
    )  # fmt: skip
    assert (bekov.gender, bekov.consent, bekov.notes) == ("male", False, "late registration")


def test_same_phone_written_differently_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(
        "ФИО;Телефон\nИванов Иван;8 928 123 45 67\nПетров Пётр;+7(928)1234567\n", encoding="utf-8"
    )
    parse = parse_roster(path)
    assert [row.surname for row in parse.rows] == ["Иванов"]
    assert parse.errors == (RowError(3, "Телефон", "duplicate_in_file", "+7(928)1234567"),)


def test_a_file_without_name_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no_names.csv"
    path.write_text("Телефон;Email\n89281234567;a@b.ru\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        parse_roster(path)
    assert caught.value.code == "unreadable_file"
    assert caught.value.params["reason"] == "no_name_columns"


def test_a_header_only_file_parses_to_nothing(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("Фамилия;Имя\n", encoding="utf-8")
    assert parse_roster(path) == RosterParse((), (), ())


# --- properties ------------------------------------------------------------------------------

HEADER = ["Фамилия", "Имя", "Отчество", "Телефон", "Email", "Согласие", "Балл входного теста"]
# Control characters cannot live in XLSX and make a CSV «binary»; everything else may appear.
CELL = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12)
ROW = st.lists(CELL, min_size=0, max_size=len(HEADER) + 2)


def _parses_or_refuses(path: Path) -> None:
    try:
        parse = parse_roster(path)
    except UserError as exc:
        assert exc.code in {"unreadable_file", "empty_file"}
        return
    assert isinstance(parse, RosterParse)


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=600),
    suffix=st.sampled_from([".csv", ".xlsx", ".tsv", ".txt"]),
    header=st.sampled_from([b"", ";".join(HEADER).encode() + b"\n", b"\xd4\xc8\xce\r\n"]),
)
def test_arbitrary_bytes_only_ever_raise_user_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, header: bytes
) -> None:
    # The header prefixes (UTF-8 and cp1251 «ФИО») get the junk past header detection.
    path = tmp_path_factory.mktemp("junk") / f"roster{suffix}"
    path.write_bytes(header + data)
    _parses_or_refuses(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(min_size=30, max_size=400), cut=st.integers(min_value=0, max_value=4000))
def test_damaged_xlsx_only_ever_raises_user_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, cut: int
) -> None:
    source = (DATA / "three_names.xlsx").read_bytes()
    start = cut % (len(source) - 1)
    path = tmp_path_factory.mktemp("damaged") / "roster.xlsx"
    path.write_bytes(source[:start] + data + source[start + len(data) :])
    _parses_or_refuses(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(keep=st.integers(min_value=0, max_value=3000), junk=st.binary(max_size=50))
def test_xlsx_with_broken_sheet_xml_only_ever_raises_user_error(
    tmp_path_factory: pytest.TempPathFactory, keep: int, junk: bytes
) -> None:
    # A well-formed zip whose sheet XML is cut short: openpyxl fails lazily, while iterating.
    path = tmp_path_factory.mktemp("xml") / "roster.xlsx"
    with zipfile.ZipFile(DATA / "three_names.xlsx") as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = content[:keep] + junk
            target.writestr(name, content)
    _parses_or_refuses(path)


def _expected_rows(rows: list[list[str]]) -> set[int]:
    return {number for number, row in enumerate(rows, start=2) if any(c.strip() for c in row)}


def _accounted_rows(parse: RosterParse) -> set[int]:
    in_rows = {row.row_number for row in parse.rows}
    in_errors = {error.row_number for error in parse.errors}
    assert not in_rows & in_errors, "a row is either imported or reported, never both"
    return in_rows | in_errors


@settings(max_examples=120, deadline=None)
@given(rows=st.lists(ROW, max_size=8), delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig"]))  # fmt: skip
def test_every_non_blank_csv_row_is_imported_or_reported(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *rows])
    path = tmp_path_factory.mktemp("cells") / "roster.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    assert _accounted_rows(parse_roster(path)) == _expected_rows(rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, max_size=6))
def test_every_non_blank_xlsx_row_is_imported_or_reported(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row_index, row in enumerate([HEADER, *rows], start=1):
        for column_index, text in enumerate(row, start=1):
            cell = sheet.cell(row_index, column_index)
            cell.value = text
            cell.data_type = "s"  # «=…» is text here, not a formula without a cached value
    path = tmp_path_factory.mktemp("cells") / "roster.xlsx"
    book.save(path)
    assert _accounted_rows(parse_roster(path)) == _expected_rows(rows)
