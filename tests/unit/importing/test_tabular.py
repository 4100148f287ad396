"""Reading CSV/TSV/XLSX files as exported in the wild (smm_event.importing.tabular)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from smm_event.errors import UserError
from smm_event.importing.tabular import (
    IGNORED,
    detect_delimiter,
    header_key,
    match_columns,
    read_records,
    read_table,
)

ROWS = [["Фамилия", "Имя", "Телефон"], ["Ёлкина", "Алёна", "8 (928) 123-45-67"]]


def write_text(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def cells_of(path: Path) -> list[tuple[str, ...]]:
    return [record.cells for record in read_records(path)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_delimiter_reads_back_the_same_cells(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    text = "\r\n".join(delimiter.join(row) for row in ROWS) + "\r\n"
    path = write_text(tmp_path / "roster.csv", text, encoding)
    assert cells_of(path) == [tuple(row) for row in ROWS]


def test_quoted_cells_with_delimiters_and_newlines_count_as_one_spreadsheet_row(
    tmp_path: Path,
) -> None:
    text = 'ФИО,Организация\n"Иванов Иван","АНО ""Свет, добро""\nфилиал"\nПетров Пётр,НКО\n'
    path = write_text(tmp_path / "forms.csv", text, "utf-8")
    records = read_records(path)
    assert [record.row_number for record in records] == [1, 2, 3]
    assert records[1].cells == ("Иванов Иван", 'АНО "Свет, добро"\nфилиал')


def test_excel_sep_line_names_the_delimiter_and_shifts_row_numbers(tmp_path: Path) -> None:
    path = write_text(tmp_path / "excel.csv", "sep=;\nФИО;Балл\nИванов Иван;85,5\n", "cp1251")
    records = read_records(path)
    assert [(r.row_number, r.cells) for r in records] == [
        (2, ("ФИО", "Балл")),
        (3, ("Иванов Иван", "85,5")),
    ]


def test_a_tab_sep_line_works_and_a_strange_one_is_data(tmp_path: Path) -> None:
    path = write_text(tmp_path / "tab.csv", "sep=\t\r\nФИО\tБалл\r\n", "utf-8")
    assert [(r.row_number, r.cells) for r in read_records(path)] == [(2, ("ФИО", "Балл"))]
    path = write_text(tmp_path / "odd.csv", 'sep="\nФИО\n', "utf-8")
    assert cells_of(path) == [('sep="',), ("ФИО",)]


def test_delimiter_falls_back_to_counting_the_header_when_sniffing_fails() -> None:
    # Quoted comma-separated words inside a cell fool csv.Sniffer into picking «,».
    text = 'Фамилия;Имя;Теги\nИванов;Иван;"smm","vk"\nПетров;Пётр;"tg","ok"\n'
    assert csv.Sniffer().sniff(text, ";,\t").delimiter == ","
    assert detect_delimiter(text) == ";"
    # Even when the header itself holds a (quoted) comma.
    assert detect_delimiter('"Фамилия, имя";Теги\n' + text.split("\n", 1)[1]) == ";"
    assert detect_delimiter("Фамилия, имя, отчество;Пол;Телефон\nа;б;в\n") == ";"
    assert detect_delimiter("ФИО\tПол\n") == "\t"
    assert detect_delimiter("ФИО\n") == ","


def test_cells_are_trimmed_and_trailing_empty_cells_dropped(tmp_path: Path) -> None:
    path = write_text(tmp_path / "a.csv", "ФИО;Пол;;\n  Иванов Иван\u00a0; м ;;\n;;;\n", "utf-8")
    assert cells_of(path) == [("ФИО", "Пол"), ("Иванов Иван", "м"), ()]


def test_xlsx_numbers_dates_and_blanks_become_the_text_a_user_sees(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Телефон", "Балл", "Дата", "Время", "Согласие", "Пусто"])
    sheet.append(
        [89281234567, 85.5, dt.datetime(2024, 5, 12), dt.datetime(2024, 5, 12, 9, 30), True, None]
    )
    sheet.append([9281234567.0, 70, dt.date(2024, 5, 13), None, False, None])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    assert cells_of(path) == [
        ("Телефон", "Балл", "Дата", "Время", "Согласие", "Пусто"),
        ("89281234567", "85.5", "2024-05-12", "2024-05-12 09:30:00", "true"),
        ("9281234567", "70", "2024-05-13", "", "false"),
    ]


def test_xlsx_renamed_to_csv_is_still_read_as_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["ФИО"])
    book.active.append(["Иванов Иван"])
    path = tmp_path / "actually_xlsx.csv"
    book.save(path)
    assert cells_of(path) == [("ФИО",), ("Иванов Иван",)]


def test_xlsx_row_numbers_follow_the_sheet_including_gaps(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Список участников"
    sheet["A3"] = "Фамилия"
    sheet["B3"] = "Имя"
    sheet["A7"] = "Иванов"
    sheet["B7"] = "Иван"
    path = tmp_path / "gaps.xlsx"
    book.save(path)
    table = read_table(path, lambda text: header_key(text) in {"фамилия", "имя"})
    assert table.header == ("Фамилия", "Имя")
    assert table.header_row == 3
    assert [(r.row_number, r.cells) for r in table.records] == [(7, ("Иванов", "Иван"))]


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _valid_xlsx_bytes(tmp_path: Path) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["ФИО"])
    book.save(tmp_path / "ok.xlsx")
    return (tmp_path / "ok.xlsx").read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("roster.xlsx", b"Fake,CSV\n1,2\n", "bad_zip"),
        ("roster.xlsx", b"PK\x03\x04" + b"\x00" * 100, "bad_xlsx"),
        ("roster.xlsx", _zip_bytes({"hello.txt": b"hi"}), "bad_xlsx"),
        ("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "legacy_xls"),
        ("roster.csv", bytes(range(256)) * 4, "binary"),
        ("roster.csv", b"\x00\x01\x02binary\x00", "binary"),
    ],
)
def test_damaged_files_are_a_user_error_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_records(path)
    assert caught.value.code == "unreadable_file"
    assert caught.value.params == {"path": str(path), "reason": reason}


def test_truncated_xlsx_is_unreadable(tmp_path: Path) -> None:
    data = _valid_xlsx_bytes(tmp_path)
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError) as caught:
        read_records(path)
    assert caught.value.params["reason"] == "bad_xlsx"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \r\n;;;\r\n\t\r\n"])
def test_an_empty_file_is_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_table(path)
    assert caught.value.code == "empty_file"


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        read_records(tmp_path / "nope.csv")
    assert caught.value.params["reason"] == "os_error"


def test_no_known_header_in_the_leading_rows_is_unreadable(tmp_path: Path) -> None:
    path = write_text(tmp_path / "junk.csv", "a;b\n1;2\n", "utf-8")
    with pytest.raises(UserError) as caught:
        read_table(path, lambda text: text == "ФИО")
    assert caught.value.params["reason"] == "no_header"


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("E-mail", "email"),
        ("Ф.И.О.", "фио"),
        ("ФИО (полностью)", "фио"),
        ("Укажите ваш номер телефона:", "номертелефона"),
        ("Фамилия*", "фамилия"),
        ("  Балл входного теста [0-100] ", "баллвходноготеста"),
        ("Ваша", "ваша"),  # a header made only of filler words keeps them
    ],
)
def test_header_key_folds_decoration_away(header: str, key: str) -> None:
    assert header_key(header) == key


def test_match_columns_takes_the_first_column_and_lists_the_rest() -> None:
    fields = {"фамилия": "surname", "email": "email", "отметкавремени": IGNORED}
    header = ("Отметка времени", "Фамилия", "E-mail", "", "Email", "Любимый цвет")
    match = match_columns(header, fields.get)
    assert match.columns == {"surname": 1, "email": 2}
    assert match.ignored == ("Email", "Любимый цвет")
    assert match.texts(("t", "Иванов")) == {"surname": "Иванов", "email": ""}
    assert match.texts(("t", "Иванов", "a@b.ru")) == {"surname": "Иванов", "email": "a@b.ru"}
