"""Exports read back: XLSX with openpyxl, CSV as Russian Excel reads it, and formula escaping."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from smm_event.errors import UserError
from smm_event.exporting.cells import csv_text, escape_formula, set_cell, write_csv
from smm_event.services import attendance
from smm_event.storage import changes
from smm_event.storage.models import Participant
from smm_event.workspace import Workspace
from tests.conftest import DEMO_FIRST_DAY

EVENING = dt.datetime(2026, 5, 12, 16, 0)  # the first day of stream 1 is over
DANGEROUS = ["=SUM(1)", "+79281234567", "-1", "@x", "\tTAB", "\rCR"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_gets_a_leading_apostrophe_in_csv(text: str) -> None:
    assert escape_formula(text) == "'" + text
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Иванов", "АНО «=Дом»", "1+1", "", "'quoted"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert escape_formula(text) == text


def test_csv_numbers_use_a_decimal_comma_and_none_is_empty() -> None:
    assert [csv_text(v) for v in (62.5, 3, None, 100.0)] == ["62,5", "3", "", "100"]


def test_xlsx_cells_keep_formula_like_text_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row, text in enumerate([*DANGEROUS, "Иванов", 7.5], start=1):
        set_cell(sheet.cell(row, 1), text)
    path = tmp_path / "cells.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula anywhere in the file
    loaded = openpyxl.load_workbook(path).active
    assert loaded is not None
    for row, text in enumerate(DANGEROUS, start=1):
        cell = loaded.cell(row, 1)
        # XML turns a lone carriage return into a newline; the point is: text, never a formula
        assert (cell.value, cell.data_type, cell.quotePrefix) == (
            text.replace("\r", "\n"),
            "s",
            True,
        )
    assert loaded.cell(7, 1).quotePrefix is False
    assert loaded.cell(8, 1).value == 7.5


def test_csv_file_is_utf8_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_csv(path, [["ФИО", "Телефон"], ["Ёлкина; Анна", "+79281234567"]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream, delimiter=";")) == [
            ["ФИО", "Телефон"],
            ["Ёлкина; Анна", "'+79281234567"],
        ]


def _marked_day(ws: Workspace) -> list:  # type: ignore[type-arg]
    sessions = attendance.find_sessions(ws, 1, DEMO_FIRST_DAY)
    roster = attendance.session_roster(ws, sessions[0].id)
    people = [entry.participant for entry in roster.entries]
    for session, status in zip(sessions, ("present", "late", "excused", "absent"), strict=True):
        attendance.mark(ws, session.id, people[0].id, status)
    attendance.mark(ws, sessions[0].id, people[1].id, "absent")
    attendance.mark(ws, sessions[0].id, people[1].id, "present", note='=HYPERLINK("x")')
    return people


def test_xlsx_export_round_trip(demo_workspace: Workspace, tmp_path: Path) -> None:
    people = _marked_day(demo_workspace)
    path = attendance.export_attendance(demo_workspace, 1, tmp_path / "поток1.xlsx", now=EVENING)
    book = openpyxl.load_workbook(path)
    sheet = book["Поток 1"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    header = rows[0]
    assert header[:3] == ("№", "ФИО", "Организация") and header[-1] == "Посещаемость, %"
    assert len(header) == 3 + 16 + 6
    first = rows[1]
    assert first[1] == people[0].full_name and first[2] == people[0].organization
    assert first[3:7] == ("П", "О", "У", "Н")
    assert first[-6:] == (1, 1, 1, 1, 0, 50)
    assert rows[2][3] == "П" and rows[2][-1] == 25  # 1 of 4 held sessions (three unmarked)
    totals = {row[1]: row[3:7] for row in rows[71:]}
    assert totals["Присутствовали"] == (2, 0, 0, 0)
    assert totals["Не отмечены"] == (68, 69, 69, 69)
    assert sheet.cell(6, 4).fill.start_color.rgb.endswith("C8E6C9")  # present is green
    history = list(book["Журнал отметок"].iter_rows(min_row=2, values_only=True))
    assert len(history) == 6
    assert ("присутствовал(а)", "отсутствовал(а)", '=HYPERLINK("x")') in [r[2:5] for r in history]
    notes = [c for c in book["Журнал отметок"]["E"] if c.value == '=HYPERLINK("x")']
    assert len(notes) == 1 and notes[0].quotePrefix and notes[0].data_type == "s"


def test_csv_export_round_trip(demo_workspace: Workspace, tmp_path: Path) -> None:
    people = _marked_day(demo_workspace)
    path = attendance.export_attendance(demo_workspace, 1, tmp_path / "s1.csv", now=EVENING)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0][:3] == ["№", "ФИО", "Организация"]
    assert rows[0][3].startswith(f"{DEMO_FIRST_DAY:%d.%m} 10:00 ")
    assert rows[1][:7] == ["1", people[0].full_name, people[0].organization, "П", "О", "У", "Н"]
    assert rows[1][-1] == "50" and rows[2][-1] == "25"
    assert len(rows) == 1 + 70 + 5


def test_organization_names_that_look_like_formulas_are_escaped(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    person = (
        attendance.session_roster(demo_workspace, attendance.find_sessions(demo_workspace, 1)[0].id)
        .entries[0]
        .participant
    )
    with demo_workspace.transaction() as db:
        row = db.get_one(Participant, person.id)
        changes.record(db, "organization", row.organization_id, {"name": "=1+2"})
    csv_path = attendance.export_attendance(demo_workspace, 1, tmp_path / "s1.csv", now=EVENING)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert ";'=1+2;" in text and ";=1+2;" not in text
    xlsx_path = attendance.export_attendance(demo_workspace, 1, tmp_path / "s1.xlsx", now=EVENING)
    cell = openpyxl.load_workbook(xlsx_path)["Поток 1"].cell(5, 3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+2", "s", True)


def test_export_refuses_other_formats(demo_workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError) as error:
        attendance.export_attendance(demo_workspace, 1, tmp_path / "s1.ods")
    assert error.value.code == "unsupported_export"
