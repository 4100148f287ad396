"""The import dialog's core: a preview says how the file was read and what would change, and
writes nothing; the organizer's encoding, delimiter and column choices are honoured."""

from __future__ import annotations

from pathlib import Path

import pytest

from smm_event.errors import UserError
from smm_event.importing.tabular import ReadOptions
from smm_event.paths import resource_path
from smm_event.services import event_setup, participants, roster_import, scores
from smm_event.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def event_ws(empty_workspace: Workspace) -> Workspace:
    event_setup.init_event_from_file(empty_workspace, resource_path("schedule.example.toml"))
    return empty_workspace


def test_preview_reports_the_shape_problems_and_counts_and_writes_nothing(
    event_ws: Workspace,
) -> None:
    parsed, report = roster_import.preview_roster(event_ws, DATA / "roster" / "excel_cp1251.csv")
    assert (parsed.shape.kind, parsed.shape.encoding, parsed.shape.delimiter) == (
        "text",
        "cp1251",
        ";",
    )
    assert parsed.header[0] == "ФИО" and dict(parsed.columns)["full_name"] == 0
    assert parsed.sample[0].cells[0] == "Петрова Анна Сергеевна"
    assert not report.applied and report.created > 0
    assert (5, "Телефон", "bad_phone") in {
        (i.row_number, i.column, i.reason) for i in report.invalid
    }
    assert participants.list_participants(event_ws) == ()


def test_a_column_the_organizer_maps_by_hand_is_read(event_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Фамилия;Имя;Сотовый\nИванова;Мария;8 928 123-45-67\n", encoding="utf-8")
    detected, _ = roster_import.preview_roster(event_ws, path)
    assert "phone" not in dict(detected.columns) and detected.ignored_columns == ("Сотовый",)
    mapping = (*detected.columns, ("phone", 2))
    report = roster_import.import_roster(event_ws, path, options=ReadOptions(columns=mapping))
    assert report.applied and report.created == 1
    [person] = participants.list_participants(event_ws)
    assert person.phone == "+79281234567"


def test_a_mapping_without_names_is_refused(event_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("Фамилия;Имя\nИванова;Мария\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        roster_import.preview_roster(event_ws, path, ReadOptions(columns=(("surname", 0),)))
    assert caught.value.params["reason"] == "no_name_columns"


def test_a_chosen_encoding_and_delimiter_overrule_detection(
    event_ws: Workspace, tmp_path: Path
) -> None:
    cp1251 = DATA / "roster" / "excel_cp1251.csv"
    with pytest.raises(UserError) as caught:
        roster_import.preview_roster(event_ws, cp1251, ReadOptions(encoding="utf-8-sig"))
    assert caught.value.params["reason"] == "wrong_encoding"
    path = tmp_path / "pipes.txt"
    path.write_text("Фамилия|Имя\nИванова|Мария\n", encoding="utf-8")
    parsed, report = roster_import.preview_roster(event_ws, path, ReadOptions(delimiter="|"))
    assert parsed.shape.delimiter == "|" and report.created == 1
    with pytest.raises(UserError):
        roster_import.preview_roster(event_ws, path, ReadOptions(delimiter="x"))


def test_score_preview_lists_the_people_it_matched_nobody_to(event_ws: Workspace) -> None:
    roster_import.import_roster(event_ws, DATA / "roster" / "google_forms.csv")
    parsed, report = scores.preview_scores(event_ws, DATA / "scores" / "google_quiz.csv", "entry")
    assert parsed.header and not report.applied
    assert report.matched + len(report.unmatched) > 0
    assert all(p.entry_score is None for p in participants.list_participants(event_ws))


def test_progress_is_reported_up_to_the_end(event_ws: Workspace) -> None:
    seen: list[tuple[int, int | None]] = []
    roster_import.import_roster(
        event_ws, DATA / "roster" / "google_forms.csv", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 3) and [d for d, _ in seen] == sorted(d for d, _ in seen)
