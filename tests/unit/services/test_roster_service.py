"""Roster and score import, stream assignment and search through the services, on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smm_event.errors import UserError
from smm_event.paths import resource_path
from smm_event.services import event_setup, participants, roster_import, scores, streams
from smm_event.storage import changes
from smm_event.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def event_ws(empty_workspace: Workspace) -> Workspace:
    event_setup.init_event_from_file(empty_workspace, resource_path("schedule.example.toml"))
    return empty_workspace


def _count(ws: Workspace) -> int:
    return len(participants.list_participants(ws))


def test_google_forms_import_then_reimport_updates_instead_of_duplicating(
    event_ws: Workspace,
) -> None:
    first = roster_import.import_roster(event_ws, DATA / "roster" / "google_forms.csv")
    assert first.applied and first.created == 4 and first.updated == 0
    assert first.ignored_columns == ("Откуда вы узнали о программе?",)
    people = {p.surname: p for p in participants.list_participants(event_ws)}
    ivanov = people["Иванов"]
    assert (ivanov.first_name, ivanov.patronymic) == ("Иван", "Иванович")
    assert ivanov.phone == "+79281234567" and ivanov.email == "ivanov@mail.ru"
    assert ivanov.organization == 'АНО "Центр, который помогает"'
    assert people["Мамедов"].patronymic == "Гусейн оглы"
    again = roster_import.import_roster(event_ws, DATA / "roster" / "google_forms.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert _count(event_ws) == 4


def test_cp1251_file_with_bad_rows_reports_each_and_imports_nothing(event_ws: Workspace) -> None:
    report = roster_import.import_roster(event_ws, DATA / "roster" / "excel_cp1251.csv")
    assert not report.applied
    found = {(issue.row_number, issue.column, issue.reason) for issue in report.invalid}
    assert (5, "Телефон", "bad_phone") in found
    assert (6, "E-mail", "bad_email") in found
    assert (9, "Балл входного теста", "bad_score") in found
    assert _count(event_ws) == 0


def test_skip_invalid_imports_only_the_good_rows(event_ws: Workspace) -> None:
    report = roster_import.import_roster(
        event_ws, DATA / "roster" / "excel_cp1251.csv", skip_invalid=True
    )
    assert report.applied and report.created == 2
    assert {p.surname for p in participants.list_participants(event_ws)} == {"Петрова", "Кузнецов"}


def test_dry_run_changes_nothing(event_ws: Workspace) -> None:
    report = roster_import.import_roster(event_ws, DATA / "roster" / "roster.tsv", dry_run=True)
    assert not report.applied and report.created > 0
    assert _count(event_ws) == 0


def test_a_failure_half_way_leaves_the_workspace_as_it_was(
    event_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_record = changes.record_new_rows

    def failing_record(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:  # organizations were written, participants fail
            raise OSError("disk full")
        return real_record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(changes, "record_new_rows", failing_record)
    with pytest.raises(OSError):
        roster_import.import_roster(event_ws, DATA / "roster" / "google_forms.csv")
    monkeypatch.undo()
    assert calls["n"] == 2
    assert _count(event_ws) == 0
    with event_ws.reading() as session:
        from sqlalchemy import func, select

        from smm_event.storage.models import Organization

        assert session.scalar(select(func.count()).select_from(Organization)) == 0


def test_every_sample_shape_imports(event_ws: Workspace) -> None:
    for name in ("english.csv", "excel_utf8_bom.csv", "roster.tsv", "three_names.xlsx"):
        report = roster_import.import_roster(event_ws, DATA / "roster" / name, skip_invalid=True)
        assert report.applied, name
        assert report.created + report.updated + report.unchanged > 0, name


def test_broken_xlsx_is_a_user_error_and_changes_nothing(
    event_ws: Workspace, tmp_path: Path
) -> None:
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"PK\x03\x04 definitely not a workbook")
    with pytest.raises(UserError) as error:
        roster_import.import_roster(event_ws, broken)
    assert error.value.code == "unreadable_file"
    assert _count(event_ws) == 0


def test_scores_match_by_email_phone_or_name_and_report_strangers(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    people = participants.list_participants(demo_workspace, stream_number=2)
    a, b, c = people[0], people[1], people[2]
    sheet = tmp_path / "scores.csv"
    sheet.write_text(
        "ФИО;E-mail;Телефон;Балл\n"
        f";{a.email};;91\n"
        f";;{a.phone};91\n"
        f";;{b.phone};55,5\n"
        f"{c.full_name};;;12\n"
        "Никто Никтоевич Никтоев;;;50\n",
        encoding="cp1251",
    )
    report = scores.import_scores(demo_workspace, sheet, "exit")
    assert report.matched == 4 and report.changed == 3
    assert [issue.row_number for issue in report.unmatched] == [6]
    assert participants.get_participant(demo_workspace, b.id).exit_score == 55.5
    assert participants.get_participant(demo_workspace, c.id).exit_score == 12


def test_assignment_fills_levels_by_score_and_keeps_manual_overrides(
    demo_workspace: Workspace,
) -> None:
    loads = {load.number: load for load in streams.assign_streams(demo_workspace).streams}
    assert [loads[n].size for n in (1, 2, 3)] == [70, 70, 70]
    assert loads[1].max_score <= loads[2].min_score <= loads[2].max_score <= loads[3].min_score  # type: ignore[operator]
    strongest = max(
        participants.list_participants(demo_workspace), key=lambda p: p.entry_score or 0
    )
    streams.set_participant_stream(demo_workspace, strongest.id, 1)
    summary = streams.assign_streams(demo_workspace)
    assert participants.get_participant(demo_workspace, strongest.id).stream_number == 1
    assert [load.size for load in summary.streams] == [70, 70, 70]
    assert summary.streams[0].locked == 1
    # Deterministic: running it again moves nobody.
    assert streams.assign_streams(demo_workspace).moved == 0
    streams.set_participant_stream(demo_workspace, strongest.id, None)
    streams.assign_streams(demo_workspace)
    assert participants.get_participant(demo_workspace, strongest.id).stream_number == 3


def test_search_folds_cyrillic_case_and_yo(demo_workspace: Workspace) -> None:
    everyone = participants.list_participants(demo_workspace)
    with_yo = next(p for p in everyone if "ё" in p.surname.lower())
    query = with_yo.surname.lower().replace("ё", "е")[:5].upper()
    found = participants.list_participants(demo_workspace, search=query)
    assert with_yo.id in {p.id for p in found}
    assert all(
        query.lower() in p.surname.lower().replace("ё", "е")
        or query.lower()
        in (p.first_name + (p.patronymic or "") + (p.organization or "")).lower().replace("ё", "е")
        for p in found
    )
    phone_tail = with_yo.phone[-7:-3]  # type: ignore[index]
    assert with_yo.id in {
        p.id for p in participants.list_participants(demo_workspace, search=phone_tail)
    }
    assert participants.list_participants(demo_workspace, search="zzzzzz") == ()
    organization = with_yo.organization or ""
    word = max(organization.replace("«", " ").replace("»", " ").split(), key=len)
    by_org = participants.list_participants(demo_workspace, search=word.lower())
    assert with_yo.id in {p.id for p in by_org}


def test_participants_sort_in_russian_order(demo_workspace: Workspace) -> None:
    surnames = [p.surname for p in participants.list_participants(demo_workspace)]
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    keys = [
        [alphabet.index(ch) if ch in alphabet else -1 for ch in s.lower().replace("ё", "е")]
        for s in surnames
    ]
    assert keys == sorted(keys)


def test_demo_copy_is_independent(demo_template: Path, tmp_path: Path) -> None:
    copy = tmp_path / "x.sqlite3"
    shutil.copyfile(demo_template, copy)
    assert copy.stat().st_size == demo_template.stat().st_size
