"""Sign-in sheet PDFs: Cyrillic text extracts back, every page is numbered «Страница N из M»."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from smm_event.errors import UserError
from smm_event.pdf.signin_sheets import format_phone
from smm_event.services import attendance
from smm_event.workspace import Workspace
from tests.conftest import DEMO_FIRST_DAY


def _pages(path: Path) -> list[str]:
    return [page.extract_text().replace("\xa0", " ") for page in pypdf.PdfReader(path).pages]


def test_one_session_sheet_lists_the_stream_with_a_header_and_page_numbers(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    session = attendance.find_sessions(demo_workspace, 1, DEMO_FIRST_DAY)[0]
    people = [e.participant for e in attendance.session_roster(demo_workspace, session.id).entries]
    path = tmp_path / "лист.pdf"
    pages = attendance.signin_sheet(demo_workspace, 1, DEMO_FIRST_DAY, path, session_id=session.id)
    texts = _pages(path)
    assert len(texts) == pages >= 2
    first = texts[0]
    for expected in (
        "Центр компетенций по SMM для НКО",
        "Выставочный центр «МинводыЭкспо»",
        "ЛИСТ РЕГИСТРАЦИИ УЧАСТНИКОВ",
        "Поток 1 «Базовый»",
        "12 мая 2026 года",
        "Фамилия, имя, отчество",
        "Организация",
        "Телефон",
        "Подпись",
        session.title[:20],
    ):
        assert expected in first
    everything = "\n".join(texts)
    squashed = re.sub(r"\s+", " ", everything)
    for person in people:
        assert person.full_name in squashed
        assert format_phone(person.phone).replace("\xa0", " ") in squashed
    for number, text in enumerate(texts, start=1):
        assert f"Страница {number} из {pages}" in text
        assert "Поток 1 «Базовый» · 12.05.2026" in text  # the running header names the page
    assert "75" in texts[-1] and "Тренер:" in texts[-1]  # five blank rows for walk-ins


def test_a_day_sheet_starts_each_session_on_a_new_page(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    sessions = attendance.find_sessions(demo_workspace, 1, DEMO_FIRST_DAY)
    path = tmp_path / "day.pdf"
    pages = attendance.signin_sheet(demo_workspace, 1, DEMO_FIRST_DAY, path)
    texts = _pages(path)
    starts = [i for i, text in enumerate(texts) if "ЛИСТ РЕГИСТРАЦИИ УЧАСТНИКОВ" in text]
    assert len(starts) == len(sessions) == 4
    assert pages % 4 == 0 and starts == [i * pages // 4 for i in range(4)]
    for start, session in zip(starts, sessions, strict=True):
        assert f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}" in texts[start]


def test_sheets_are_reproducible_byte_for_byte(demo_workspace: Workspace, tmp_path: Path) -> None:
    session = attendance.find_sessions(demo_workspace, 1, DEMO_FIRST_DAY)[0]
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    attendance.signin_sheet(demo_workspace, 1, DEMO_FIRST_DAY, a, session_id=session.id)
    attendance.signin_sheet(demo_workspace, 1, DEMO_FIRST_DAY, b, session_id=session.id)
    assert a.read_bytes() == b.read_bytes()


def test_a_day_without_sessions_is_an_error(demo_workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError) as error:
        attendance.signin_sheet(demo_workspace, 2, DEMO_FIRST_DAY, tmp_path / "x.pdf")
    assert error.value.code == "no_sessions_that_day"


def test_phone_format() -> None:
    assert format_phone("+79281234567") == "+7\xa0928\xa0123-45-67"
    assert format_phone("8 (928) 1") == "8 (928) 1"
    assert format_phone(None) == ""
