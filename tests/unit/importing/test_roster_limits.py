"""A roster cell longer than its column is a row error (the rest imports), and invisible
characters pasted into names are removed: the file cannot put into the log what PostgreSQL
would refuse at the next push."""

from __future__ import annotations

from pathlib import Path

from smm_event.importing.roster_rows import parse_roster


def test_too_long_cells_are_row_errors_and_invisible_characters_go(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "Фамилия;Имя;Организация;Должность\n"
        f"Иванова;Анна;{'О' * 501};Директор\n"
        f"{'Ф' * 201};Пётр;НКО;\n"
        "Пет\u202eрова;Ма\u200bрия;\ufeffНКО «Свет»;\n",
        encoding="utf-8",
    )
    parse = parse_roster(path)
    assert [(e.row_number, e.column, e.reason) for e in parse.errors] == [
        (2, "Организация", "too_long"),
        (3, "Фамилия", "too_long"),
    ]
    (row,) = parse.rows
    assert (row.surname, row.first_name, row.organization) == ("Петрова", "Мария", "НКО «Свет»")
