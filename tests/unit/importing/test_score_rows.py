"""Test-result files (smm_event.importing.score_rows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smm_event.errors import UserError
from smm_event.importing import RowError, ScoreParse, ScoreRow, parse_scores

DATA = Path(__file__).resolve().parents[2] / "data" / "scores"


def test_google_forms_quiz_export_with_points_out_of_a_maximum() -> None:
    parse = parse_scores(DATA / "google_quiz.csv")
    assert parse.rows == (
        ScoreRow(2, "ivanov@mail.ru", None, "Иванов Иван Иванович", 85.0),
        # Initials are fine when the e-mail says who it is.
        ScoreRow(3, "petrova@example.org", None, "Петрова А.С.", 100.0),
        ScoreRow(4, None, None, "Сидоров Пётр", 45.0),
    )
    assert parse.errors == (RowError(5, "Баллы", "missing_score", None),)


def test_excel_cp1251_by_full_name_and_phone() -> None:
    parse = parse_scores(DATA / "scores_cp1251.csv")
    assert parse.rows == (
        ScoreRow(2, None, "+79287000001", "Петрова Анна Сергеевна", 87.5),
        ScoreRow(3, None, None, "Кузнецов Олег", 40.0),
    )
    assert parse.errors == (
        # Two rows naming the same person by name alone cannot both be right.
        RowError(4, "ФИО", "duplicate_in_file", "Кузнецов Олег"),
        RowError(5, "ФИО", "missing_first_name", None),
        RowError(6, "ФИО", "missing_identity", None),
        RowError(7, "Балл", "bad_score", "сто"),
    )


def test_xlsx_with_three_name_columns_and_numeric_cells() -> None:
    parse = parse_scores(DATA / "scores.xlsx")
    assert parse.errors == ()
    assert parse.rows == (
        ScoreRow(2, None, "+79287770001", "Хаджиева Мадина Руслановна", 93.0),
        ScoreRow(3, None, None, "Беридзе Георгий", 61.25),
    )


def test_namesakes_identified_by_email_are_not_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(
        "ФИО,E-mail,Score\nИванов Иван,a@x.ru,50\nИванов Иван,b@x.ru,60\n", encoding="utf-8"
    )
    parse = parse_scores(path)
    assert [row.score for row in parse.rows] == [50.0, 60.0]
    assert parse.errors == ()


def test_a_bad_email_is_reported_once_not_also_as_missing_identity(tmp_path: Path) -> None:
    path = tmp_path / "scores.csv"
    path.write_text("Email;Баллы\nnot-an-email;50\n", encoding="utf-8")
    assert parse_scores(path).errors == (RowError(2, "Email", "bad_email", "not-an-email"),)


def test_the_first_score_column_is_read_and_others_listed(tmp_path: Path) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(
        "ФИО;Балл входного теста;Балл выходного теста\nИванов Иван;40;90\n", encoding="utf-8"
    )
    parse = parse_scores(path)
    assert [row.score for row in parse.rows] == [40.0]
    assert parse.ignored_columns == ("Балл выходного теста",)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("ФИО;Примечание\nИванов Иван;x\n", "no_score_column"),
        ("Балл;Примечание\n5;x\n", "no_identity_columns"),
    ],
)
def test_files_missing_a_needed_column_are_refused(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        parse_scores(path)
    assert caught.value.params["reason"] == reason


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500), st.sampled_from([b"", "ФИО;Балл\n".encode()]))
def test_arbitrary_bytes_only_ever_raise_user_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, header: bytes
) -> None:
    path = tmp_path_factory.mktemp("junk") / "scores.csv"
    path.write_bytes(header + data)
    try:
        assert isinstance(parse_scores(path), ScoreParse)
    except UserError as exc:
        assert exc.code in {"unreadable_file", "empty_file"}
